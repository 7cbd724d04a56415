import { describe, expect, it } from 'vitest';
import { appendProgress, emptyLossHistory } from './lossHistory.ts';
import type { Progress } from '../contracts/protocol.ts';

/** Steps first..last, each with loss = step and time = 10·step. */
function progress(first: number, last: number, validation: Progress['validation'] = []): Progress {
  const steps = Array.from({ length: last - first + 1 }, (_, k) => first + k);
  return { firstStep: first, losses: Float64Array.from(steps), times: Float64Array.from(steps, (s) => 10 * s), validation, stepsPerSecond: 1 };
}

describe('appendProgress', () => {
  it('appends in place and returns a new object', () => {
    const h = emptyLossHistory();
    const next = appendProgress(h, progress(1, 3, [{ step: 2, loss: 0.5 }]));
    expect(next).not.toBe(h);
    expect(next.train).toBe(h.train);
    expect(next).toEqual({ train: [1, 2, 3], time: [10, 20, 30], stride: 1, validation: [{ step: 2, loss: 0.5 }] });
  });

  it('halves at the cap, doubling the stride, and keeps point k at step (k + 1)·stride', () => {
    let h = emptyLossHistory();
    for (let s = 1; s <= 100; s += 7) h = appendProgress(h, progress(s, Math.min(100, s + 6)), 8);
    expect(h.train.length).toBeLessThan(8);
    expect(h.stride).toBe(16);
    expect(h.train).toEqual(h.train.map((_, k) => (k + 1) * h.stride));
    expect(h.time).toEqual(h.train.map((s) => 10 * s));
  });

  it('thins the validation list at its cap', () => {
    let h = emptyLossHistory();
    for (let s = 1; s <= 10; s++) h = appendProgress(h, progress(s, s, [{ step: s, loss: s }]), 100, 4);
    // Each thinning keeps every other entry; entries keep their own step.
    expect(h.validation).toEqual([{ step: 8, loss: 8 }, { step: 10, loss: 10 }]);
  });
});
