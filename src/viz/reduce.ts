/**
 * Min/max reduction of a long series to at most 2 points per bucket (one bucket per pixel), kept up to date
 * as points are appended: each append costs only the new points, so a chart of a run that has trained for ten
 * minutes costs what it cost after one. Buckets are equal x-intervals from the first point; when the series
 * outgrows them their width doubles and neighbouring buckets merge (pairs merge exactly, because a bucket of
 * width 2w is two buckets of width w), so appending in any chunks gives the same result as reducing the whole
 * series at once. The minimum and the maximum of every bucket are kept, so spikes survive.
 */

export class MinMaxReducer {
  /** Points appended so far (indices into the caller's arrays). */
  length = 0;
  readonly buckets: number;
  private readonly minAt: Int32Array;
  private readonly maxAt: Int32Array;
  private readonly minV: Float64Array;
  private readonly maxV: Float64Array;
  private used = 0;
  private x0 = NaN;
  private width = NaN;

  /** `buckets` ≥ 2 (rounded down to an even number, so buckets merge in pairs). */
  constructor(buckets: number) {
    const n = Math.max(2, Math.floor(buckets / 2) * 2);
    this.buckets = n;
    this.minAt = new Int32Array(n).fill(-1);
    this.maxAt = new Int32Array(n).fill(-1);
    this.minV = new Float64Array(n);
    this.maxV = new Float64Array(n);
  }

  /** Take in points [this.length, end) of xs/ys (x non-decreasing); non-finite points are skipped. */
  append(xs: ArrayLike<number>, ys: ArrayLike<number>, end = Math.min(xs.length, ys.length)): void {
    for (let i = this.length; i < end; i++) {
      const x = xs[i];
      const y = ys[i];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (Number.isNaN(this.x0)) this.x0 = x;
      else if (Number.isNaN(this.width) && x > this.x0) this.width = x - this.x0;
      const b = this.bucketOf(x);
      const k = b >= 0 ? b : 0;
      if (this.minAt[k] < 0) {
        this.minAt[k] = this.maxAt[k] = i;
        this.minV[k] = this.maxV[k] = y;
        if (k >= this.used) this.used = k + 1;
        continue;
      }
      if (y < this.minV[k]) {
        this.minV[k] = y;
        this.minAt[k] = i;
      }
      if (y > this.maxV[k]) {
        this.maxV[k] = y;
        this.maxAt[k] = i;
      }
    }
    if (end > this.length) this.length = end;
  }

  /** The kept points' indices in order: each bucket's min and max (one index when they coincide). */
  indices(): Int32Array {
    const out = new Int32Array(2 * this.used);
    let n = 0;
    for (let k = 0; k < this.used; k++) {
      const a = this.minAt[k];
      if (a < 0) continue;
      const b = this.maxAt[k];
      if (a === b) out[n++] = a;
      else {
        out[n++] = Math.min(a, b);
        out[n++] = Math.max(a, b);
      }
    }
    return out.subarray(0, n);
  }

  /** The bucket of x, doubling the bucket width until it fits. */
  private bucketOf(x: number): number {
    if (Number.isNaN(this.width)) return 0;
    let b = Math.floor((x - this.x0) / this.width);
    while (b >= this.buckets) {
      this.merge();
      b = Math.floor((x - this.x0) / this.width);
    }
    return b;
  }

  /** Double the bucket width: bucket k of the new width is buckets 2k and 2k + 1 of the old one. */
  private merge(): void {
    const half = this.buckets / 2;
    for (let k = 0; k < half; k++) {
      const a = 2 * k;
      const b = a + 1;
      let minAt = this.minAt[a];
      let maxAt = this.maxAt[a];
      let minV = this.minV[a];
      let maxV = this.maxV[a];
      if (this.minAt[b] >= 0) {
        // Ties keep the earlier point, as a single pass over the points would.
        if (minAt < 0 || this.minV[b] < minV) {
          minAt = this.minAt[b];
          minV = this.minV[b];
        }
        if (maxAt < 0 || this.maxV[b] > maxV) {
          maxAt = this.maxAt[b];
          maxV = this.maxV[b];
        }
      }
      this.minAt[k] = minAt;
      this.maxAt[k] = maxAt;
      this.minV[k] = minV;
      this.maxV[k] = maxV;
    }
    this.minAt.fill(-1, half);
    this.maxAt.fill(-1, half);
    this.used = Math.ceil(this.used / 2);
    this.width *= 2;
  }
}

/** Indices of the points to draw of a whole series: all of them when short, else its min/max reduction. */
export function reduceMinMax(xs: ArrayLike<number>, ys: ArrayLike<number>, buckets: number): Int32Array {
  const n = Math.min(xs.length, ys.length);
  if (n <= 2 * buckets) {
    const out = new Int32Array(n);
    let k = 0;
    for (let i = 0; i < n; i++) if (Number.isFinite(xs[i]) && Number.isFinite(ys[i])) out[k++] = i;
    return out.subarray(0, k);
  }
  const r = new MinMaxReducer(buckets);
  r.append(xs, ys, n);
  return r.indices();
}
