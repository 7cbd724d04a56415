import { describe, expect, it } from 'vitest';
import type { SequenceBatch } from '../../engine/network.ts';
import { naiveLastValue, predictWindows, recursiveForecast, windowTargets } from './forecasting.ts';
import type { WindowSpec } from './windowing.ts';

const spec: WindowSpec = { window: 3, horizon: 1, stride: 1 };

/** A fake model: predicts last value + (last − first)/2, i.e. continues a straight line; input column 0. */
function linePredictor(calls: number[] = []) {
  return (b: SequenceBatch) => {
    calls.push(b.B);
    const I = b.x.length / (b.T * b.B);
    return Float64Array.from({ length: b.B }, (_, k) => {
      const first = b.x[k * I];
      const last = b.x[((b.T - 1) * b.B + k) * I];
      return last + (last - first) / (b.T - 1);
    });
  };
}

describe('one-step-ahead predictions', () => {
  it('predicts every window from true past values, in chunks', () => {
    const series = Float64Array.from([0, 1, 2, 3, 4, 5, 6]);
    const calls: number[] = [];
    const y = predictWindows({ inputs: [series], target: series }, spec, [0, 1, 2, 3], linePredictor(calls), 3);
    expect([...y]).toEqual([3, 4, 5, 6]);
    expect(calls).toEqual([3, 1]);
  });

  it('checks the predictor answers once per window', () => {
    const s = Float64Array.from([0, 1, 2, 3, 4]);
    expect(() => predictWindows({ inputs: [s], target: s }, spec, [0, 1], () => [1])).toThrow(/1 values for 2 windows/);
  });
});

describe('recursive forecast', () => {
  it('feeds predictions back in: a line continues exactly', () => {
    const series = Float64Array.from([10, 12, 14, 0, 0, 0]); // only the first window is observed
    const y = recursiveForecast({ inputs: [series], target: series }, spec, 0, 5, linePredictor(), 0);
    expect([...y]).toEqual([16, 18, 20, 22, 24]);
  });

  it('uses its own predictions, not the observed values, after the first step', () => {
    const series = Float64Array.from([0, 0, 0, 100, 100, 100]);
    const seen: number[][] = [];
    const fake = (b: SequenceBatch) => {
      seen.push([...b.x]);
      return [1];
    };
    recursiveForecast({ inputs: [series], target: series }, spec, 0, 3, fake, 0);
    expect(seen).toEqual([
      [0, 0, 0],
      [0, 0, 1],
      [0, 1, 1],
    ]);
  });

  it('keeps observed covariates and refuses to run past them', () => {
    const target = Float64Array.from([1, 2, 3, 4, 5]);
    const other = Float64Array.from([7, 8, 9, 10, 11]);
    const seen: number[][] = [];
    const fake = (b: SequenceBatch) => {
      seen.push([...b.x]);
      return [0];
    };
    recursiveForecast({ inputs: [other, target], target }, spec, 0, 3, fake, 1);
    expect(seen[2]).toEqual([9, 3, 10, 0, 11, 0]);
    expect(() => recursiveForecast({ inputs: [other, target], target }, spec, 0, 4, fake, 1)).toThrow(/past the observed rows/);
  });

  it('needs horizon 1 and the target among the inputs', () => {
    const s = Float64Array.from([1, 2, 3, 4]);
    expect(() => recursiveForecast({ inputs: [s], target: s }, { ...spec, horizon: 2 }, 0, 1, () => [0], 0)).toThrow(/horizon 1/);
    expect(() => recursiveForecast({ inputs: [s], target: s }, spec, 0, 1, () => [0], -1)).toThrow(/among the inputs/);
  });
});

describe('naive baseline', () => {
  it('predicts the last value of each window ("tomorrow = today")', () => {
    const s = [5, 7, 4, 9, 12, 3];
    expect([...naiveLastValue(s, spec, [0, 1, 2])]).toEqual([4, 9, 12]);
    expect([...windowTargets(s, spec, [0, 1, 2])]).toEqual([9, 12, 3]);
  });
});
