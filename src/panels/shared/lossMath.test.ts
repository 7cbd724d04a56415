import { describe, expect, it } from 'vitest';
import { debiasedEma } from './lossMath.ts';

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
