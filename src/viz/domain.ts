/**
 * Colour and axis domains. Data-driven domains are rounded up to 1, 2 or 5 × 10^k, so a legend keeps its
 * ticks while training changes the values a little and React re-renders it only when the scale really moves.
 */
import type { GridLayout } from './grid.ts';

export type Domain = readonly [number, number];

/** 10^k, exactly as the decimal literal 1ek (10 ** -4 is 0.00009999999999999999). */
export function pow10(k: number): number {
  return Number(`1e${k}`);
}

/** Narrowest span an axis or colour scale uses: d3's ticks of anything narrower overflow (10^290 is finite). */
export const MIN_SPAN = 1e-290;
/** Largest magnitude on an axis or colour scale: keeps hi − lo finite; larger values sit at the edge. */
export const MAX_ABS = 1e300;

/**
 * Smallest 1, 2 or 5 × 10^k that is ≥ m (m > 0), kept within [MIN_SPAN, MAX_ABS] so a scale over it stays
 * finite; 0 for m ≤ 0 or non-finite m.
 */
export function niceCeil(m: number): number {
  if (!(m > 0) || !Number.isFinite(m)) return 0;
  if (m <= MIN_SPAN) return MIN_SPAN;
  if (m >= MAX_ABS) return MAX_ABS;
  const p = pow10(Math.floor(Math.log10(m)));
  for (const s of [1, 2, 5, 10]) {
    // The tolerance keeps exact powers (0.1, 1e-7) from rounding up through floating-point noise.
    if (s * p >= m * (1 - 1e-9)) return s * p;
  }
  return 10 * p;
}

/** Largest power of ten ≤ m (m > 0; a Float32 rounding of a power counts as it); 0 otherwise. */
function powerFloor(m: number): number {
  return m > 0 && Number.isFinite(m) ? pow10(Math.floor(Math.log10(m) + 1e-6)) : 0;
}

const SAMPLE = 4096;
const scratch = new Float32Array(SAMPLE);

/**
 * The q-quantile of |v| over the cells of a rows × cols view (at most 4,096 evenly spaced cells are looked at,
 * so it stays cheap per frame), and the exact max |v|. Non-finite values are skipped.
 */
export function absQuantile(values: ArrayLike<number>, q: number, rows?: number, cols?: number, layout?: GridLayout): { quantile: number; max: number } {
  const r = rows ?? 1;
  const c = cols ?? values.length;
  const lay = layout ?? { offset: 0, rowStride: c, colStride: 1 };
  const total = r * c;
  const stride = Math.max(1, Math.ceil(total / SAMPLE));
  let n = 0;
  let max = 0;
  for (let k = 0; k < total; k++) {
    const v = Math.abs(values[lay.offset + Math.floor(k / c) * lay.rowStride + (k % c) * lay.colStride]);
    if (!Number.isFinite(v)) continue;
    if (v > max) max = v;
    if (k % stride === 0 && n < SAMPLE) scratch[n++] = v;
  }
  if (n === 0) return { quantile: 0, max: 0 };
  const sorted = scratch.subarray(0, n).sort();
  return { quantile: sorted[Math.min(n - 1, Math.floor(q * (n - 1) + 0.5))], max };
}

export interface SymmetricOptions {
  /** Quantile of |v| that sets the half-width (robust to a few outliers); 1 = max |v|. */
  quantile?: number;
  /** Smallest half-width, e.g. 1 so states in [−1, 1] keep a fixed scale. */
  floor?: number;
  rows?: number;
  cols?: number;
  layout?: GridLayout;
}

/** [−m, m] with m the nice-rounded robust max |v| (default 99th percentile); [−1, 1] when all values are 0. */
export function symmetricDomain(values: ArrayLike<number>, options: SymmetricOptions = {}): Domain {
  const { quantile, max } = absQuantile(values, options.quantile ?? 0.99, options.rows, options.cols, options.layout);
  const m = Math.max(niceCeil(quantile > 0 ? quantile : max), options.floor ?? 0);
  return m > 0 ? [-m, m] : [-1, 1];
}

const symmetricCache = new WeakMap<Float32Array, Map<number, Domain>>();

/** symmetricDomain over a whole array, cached per array and floor (frames are immutable once published). */
export function symmetricDomainOf(values: Float32Array, floor = 0): Domain {
  let byFloor = symmetricCache.get(values);
  if (!byFloor) symmetricCache.set(values, (byFloor = new Map()));
  let d = byFloor.get(floor);
  if (!d) byFloor.set(floor, (d = symmetricDomain(values, { floor })));
  return d;
}

/** Smallest positive value on a log axis: below it d3's log ticks overflow like the linear ones. */
const MIN_LOG = 1e-300;

/**
 * A log-axis domain covering the positive finite values (clamped to [MIN_LOG, MAX_ABS]), widened to whole
 * powers of ten; null if none.
 */
export function logDomain(series: readonly ArrayLike<number>[]): Domain | null {
  let lo = Infinity;
  let hi = 0;
  for (const s of series) {
    for (let i = 0; i < s.length; i++) {
      const v = s[i];
      if (v > 0 && Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  if (!(hi > 0)) return null;
  lo = Math.min(Math.max(lo, MIN_LOG), MAX_ABS);
  hi = Math.min(Math.max(hi, MIN_LOG), MAX_ABS);
  const bottom = powerFloor(lo);
  const below = powerFloor(hi);
  const top = hi <= below * (1 + 1e-6) ? below : 10 * below;
  return [bottom, Math.max(top, 10 * bottom)];
}

/** Same two numbers (domains from state vs freshly computed ones); NaN equals NaN, or a repaint would loop. */
export function sameDomain(a: Domain | null, b: Domain | null): boolean {
  return a === b || (a !== null && b !== null && Object.is(a[0], b[0]) && Object.is(a[1], b[1]));
}

/** [−m, m] covering every finite value of the series (lines must fit), m nice-rounded and at least `floor`. */
export function seriesSymmetricDomain(series: readonly ArrayLike<number>[], floor = 0): Domain {
  let max = 0;
  for (const s of series) {
    for (let i = 0; i < s.length; i++) {
      const a = Math.abs(s[i]);
      if (a > max && Number.isFinite(a)) max = a;
    }
  }
  const m = Math.max(niceCeil(max), floor);
  return m > 0 ? [-m, m] : [-1, 1];
}
