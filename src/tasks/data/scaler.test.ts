import { describe, expect, it } from 'vitest';
import { fitScaler, inverseTransform, transform } from './scaler.ts';

const col = (...v: number[]) => Float64Array.from(v);

describe('scalers', () => {
  it('min-max uses only the training rows', () => {
    const x = col(2, 4, 6, 100); // the test row (100) must not move the scale
    const p = fitScaler('minmax', [x], { trainEnd: 3 });
    expect(p).toMatchObject({ offset: [2], scale: [4], fitRows: 3, leakage: false });
    expect([...transform(p, 0, x)]).toEqual([0, 0.5, 1, 24.5]);
  });

  it('z-score uses the training mean and population standard deviation', () => {
    const p = fitScaler('zscore', [col(1, 2, 3, 4, 1000)], { trainEnd: 4 });
    expect(p.offset[0]).toBe(2.5);
    expect(p.scale[0]).toBeCloseTo(Math.sqrt(1.25), 15);
  });

  it('fitting on all rows is possible but flags leakage', () => {
    const p = fitScaler('minmax', [col(2, 4, 6, 100)], { trainEnd: 3, fitOnAll: true });
    expect(p).toMatchObject({ offset: [2], scale: [98], fitRows: 4, leakage: true });
  });

  it('inverse transform round-trips to the original units', () => {
    const x = col(112, 118, 132, 129, 121, 135, 148, 148);
    for (const kind of ['minmax', 'zscore'] as const) {
      const p = fitScaler(kind, [x], { trainEnd: 5 });
      const back = inverseTransform(p, 0, transform(p, 0, x));
      back.forEach((v, i) => expect(v).toBeCloseTo(x[i], 10));
    }
  });

  it('keeps constant columns finite and says so', () => {
    const p = fitScaler('zscore', [col(3, 3, 3), col(1, 2, 3)], { trainEnd: 3 });
    expect(p.constant).toEqual([true, false]);
    expect([...transform(p, 0, col(3, 4))]).toEqual([0, 1]);
  });

  it('refuses non-finite training values', () => {
    expect(() => fitScaler('minmax', [col(1, NaN, 3)], { trainEnd: 3 })).toThrow(/row 1/);
  });
});
