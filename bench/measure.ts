/** Timing helpers shared by the benchmark rows. */

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The samples' count and their spread around the median, e.g. "n=5, -4%/+9%". */
export function spread(xs: number[]): string {
  if (xs.length < 2) return `n=${xs.length}`;
  const m = median(xs);
  return `n=${xs.length}, ${((100 * (Math.min(...xs) - m)) / m).toFixed(0)}%/+${((100 * (Math.max(...xs) - m)) / m).toFixed(0)}%`;
}

/** Steps per second of `n` calls of `run` (one training step each), and the loss of the last. */
export function timeSteps(run: () => number, n: number): { rate: number; loss: number } {
  let loss = NaN;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) loss = run();
  const dt = (performance.now() - t0) / 1000;
  return { rate: n / dt, loss };
}

export function fmtRate(v: number): string {
  if (!Number.isFinite(v)) return 'n/a';
  if (v >= 100) return v.toFixed(0);
  if (v >= 1) return v.toFixed(2);
  return v.toPrecision(3);
}
