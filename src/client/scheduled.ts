/**
 * The hooks every view reads run data through: a task for the page's FrameScheduler, asked for when the
 * input reports a change, and rationed while the view's panel is off screen.
 */
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { immediateScheduler, type FrameTask, type Scheduler } from './scheduler.ts';
import { useVisibility } from './visibility.ts';

/** The page's scheduler (App provides the requestAnimationFrame one); alone, views update at once. */
export const SchedulerContext = createContext<Scheduler>(immediateScheduler);

export type Subscribe = (onChange: () => void) => () => void;

export interface ScheduleOptions {
  /** Least time between two updates, ms (HEAVY_INTERVAL_MS for heavy views); 0 = every frame. */
  minIntervalMs?: number;
}

/**
 * Run `work` in a coming frame whenever `subscribe` reports a change (and once when subscribed, and when the
 * panel comes back on screen). Keep `subscribe` stable; `work` may be a new closure every render.
 */
export function useScheduledTask(subscribe: Subscribe, work: () => void, options: ScheduleOptions = {}): void {
  const scheduler = useContext(SchedulerContext);
  const visibility = useVisibility();
  const workRef = useRef(work);
  workRef.current = work;
  const minIntervalMs = options.minIntervalMs ?? 0;
  useEffect(() => {
    const task: FrameTask = { run: () => workRef.current(), visible: () => visibility.isVisible(), minIntervalMs };
    const ask = (): void => scheduler.request(task);
    const off = subscribe(ask);
    const offShow = visibility.onShow(ask);
    // A change between the render and the subscription.
    task.run();
    return () => {
      off();
      offShow();
      scheduler.cancel(task);
    };
  }, [subscribe, scheduler, visibility, minIntervalMs]);
}

const differs = (prev: unknown, next: unknown): boolean => !Object.is(prev, next);

/**
 * `read()` as React state, re-read in a scheduled task after each change. `changed` decides whether a new
 * reading differs (arrays appended to in place need a length check).
 */
export function useScheduledValue<T>(subscribe: Subscribe, read: () => T, options: ScheduleOptions & { changed?: (prev: T, next: T) => boolean } = {}): T {
  const [value, setValue] = useState(read);
  const latest = useRef({ read, changed: options.changed ?? differs, value });
  latest.current = { read, changed: options.changed ?? differs, value };
  useScheduledTask(
    subscribe,
    () => {
      const { read: r, changed, value: prev } = latest.current;
      const next = r();
      if (changed(prev, next)) {
        latest.current.value = next;
        setValue(() => next);
      }
    },
    options,
  );
  return value;
}

/** A counter that goes up (in a scheduled task) when `subscribe` reports a change: for views that read several stores afresh. */
export function useScheduledVersion(subscribe: Subscribe, options: ScheduleOptions = {}): number {
  const changes = useRef(0);
  const [counted] = useState(() => new WeakMap<Subscribe, Subscribe>());
  let wrapped = counted.get(subscribe);
  if (!wrapped) {
    wrapped = (onChange) =>
      subscribe(() => {
        changes.current += 1;
        onChange();
      });
    counted.set(subscribe, wrapped);
  }
  return useScheduledValue(wrapped, () => changes.current, options);
}
