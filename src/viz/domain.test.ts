import { describe, expect, it } from 'vitest';
import { absQuantile, logDomain, niceCeil, sameDomain, seriesSymmetricDomain, symmetricDomain, symmetricDomainOf } from './domain.ts';
import { timeMajorBlock } from './grid.ts';

describe('niceCeil', () => {
  it('rounds up to 1, 2 or 5 × 10^k', () => {
    expect(niceCeil(0.7)).toBe(1);
    expect(niceCeil(1)).toBe(1);
    expect(niceCeil(1.2)).toBe(2);
    expect(niceCeil(3)).toBe(5);
    expect(niceCeil(6)).toBe(10);
    expect(niceCeil(0.1)).toBeCloseTo(0.1, 15);
    expect(niceCeil(1.3e-5)).toBeCloseTo(2e-5, 15);
    expect(niceCeil(0)).toBe(0);
    expect(niceCeil(NaN)).toBe(0);
  });
});

describe('symmetricDomain', () => {
  it('uses a robust quantile, so one outlier does not wash out the rest', () => {
    const v = new Float32Array(1000).map((_, i) => ((i % 7) - 3) / 10); // |v| ≤ 0.3
    v[5] = 40;
    expect(symmetricDomain(v)).toEqual([-0.5, 0.5]);
    expect(symmetricDomain(v, { quantile: 1 })).toEqual([-50, 50]);
  });

  it('honours a floor, falls back to max for sparse data and to [−1, 1] for zeros', () => {
    expect(symmetricDomain(new Float32Array([0.1, -0.2]), { floor: 1 })).toEqual([-1, 1]);
    const sparse = new Float32Array(1000);
    sparse[3] = -0.004;
    expect(symmetricDomain(sparse)).toEqual([-0.005, 0.005]);
    expect(symmetricDomain(new Float32Array(10))).toEqual([-1, 1]);
  });

  it('ignores non-finite values and reads only the view', () => {
    // [T = 2, 2 blocks · H = 2]: block 1 holds the large values.
    const v = new Float32Array([0.1, 0.2, 5, -7, 0.1, NaN, 3, 2]);
    expect(absQuantile(v, 1, 2, 2, timeMajorBlock(2, 2, 0))).toEqual({ quantile: expect.closeTo(0.2, 6), max: expect.closeTo(0.2, 6) });
    expect(symmetricDomain(v, { rows: 2, cols: 2, layout: timeMajorBlock(2, 2, 1), quantile: 1 })).toEqual([-10, 10]);
  });

  it('caches per array and floor', () => {
    const v = new Float32Array([0.3, -0.1]);
    expect(symmetricDomainOf(v)).toBe(symmetricDomainOf(v));
    expect(symmetricDomainOf(v, 1)).toEqual([-1, 1]);
    expect(symmetricDomainOf(v)).toEqual([-0.5, 0.5]);
  });
});

describe('line domains', () => {
  it('symmetric over all series, nice-rounded', () => {
    expect(seriesSymmetricDomain([[0.1, -0.3], [0.2, NaN]])).toEqual([-0.5, 0.5]);
    expect(seriesSymmetricDomain([[0.1]], 1)).toEqual([-1, 1]);
  });

  it('log domain spans whole decades of the positive values', () => {
    expect(logDomain([[3e-4, 0, 2e-2], [5e-3]])).toEqual([1e-4, 0.1]);
    expect(logDomain([[0.01]])).toEqual([0.01, 0.1]);
    expect(logDomain([[0.01, Math.fround(1)]])).toEqual([0.01, 1]);
    expect(logDomain([[0.01, 1.5]])).toEqual([0.01, 10]);
    expect(logDomain([[0, -1]])).toBeNull();
  });

  it('sameDomain compares values', () => {
    expect(sameDomain([0, 1], [0, 1])).toBe(true);
    expect(sameDomain([0, 1], [0, 2])).toBe(false);
    expect(sameDomain(null, [0, 1])).toBe(false);
  });
});
