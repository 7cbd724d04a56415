/**
 * Display transforms for the loss curve (pure, no DOM): TensorBoard's debiased EMA, min/max downsampling to
 * the pixel grid, and y-domains that are safe for a log scale.
 */
import { logDomain } from '../../viz/domain.ts';

/**
 * TensorBoard's smoothing: an exponential moving average started at 0 and divided by (1 − w^k), so the first
 * points are not dragged towards 0. Non-finite values pass through unsmoothed and do not enter the average;
 * a constant series is returned as is (the division would otherwise add rounding noise).
 */
export function debiasedEma(values: ArrayLike<number>, weight: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  let constant = true;
  for (let i = 1; i < n && constant; i++) constant = values[i] === values[0];
  let last = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (constant || !Number.isFinite(v)) {
      out[i] = v;
      continue;
    }
    last = last * weight + (1 - weight) * v;
    count++;
    out[i] = weight === 1 ? last : last / (1 - Math.pow(weight, count));
  }
  return out;
}

/**
 * Indices of the points to draw so that at most 2 points fall in each of `buckets` equal x-intervals: the
 * minimum and the maximum of every bucket, in their original order, so spikes survive. `xs` must be
 * non-decreasing; non-finite ys are skipped. Short series come back whole.
 */
export function minMaxDownsample(xs: ArrayLike<number>, ys: ArrayLike<number>, buckets: number): number[] {
  const n = Math.min(xs.length, ys.length);
  const out: number[] = [];
  if (n <= 2 * buckets) {
    for (let i = 0; i < n; i++) if (Number.isFinite(ys[i])) out.push(i);
    return out;
  }
  const x0 = xs[0];
  const span = xs[n - 1] - x0;
  const bucketOf = (x: number): number => (span > 0 ? Math.min(buckets - 1, Math.floor(((x - x0) / span) * buckets)) : 0);
  let current = -1;
  let lo = -1;
  let hi = -1;
  const flush = (): void => {
    if (lo < 0) return;
    if (lo === hi) out.push(lo);
    else out.push(Math.min(lo, hi), Math.max(lo, hi));
  };
  for (let i = 0; i < n; i++) {
    const y = ys[i];
    if (!Number.isFinite(y)) continue;
    const b = bucketOf(xs[i]);
    if (b !== current) {
      flush();
      current = b;
      lo = hi = i;
    } else {
      if (y < ys[lo]) lo = i;
      if (y > ys[hi]) hi = i;
    }
  }
  flush();
  return out;
}

/**
 * The y-domain that holds every finite value of every series. On a log scale only positive values count
 * (a loss of exactly 0 cannot be drawn there) and the domain spans whole decades; a flat series gets a
 * visible band around it.
 */
export function lossDomain(series: readonly ArrayLike<number>[], log: boolean): [number, number] {
  if (log) {
    const d = logDomain(series);
    return d ? [d[0], d[1]] : [0.01, 1];
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.length; i++) {
      const v = s[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo > hi) return [0, 1];
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return [lo - pad, hi + pad];
  }
  return [lo, hi];
}

/** Whether a value can be placed on the y-scale (finite, and positive on a log scale). */
export function drawable(v: number, log: boolean): boolean {
  return Number.isFinite(v) && (!log || v > 0);
}
