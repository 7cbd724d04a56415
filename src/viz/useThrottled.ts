/** React state fed by streams that change far more often than SVG charts rebuilt whole should re-render. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { throttled } from './throttle.ts';

export type Subscribe = (onChange: () => void) => () => void;

const differs = (prev: unknown, next: unknown): boolean => !Object.is(prev, next);

/**
 * `read()`, re-read at most once per `intervalMs` after `subscribe` reports a change (the first change at
 * once, the latest at the end of the interval). `changed` decides whether a new reading differs; arrays
 * appended to in place need a length check. Keep `subscribe` stable; `read` and `changed` may be new closures.
 */
export function useThrottled<T>(subscribe: Subscribe, read: () => T, intervalMs: number, changed: (prev: T, next: T) => boolean = differs): T {
  const [value, setValue] = useState(read);
  const latest = useRef({ read, changed, value });
  latest.current = { read, changed, value };

  useEffect(() => {
    const update = (): void => {
      const { read: r, changed: ch, value: prev } = latest.current;
      const next = r();
      if (ch(prev, next)) {
        latest.current.value = next;
        setValue(next);
      }
    };
    update(); // a change between the render and the subscription
    const t = throttled(update, intervalMs);
    const off = subscribe(t.call);
    return () => {
      off();
      t.cancel();
    };
  }, [subscribe, intervalMs]);

  return value;
}

/**
 * A counter that goes up, at most once per `intervalMs`, when `subscribe` reports a change: for views that
 * read several stores afresh whenever it moves. Keep `subscribe` stable (useMemo/useCallback).
 */
export function useThrottledVersion(subscribe: Subscribe, intervalMs = 100): number {
  const changes = useRef(0);
  const counted = useCallback(
    (onChange: () => void) =>
      subscribe(() => {
        changes.current += 1;
        onChange();
      }),
    [subscribe],
  );
  return useThrottled(counted, () => changes.current, intervalMs);
}
