import { useEffect, useState } from 'react';

/**
 * A counter that goes up when `subscribe` reports a change, at most once per `intervalMs` (the first change at
 * once, the latest at the end of the interval): the racers' stores and frame buses change with every message,
 * far more often than SVG charts rebuilt whole should re-render. Keep `subscribe` stable (useMemo/useCallback).
 */
export function useThrottledVersion(subscribe: (onChange: () => void) => () => void, intervalMs = 100): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const bump = (): void => {
      timer = null;
      last = performance.now();
      setVersion((v) => v + 1);
    };
    const off = subscribe(() => {
      if (timer !== null) return;
      const wait = last + intervalMs - performance.now();
      if (wait <= 0) bump();
      else timer = setTimeout(bump, wait);
    });
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, [subscribe, intervalMs]);
  return version;
}
