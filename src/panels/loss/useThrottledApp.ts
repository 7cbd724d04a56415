import { useEffect, useRef, useState } from 'react';
import { appStore, type AppState } from '../../store/appStore.ts';

/**
 * A store selection that re-renders at most once per `intervalMs` (first change at once, the latest one at
 * the end of the interval), for panels fed by fast streams such as the loss history during training.
 * `changed` decides whether a new selection differs; arrays the client appends to in place need a length check.
 */
export function useThrottledApp<T>(select: (s: AppState) => T, changed: (prev: T, next: T) => boolean, intervalMs = 100): T {
  const [value, setValue] = useState(() => select(appStore.getState()));
  const latest = useRef({ select, changed, value });
  latest.current = { select, changed, value };

  useEffect(() => {
    let lastFlush = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = (): void => {
      timer = null;
      lastFlush = performance.now();
      const { select: sel, changed: ch, value: prev } = latest.current;
      const next = sel(appStore.getState());
      if (ch(prev, next)) {
        latest.current.value = next;
        setValue(next);
      }
    };
    flush();
    const unsubscribe = appStore.subscribe(() => {
      if (timer !== null) return;
      const wait = lastFlush + intervalMs - performance.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [intervalMs]);

  return value;
}
