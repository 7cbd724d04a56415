import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import { fastExp } from './exp.ts';

/** Distance from Math.exp in units of the last place of the result. */
const ulps = (x: number): number => {
  const ref = Math.exp(x);
  return Math.abs(fastExp(x) - ref) / (ref * Number.EPSILON);
};

describe('fastExp', () => {
  it('is within 1.5 units in the last place of Math.exp wherever the result is a normal double', () => {
    const rng = new Rng(7);
    let worst = 0;
    for (const scale of [1e-12, 1e-3, 0.5, 3, 40, 707]) {
      for (let i = 0; i < 20000; i++) worst = Math.max(worst, ulps((2 * rng.next() - 1) * scale));
    }
    expect(worst).toBeLessThan(1.5);
    expect(worst).toBeGreaterThan(0);
  });

  it('is exact where exp is, and hands overflow, underflow and NaN to Math.exp', () => {
    expect(fastExp(0)).toBe(1);
    expect(fastExp(-0)).toBe(1);
    expect(Math.abs(fastExp(1) - Math.E)).toBeLessThanOrEqual(Math.E * Number.EPSILON);
    for (const x of [-Infinity, -745.2, -710, 709.7, 710, Infinity, NaN]) expect(Object.is(fastExp(x), Math.exp(x))).toBe(true);
  });
});
