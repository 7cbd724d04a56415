import { describe, expect, it } from 'vitest';
import type { ProbeFrame } from '../../contracts/protocol.ts';
import { argmax, classProbabilities, forecastLead, outputPosition, regressionSeries, rowAt, shownClasses } from './predictionSeries.ts';

/** Only the fields these helpers read. */
function frame(p: Pick<ProbeFrame, 'T' | 'I' | 'O' | 'rows' | 'x' | 'output' | 'target'>): ProbeFrame {
  return { step: 0, H: 1, loss: 0, layers: [], dx: new Float32Array(0), dxNorm: new Float32Array(0), flow: null, ...p };
}

const x = Float32Array.from([0, 1, 2, 3]);

describe('forecastLead', () => {
  it('is 1 when each target is the next input (next-value forecast)', () => {
    const f = frame({ T: 4, I: 1, O: 1, rows: 4, x, target: Float32Array.from([1, 2, 3, 4]), output: new Float32Array(4) });
    expect(forecastLead(f)).toBe(1);
    // Output row t sits where x_{t+1} does: rows 0..3 at 1-based positions 2..5.
    expect(regressionSeries(f).find((s) => s.role === 'output')?.xs).toEqual([2, 3, 4, 5]);
  });

  it('is 0 for other sequence targets, and 1 (after the window) for a single output row', () => {
    expect(forecastLead(frame({ T: 4, I: 1, O: 1, rows: 4, x, target: Float32Array.from([5, 5, 5, 5]), output: new Float32Array(4) }))).toBe(0);
    const last = frame({ T: 4, I: 1, O: 1, rows: 1, x, target: Float32Array.from([4]), output: Float32Array.from([3.9]) });
    expect(forecastLead(last)).toBe(1);
    expect(outputPosition(last, 0, 1)).toBe(5);
    expect(rowAt(last, 2)).toBe(0);
  });
});

describe('classProbabilities', () => {
  it('is the softmax of the logits row (a display transform)', () => {
    const f = frame({ T: 2, I: 1, O: 3, rows: 2, x: new Float32Array(2), target: Float32Array.from([0, 2]), output: Float32Array.from([0, 0, 0, 1, 2, 3]) });
    expect(Array.from(classProbabilities(f, 0))).toEqual([1 / 3, 1 / 3, 1 / 3]);
    const p = classProbabilities(f, rowAt(f, 5));
    const z = 1 + Math.E + Math.E ** 2;
    expect(p[2]).toBeCloseTo(Math.E ** 2 / z, 6);
    expect(argmax(p)).toBe(2);
  });
});

describe('shownClasses', () => {
  it('keeps the k most probable and the true class, in class order', () => {
    const p = [0.05, 0.4, 0.01, 0.3, 0.2, 0.04];
    expect(shownClasses(p, 2, 3)).toEqual([1, 2, 3, 4]);
    expect(shownClasses(p, 1, 3)).toEqual([1, 3, 4]);
    expect(shownClasses(p, 0, 10)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
