import { describe, expect, it } from 'vitest';
import { debiasedEma, drawable, lossDomain, minMaxDownsample } from './lossMath.ts';

describe('debiasedEma', () => {
  it('matches a hand-computed example (w = 0.5 on 1, 2, 3)', () => {
    // k=1: 0.5·1 / (1−0.5) = 1; k=2: (0.25 + 1) / 0.75 = 5/3; k=3: (0.625 + 1.5) / 0.875 = 17/7.
    const s = debiasedEma([1, 2, 3], 0.5);
    expect(s[0]).toBeCloseTo(1, 12);
    expect(s[1]).toBeCloseTo(5 / 3, 12);
    expect(s[2]).toBeCloseTo(17 / 7, 12);
  });

  it('is the identity at weight 0 and starts at the first value at any weight', () => {
    expect(Array.from(debiasedEma([3, 1, 4, 1, 5], 0))).toEqual([3, 1, 4, 1, 5]);
    expect(debiasedEma([7, 1, 1], 0.999)[0]).toBeCloseTo(7, 9);
  });

  it('passes non-finite values through without poisoning the average', () => {
    const s = debiasedEma([1, NaN, 3], 0.5);
    expect(s[1]).toBeNaN();
    // Same as smoothing [1, 3]: (0.25 + 1.5) / 0.75.
    expect(s[2]).toBeCloseTo(1.75 / 0.75, 12);
  });

  it('leaves a constant series exactly constant', () => {
    expect(Array.from(debiasedEma([0.1, 0.1, 0.1, 0.1], 0.9))).toEqual([0.1, 0.1, 0.1, 0.1]);
  });
});

describe('minMaxDownsample', () => {
  it('returns short series whole', () => {
    expect(minMaxDownsample([1, 2, 3], [5, 6, 7], 10)).toEqual([0, 1, 2]);
  });

  it('keeps at most two points per bucket, including every bucket min and max (spikes survive)', () => {
    const n = 100_000;
    const xs = Float64Array.from({ length: n }, (_, i) => i + 1);
    const ys = Float64Array.from({ length: n }, (_, i) => 1 + 0.1 * Math.sin(i / 50));
    ys[12_345] = 50; // a spike
    ys[77_777] = -3; // a dip
    const buckets = 400;
    const idx = minMaxDownsample(xs, ys, buckets);
    expect(idx.length).toBeLessThanOrEqual(2 * buckets);
    expect(idx).toContain(12_345);
    expect(idx).toContain(77_777);
    for (let k = 1; k < idx.length; k++) expect(idx[k]).toBeGreaterThan(idx[k - 1]);
    const kept = idx.map((i) => ys[i]);
    expect(Math.max(...kept)).toBe(50);
    expect(Math.min(...kept)).toBe(-3);
  });

  it('buckets by x value, so uneven spacing (a time axis) still gives ≤ 2 points per bucket', () => {
    const xs = [0, 0, 0, 0, 1, 2, 3, 100, 100, 100];
    const ys = [1, 9, 2, 8, 3, 4, 5, 6, 0, 7];
    const idx = minMaxDownsample(xs, ys, 2);
    // Bucket 0 holds x < 50 (indices 0–6): min 1 at 0, max 9 at 1; bucket 1 holds indices 7–9: min 0 at 8, max 7 at 9.
    expect(idx).toEqual([0, 1, 8, 9]);
  });

  it('skips non-finite values', () => {
    expect(minMaxDownsample([1, 2, 3], [1, NaN, 3], 10)).toEqual([0, 2]);
  });
});

describe('lossDomain', () => {
  it('spans all finite values of all series on a linear scale', () => {
    expect(lossDomain([[0.5, 2, NaN], [0, 1]], false)).toEqual([0, 2]);
  });

  it('ignores zeros and negatives on a log scale and spans whole decades', () => {
    expect(lossDomain([[0, 0.01, 1, -1], [0, 8]], true)).toEqual([0.01, 10]);
    expect(lossDomain([[0, 0.03, 0.7]], true)).toEqual([0.01, 1]);
  });

  it('falls back to a usable domain when nothing is drawable', () => {
    const [lo, hi] = lossDomain([[0, 0]], true);
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeGreaterThan(lo);
    expect(lossDomain([], false)).toEqual([0, 1]);
  });

  it('widens a flat series', () => {
    expect(lossDomain([[2, 2]], true)).toEqual([1, 10]);
    const [lo, hi] = lossDomain([[2, 2]], false);
    expect(lo).toBeLessThan(2);
    expect(hi).toBeGreaterThan(2);
  });

  it('drawable mirrors the log rule', () => {
    expect(drawable(0, true)).toBe(false);
    expect(drawable(0, false)).toBe(true);
    expect(drawable(Infinity, false)).toBe(false);
  });
});
