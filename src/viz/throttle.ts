/** Calls `fn` at most once per `ms` (the first call at once, the latest at the end of the interval). */
export function throttled(fn: () => void, ms: number): { call: () => void; cancel: () => void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = (): void => {
    timer = null;
    last = performance.now();
    fn();
  };
  return {
    call: () => {
      if (timer !== null) return;
      const wait = last + ms - performance.now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    cancel: () => {
      if (timer !== null) clearTimeout(timer);
    },
  };
}
