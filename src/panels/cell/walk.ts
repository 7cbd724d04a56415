/**
 * Stepping through time in the direction of the walk: the forward pass goes t = 1 → T, the BPTT walk
 * T → 1 (selection.t is 0-based).
 */
import { useEffect, useState } from 'react';
import { setTimestep } from '../../store/actions.ts';
import { type WalkMode } from '../../store/appStore.ts';
import { useAppStore } from '../../client/useApp.ts';

/** The timestep one step on (+1) or back (−1) along the walk, clamped to [0, T−1]. */
export function walkStep(t: number, T: number, walk: WalkMode, dir: 1 | -1): number {
  const next = t + (walk === 'forward' ? dir : -dir);
  return Math.max(0, Math.min(T - 1, next));
}

/** Where a walk starts: t = 1 forward, t = T backward. */
export function walkStart(T: number, walk: WalkMode): number {
  return walk === 'forward' ? 0 : T - 1;
}

export const WALK_INTERVAL_MS = 500;

/** Auto-play along the walk at two steps a second; stops at the end, and restarts from the start if begun there. */
export function useWalkPlayer(T: number): { playing: boolean; toggle: () => void } {
  const store = useAppStore();
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => {
      const { t, walk } = store.getState().selection;
      const next = walkStep(t, T, walk, 1);
      if (next === t) setPlaying(false);
      else setTimestep(store, next, T);
    }, WALK_INTERVAL_MS);
    return () => clearInterval(id);
  }, [playing, T, store]);
  const toggle = () => {
    if (!playing) {
      const { t, walk } = store.getState().selection;
      if (walkStep(t, T, walk, 1) === t) setTimestep(store, walkStart(T, walk), T);
    }
    setPlaying(!playing);
  };
  return { playing, toggle };
}
