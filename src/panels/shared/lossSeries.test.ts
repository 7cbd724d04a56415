import { describe, expect, it } from 'vitest';
import { buildSeries } from './lossSeries.ts';

describe('buildSeries', () => {
  const loss = { train: [4, 3, 2, 1], time: [100, 200, 300, 400], stride: 2, validation: [{ step: 4, loss: 3.5 }] };

  it('places kept points at their steps when the history has been thinned (stride 2: steps 2, 4, 6, 8)', () => {
    const [train, val] = buildSeries(loss, 0, 'step');
    expect(Array.from(train.xs)).toEqual([2, 4, 6, 8]);
    expect(Array.from(train.smooth)).toEqual([4, 3, 2, 1]);
    expect(val.key).toBe('validation');
    expect(Array.from(val.xs)).toEqual([4]);
  });

  it('uses elapsed seconds on the time axis, validation at the time of its step', () => {
    const [train, val] = buildSeries(loss, 0.5, 'time');
    expect(Array.from(train.xs)).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(Array.from(val.xs)).toEqual([0.2]);
    expect(Array.from(train.steps)).toEqual([2, 4, 6, 8]);
  });
});
