import { describe, expect, it } from 'vitest';
import { walkStart, walkStep } from './walk.ts';

describe('walking through time', () => {
  it('steps on forward with t and backward against it, clamped to the sequence', () => {
    expect(walkStep(3, 10, 'forward', 1)).toBe(4);
    expect(walkStep(3, 10, 'forward', -1)).toBe(2);
    expect(walkStep(3, 10, 'backward', 1)).toBe(2);
    expect(walkStep(3, 10, 'backward', -1)).toBe(4);
    expect(walkStep(9, 10, 'forward', 1)).toBe(9);
    expect(walkStep(0, 10, 'backward', 1)).toBe(0);
  });

  it('starts the BPTT walk at the last timestep', () => {
    expect(walkStart(10, 'forward')).toBe(0);
    expect(walkStart(10, 'backward')).toBe(9);
  });
});
