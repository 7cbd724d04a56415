import { describe, expect, it } from 'vitest';
import { chanceLevel } from './chanceLevel.ts';

describe('chanceLevel', () => {
  it('is ln K for a K-class cross-entropy task', () => {
    expect(chanceLevel({ loss: 'crossEntropy', outputSize: 4 })).toEqual({ classes: 4, value: Math.log(4) });
    expect(chanceLevel({ loss: 'crossEntropy', outputSize: 65 })?.value).toBeCloseTo(4.1744, 4);
  });

  it('has none for regression, a single output or no model yet', () => {
    expect(chanceLevel({ loss: 'mse', outputSize: 1 })).toBeNull();
    expect(chanceLevel({ loss: 'crossEntropy', outputSize: 1 })).toBeNull();
    expect(chanceLevel(null)).toBeNull();
  });
});
