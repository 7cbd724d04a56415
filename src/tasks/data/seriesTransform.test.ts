import { describe, expect, it } from 'vitest';
import { chainLevels, checkTransformable, toLevel, transformInput, transformTarget, windowsOutsideRange } from './seriesTransform.ts';

const prices = Float64Array.from([100, 102, 101, 105, 110, 108]);

describe('series transforms and their inverse', () => {
  it('levels pass through unchanged', () => {
    expect(transformInput('level', prices)).toBe(prices);
    expect(transformTarget('level', prices, 3)).toBe(prices);
    expect(toLevel('level', 100, 104)).toBe(104);
  });

  it('differences: each value minus the one before, the first taken as no change', () => {
    expect([...transformInput('diff', prices)]).toEqual([0, 2, -1, 4, 5, -2]);
    // Over a horizon of 2: y_r − y_{r−2}; rows before the horizon are no target.
    expect([...transformTarget('diff', prices, 2)]).toEqual([0, 0, 1, 3, 9, 3]);
  });

  it('log-returns: ln(x_r / x_{r−1})', () => {
    const r = transformInput('logReturn', prices);
    expect(r[0]).toBe(0);
    expect(r[1]).toBeCloseTo(Math.log(1.02), 15);
    expect(transformTarget('logReturn', prices, 1)[3]).toBeCloseTo(Math.log(105 / 101), 15);
  });

  it('a change applied to the last observed value gives back the value, for every transform and horizon', () => {
    for (const kind of ['diff', 'logReturn'] as const) {
      for (const h of [1, 2, 3]) {
        const z = transformTarget(kind, prices, h);
        for (let r = h; r < prices.length; r++) expect(toLevel(kind, prices[r - h], z[r])).toBeCloseTo(prices[r], 10);
      }
      // One-step changes chained from the value before the first one rebuild the whole series.
      const steps = transformInput(kind, prices).subarray(1);
      const rebuilt = chainLevels(kind, prices[0], steps);
      rebuilt.forEach((v, k) => expect(v).toBeCloseTo(prices[k + 1], 10));
    }
    expect([...chainLevels('level', 0, [3, 4])]).toEqual([3, 4]);
  });

  it('log-returns refuse values that are not positive, naming the column and row', () => {
    expect(() => checkTransformable('logReturn', 'dax', [1, 2, 0, 3])).toThrow(/'dax'.*row 3/);
    expect(() => checkTransformable('logReturn', 'dax', [1, 2, -1])).toThrow(RangeError);
    expect(() => checkTransformable('diff', 'dax', [1, 0, -1])).not.toThrow();
  });
});

describe('windows outside the fitted range', () => {
  // Rows 0–4 are the fitted (training) rows, range [1, 5]; the series then drifts up.
  const series = Float64Array.from([1, 2, 5, 3, 4, 4.5, 5, 5.5, 6, 2]);
  const spec = { window: 2, horizon: 1, stride: 1 };

  it('counts the windows whose inputs or target leave the range of the fitted rows', () => {
    // Test windows start at 4…7: inputs [4,4.5]→5 in; [4.5,5]→5.5 out (target); [5,5.5]→6 out; [5.5,6]→2 out (inputs).
    expect(windowsOutsideRange([series], series, spec, [4, 5, 6, 7], { rows: 5, targetFirst: 0 })).toEqual({ outside: 3, total: 4 });
    // Fitted on every row, nothing is outside.
    expect(windowsOutsideRange([series], series, spec, [4, 5, 6, 7], { rows: 10, targetFirst: 0 })).toEqual({ outside: 0, total: 4 });
    expect(windowsOutsideRange([series], series, spec, [], { rows: 5, targetFirst: 0 })).toEqual({ outside: 0, total: 0 });
  });

  it('checks every input column, and the target against its own fitted rows', () => {
    const other = Float64Array.from([0, 0, 0, 0, 0, 0, 9, 0, 0, 0]);
    expect(windowsOutsideRange([series, other], series, spec, [4], { rows: 5, targetFirst: 0 }).outside).toBe(0);
    expect(windowsOutsideRange([series, other], series, spec, [5], { rows: 5, targetFirst: 0 }).outside).toBe(1);
    // A target series whose first rows are placeholders (changes): they do not widen its range.
    const target = Float64Array.from([-100, 0.1, 0.2, 0.1, 0.3, 0.2, 0.25, 0.2, 0.5, 0.1]);
    expect(windowsOutsideRange([series.map(() => 0)], target, spec, [3, 4, 5, 6, 7], { rows: 5, targetFirst: 1 })).toEqual({ outside: 1, total: 5 });
  });
});
