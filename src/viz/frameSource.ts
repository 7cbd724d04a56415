/**
 * The frame on show (live, or the training-history snapshot the scrubber selected — the rule of useFrame) as
 * a Source, for canvas panels that repaint per frame without re-rendering React.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { appStore } from '../store/appStore.ts';
import { frameBus } from '../store/frameBus.ts';
import { cellFromGateCount } from '../engine/gateLayout.ts';
import type { CellKind } from '../engine/config.ts';
import type { ProbeFrame } from '../worker/protocol.ts';
import type { Source } from './source.ts';

export function currentFrame(): ProbeFrame | null {
  const i = appStore.getState().selection.historyIndex;
  const live = frameBus.latest();
  return i === null ? live : (frameBus.history()[i]?.frame ?? live);
}

/** Notified on a publish and when the history cursor moves. */
export function subscribeCurrentFrame(onChange: () => void): () => void {
  const offBus = frameBus.subscribe(onChange);
  const offStore = appStore.subscribe((s, prev) => {
    if (s.selection.historyIndex !== prev.selection.historyIndex) onChange();
  });
  return () => {
    offBus();
    offStore();
  };
}

/** A Source of something read off the current frame; keep `select` stable (useMemo) or it resubscribes. */
export function frameSource<T>(select: (f: ProbeFrame) => T | null): Source<T> {
  return {
    read: () => {
      const f = currentFrame();
      return f ? select(f) : null;
    },
    subscribe: subscribeCurrentFrame,
  };
}

/** A primitive read off the current frame, re-rendering only when it changes (return primitives, not objects). */
export function useFrameValue<T extends string | number | boolean | null>(select: (f: ProbeFrame | null) => T): T {
  return useSyncExternalStore(subscribeCurrentFrame, () => select(currentFrame()));
}

export interface FrameShape {
  T: number;
  H: number;
  numLayers: number;
  cell: CellKind;
}

/** Cell kind of a frame, from its fused gate width (4 LSTM, 3 GRU, 1 RNN). */
export function frameCell(f: ProbeFrame): CellKind {
  return cellFromGateCount(f.layers[0].act.length / (f.T * f.H)) ?? 'rnn';
}

/** Shape of the frame on show; re-renders only when it changes (a new run), not per frame. */
export function useFrameShape(): FrameShape | null {
  const key = useFrameValue((f) => (f && f.layers.length ? `${f.T}|${f.H}|${f.layers.length}|${frameCell(f)}` : null));
  return useMemo(() => {
    if (!key) return null;
    const [T, H, L, cell] = key.split('|');
    return { T: +T, H: +H, numLayers: +L, cell: cell as CellKind };
  }, [key]);
}
