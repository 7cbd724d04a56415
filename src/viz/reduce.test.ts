import { describe, expect, it } from 'vitest';
import { Rng } from '../engine/rng.ts';
import { MinMaxReducer, reduceMinMax } from './reduce.ts';

function walk(n: number, seed: number): { xs: Float64Array; ys: Float64Array } {
  const rng = new Rng(seed);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  let y = 0;
  for (let i = 0; i < n; i++) {
    xs[i] = i + 1;
    y += rng.uniform(-1, 1);
    ys[i] = y;
  }
  return { xs, ys };
}

describe('MinMaxReducer', () => {
  it('keeps the extremes: the global min and max, and a single spike, are among the kept points', () => {
    const { xs, ys } = walk(50_000, 1);
    ys[31_337] = 1e6;
    ys[4_242] = -1e6;
    const kept = reduceMinMax(xs, ys, 300);
    expect(Array.from(kept)).toContain(31_337);
    expect(Array.from(kept)).toContain(4_242);
    // Every kept index is in order, so the path runs left to right.
    for (let k = 1; k < kept.length; k++) expect(kept[k]).toBeGreaterThan(kept[k - 1]);
  });

  it('stays within 2 points per bucket however long the series grows', () => {
    const r = new MinMaxReducer(200);
    const { xs, ys } = walk(200_000, 2);
    for (let end = 1000; end <= xs.length; end += 1000) {
      r.append(xs, ys, end);
      expect(r.indices().length).toBeLessThanOrEqual(2 * 200);
    }
    expect(r.indices().length).toBeGreaterThan(200);
  });

  it('appending in chunks gives exactly what reducing the whole series at once gives', () => {
    const { xs, ys } = walk(30_011, 3);
    // Time-like x with uneven gaps and repeated values.
    const ts = xs.map((x, i) => x * 0.37 + (i % 5 === 0 ? 0 : 0.1));
    for (const x of [xs, ts]) {
      const batch = new MinMaxReducer(256);
      batch.append(x, ys);
      const inc = new MinMaxReducer(256);
      const rng = new Rng(4);
      let end = 0;
      while (end < ys.length) {
        end = Math.min(ys.length, end + 1 + Math.floor(rng.uniform(0, 700)));
        inc.append(x, ys, end);
      }
      expect(Array.from(inc.indices())).toEqual(Array.from(batch.indices()));
    }
  });

  it('skips non-finite points and copes with one point, equal values and no points', () => {
    const r = new MinMaxReducer(10);
    expect(r.indices().length).toBe(0);
    r.append([1, 2, 3, 4], [NaN, Infinity, 5, -Infinity]);
    expect(Array.from(r.indices())).toEqual([2]);
    const flat = reduceMinMax(Float64Array.from({ length: 1000 }, (_, i) => i), new Float64Array(1000).fill(7), 10);
    expect(flat.length).toBeLessThanOrEqual(20);
    expect(flat.length).toBeGreaterThan(0);
    expect(Array.from(reduceMinMax([], [], 10))).toEqual([]);
    expect(Array.from(reduceMinMax([1, 2, 3], [1e-320, NaN, 1e308], 10))).toEqual([0, 2]);
  });
});
