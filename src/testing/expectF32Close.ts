import { expect } from 'vitest';

/**
 * The frame stores every operand as float32, so a sum recomputed from it matches the engine's float64 result
 * to a few float32 ulps of the magnitude of the terms (not of the result, which may cancel).
 */
export function expectF32Close(actual: number, expected: number, magnitude: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(4e-7 * (Math.abs(expected) + magnitude) + 1e-12);
}
