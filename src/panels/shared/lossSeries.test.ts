import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/rng.ts';
import type { LossHistory } from '../../contracts/runControls.ts';
import { appendProgress, emptyLossHistory } from '../../client/lossHistory.ts';
import { MinMaxReducer } from '../../viz/reduce.ts';
import { debiasedEma } from './lossMath.ts';
import { buildSeries, LossSeriesBuilder } from './lossSeries.ts';

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

describe('LossSeriesBuilder', () => {
  /** A history grown as the client grows it (in place, thinned at the cap), in uneven chunks. */
  function grow(chunks: number, cap: number, onUpdate: (h: LossHistory) => void): LossHistory {
    const rng = new Rng(7);
    let h = emptyLossHistory();
    let step = 1;
    for (let c = 0; c < chunks; c++) {
      const n = 1 + Math.floor(rng.uniform(0, 40));
      const losses = Float64Array.from({ length: n }, (_, k) => (c === 3 && k === 0 ? NaN : Math.exp(-(step + k) / 500) + 0.1 * rng.uniform(0, 1)));
      const times = losses.map((_, k) => (step + k) * 3);
      const validation = c % 10 === 0 ? [{ step: step + n - 1, loss: losses[n - 1] }] : [];
      h = appendProgress(h, { firstStep: step, losses, times, validation, stepsPerSecond: 0 }, cap, 64);
      step += n;
      onUpdate(h);
    }
    return h;
  }

  it('updated point by point gives what smoothing and reducing the whole history at once gives, thinning included', () => {
    for (const xMode of ['step', 'time'] as const) {
      const b = new LossSeriesBuilder(0.6, xMode);
      let last = b.update(emptyLossHistory());
      const h = grow(400, 2000, (hist) => {
        last = b.update(hist);
        last[0].drawn(120);
      });
      const fresh = new LossSeriesBuilder(0.6, xMode).update(h);
      const [train] = last;
      expect(Array.from(train.raw)).toEqual(h.train);
      expect(Array.from(train.smooth)).toEqual(Array.from(debiasedEma(h.train, 0.6)));
      expect(Array.from(train.xs)).toEqual(Array.from(fresh[0].xs));
      const batch = new MinMaxReducer(120);
      batch.append(train.xs, train.smooth);
      expect(Array.from(train.drawn(120).smooth)).toEqual(Array.from(batch.indices()));
      expect(train.drawn(120).raw.length).toBeLessThanOrEqual(240);
      expect(last[1].raw.length).toBe(h.validation.length);
    }
  });

  it('smooths a series that stops being constant exactly as the batch does', () => {
    const b = new LossSeriesBuilder(0.9, 'step');
    const h = emptyLossHistory();
    for (const v of [0.1, 0.1, 0.1, 0.5, 0.2]) {
      h.train.push(v);
      h.time.push(h.train.length);
      b.update({ ...h });
    }
    expect(Array.from(b.update({ ...h })[0].smooth)).toEqual(Array.from(debiasedEma(h.train, 0.9)));
  });
});
