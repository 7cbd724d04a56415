import { useSyncExternalStore } from 'react';
import { frameBus } from '../store/frameBus.ts';
import { useApp } from '../store/appStore.ts';
import type { ProbeFrame } from '../worker/protocol.ts';

/**
 * The probe frame the panels should show: the live one, or the history snapshot the training-step
 * scrubber points at. For canvas panels that repaint often, subscribe to frameBus directly instead.
 */
export function useFrame(): ProbeFrame | null {
  const historyIndex = useApp((s) => s.selection.historyIndex);
  const live = useSyncExternalStore(
    (cb) => frameBus.subscribe(cb),
    () => frameBus.latest(),
  );
  if (historyIndex === null) return live;
  return frameBus.history()[historyIndex]?.frame ?? live;
}
