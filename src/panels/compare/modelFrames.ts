/**
 * The frame of each racer that the comparison panel shows: the live one, or — while the training-history
 * scrubber points back — the racer's snapshot at or before the step on show, so all models are compared at
 * the same training step. Sources notify on any racer's publish and when the scrubber moves.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { CompareModel } from '../../compare/session.ts';
import { appStore } from '../../store/appStore.ts';
import { frameBus, type HistoryEntry } from '../../store/frameBus.ts';
import type { Source } from '../../viz/source.ts';
import { throttled } from '../../viz/throttle.ts';
import type { ProbeFrame } from '../../worker/protocol.ts';

/** The latest entry with step ≤ `step`, or null. */
export function entryAtOrBefore(history: readonly HistoryEntry[], step: number): HistoryEntry | null {
  let lo = 0;
  let hi = history.length - 1;
  let best: HistoryEntry | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (history[mid].step <= step) {
      best = history[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** The training step the page's scrubber shows, or null when live. */
function scrubbedStep(): number | null {
  const i = appStore.getState().selection.historyIndex;
  return i === null ? null : (frameBus.history()[i]?.step ?? null);
}

export function modelFrame(model: CompareModel): ProbeFrame | null {
  const step = scrubbedStep();
  const live = model.bus.latest();
  if (step === null) return live;
  return entryAtOrBefore(model.bus.history(), step)?.frame ?? live;
}

function subscribeModels(models: readonly CompareModel[], onChange: () => void): () => void {
  const offs = models.map((m) => m.bus.subscribe(onChange));
  offs.push(
    appStore.subscribe((s, prev) => {
      if (s.selection.historyIndex !== prev.selection.historyIndex) onChange();
    }),
  );
  return () => offs.forEach((off) => off());
}

/**
 * A Source of something read off every racer's frame on show (null frames included); keep `select` stable.
 * `intervalMs` > 0 rations the change notifications: overview pictures need not repaint at the frame rate of
 * every racer, and the main thread shares the processor with one worker per racer.
 */
export function modelsSource<T>(models: readonly CompareModel[], select: (frames: (ProbeFrame | null)[]) => T | null, intervalMs = 0): Source<T> {
  return {
    read: () => select(models.map(modelFrame)),
    subscribe: (onChange) => {
      if (intervalMs <= 0) return subscribeModels(models, onChange);
      const t = throttled(onChange, intervalMs);
      const off = subscribeModels(models, t.call);
      return () => {
        off();
        t.cancel();
      };
    },
  };
}

/** A primitive read off the racers' frames, re-rendering only when it changes. */
export function useModelsValue<T extends string | number | boolean | null>(models: readonly CompareModel[], select: (frames: (ProbeFrame | null)[]) => T): T {
  const subscribe = useCallback((cb: () => void) => subscribeModels(models, cb), [models]);
  return useSyncExternalStore(subscribe, () => select(models.map(modelFrame)));
}
