/**
 * The one way views read frames: the frame on show of a run — the live one, or the kept snapshot at or
 * before the training step the history cursor points at — delivered through the page's scheduler. A racer's
 * view reads its own run's frames on the cursor of the run the page shows, so every model is seen at the
 * same training step.
 */
import { useCallback, useMemo } from 'react';
import type { AppStore } from '../store/appStore.ts';
import type { ProbeFrame } from '../contracts/protocol.ts';
import type { Source } from './source.ts';
import type { Run } from './run.ts';
import { useRun } from './runContext.ts';
import { useScheduledValue, type ScheduleOptions } from './scheduled.ts';

/** The frame on show of `frames`' run under the history cursor of `cursor`. */
export function shownFrame(run: Pick<Run, 'frames'>, cursor: AppStore): ProbeFrame | null {
  return run.frames.shown(cursor.getState().selection.historyStep);
}

/** Notified on a publish and when the history cursor moves. */
export function subscribeShown(run: Pick<Run, 'frames'>, cursor: AppStore, onChange: () => void): () => void {
  const offBus = run.frames.subscribe(onChange);
  const offCursor = cursor.subscribe((s, prev) => {
    if (s.selection.historyStep !== prev.selection.historyStep) onChange();
  });
  return () => {
    offBus();
    offCursor();
  };
}

/** A Source of something read off the frame on show (null while there is no frame). */
function frameSourceOf<T>(run: Pick<Run, 'frames'>, cursor: AppStore, select: (f: ProbeFrame) => T | null): Source<T> {
  return {
    read: () => {
      const f = shownFrame(run, cursor);
      return f ? select(f) : null;
    },
    subscribe: (onChange) => subscribeShown(run, cursor, onChange),
  };
}

/**
 * A Source of the frame on show of the run in context (or of `of`, a racer, on the context run's cursor);
 * rebuilt when `deps` change, as useMemo's.
 */
export function useFrameSource<T>(select: (f: ProbeFrame) => T | null, deps: readonly unknown[], of?: Run): Source<T> {
  const run = useRun();
  const target = of ?? run;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => frameSourceOf(target, run.store, select), [target, run.store, ...deps]);
}

/** The change notification of the frame on show (stable per run). */
function useShownSubscribe(of?: Run): (onChange: () => void) => () => void {
  const run = useRun();
  const target = of ?? run;
  return useCallback((onChange: () => void) => subscribeShown(target, run.store, onChange), [target, run.store]);
}

/** The frame on show as React state, updated by the scheduler. */
export function useShownFrame(options: ScheduleOptions & { of?: Run } = {}): ProbeFrame | null {
  const run = useRun();
  const target = options.of ?? run;
  const subscribe = useShownSubscribe(options.of);
  return useScheduledValue(subscribe, () => shownFrame(target, run.store), options);
}

/** A primitive read off the frame on show, re-rendering only when it changes (return primitives, not objects). */
export function useShownValue<T extends string | number | boolean | null>(select: (f: ProbeFrame | null) => T, of?: Run): T {
  const run = useRun();
  const target = of ?? run;
  const subscribe = useShownSubscribe(of);
  return useScheduledValue(subscribe, () => select(shownFrame(target, run.store)));
}
