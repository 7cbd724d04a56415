import { describe, expect, it } from 'vitest';
import { argmaxRows, classCounts, classificationMetrics, confusionMatrix, regressionMetrics } from './metrics.ts';

describe('regression metrics', () => {
  it('match hand-computed RMSE, MAE and MAPE', () => {
    // errors 1, −2, 3 on targets 10, 20, 30
    const m = regressionMetrics([11, 18, 33], [10, 20, 30]);
    expect(m.count).toBe(3);
    expect(m.rmse).toBeCloseTo(Math.sqrt(14 / 3), 14);
    expect(m.mae).toBeCloseTo(2, 14);
    expect(m.mape).toBeCloseTo((100 * (0.1 + 0.1 + 0.1)) / 3, 12);
    expect(m.mapeSkipped).toBe(0);
  });

  it('skips zero targets in MAPE and counts them', () => {
    const m = regressionMetrics([1, 12], [0, 10]);
    expect(m.mapeSkipped).toBe(1);
    expect(m.mape).toBeCloseTo(20, 12);
    expect(m.mae).toBe(1.5);
    expect(regressionMetrics([1], [0]).mape).toBeNaN();
  });
});

describe('classification metrics', () => {
  it('confusion matrix rows are the truth, columns the prediction', () => {
    const predicted = [0, 1, 1, 0, 1, 2];
    const actual = [0, 1, 0, 0, 2, 2];
    expect(confusionMatrix(predicted, actual, 3)).toEqual([
      [2, 1, 0],
      [0, 1, 0],
      [0, 1, 1],
    ]);
  });

  it('accuracy, precision and recall by hand', () => {
    const m = classificationMetrics([
      [2, 1, 0],
      [0, 1, 0],
      [0, 1, 1],
    ]);
    expect(m.total).toBe(6);
    expect(m.accuracy).toBeCloseTo(4 / 6, 15);
    expect(m.precision[0]).toBe(1);
    expect(m.precision[1]).toBeCloseTo(1 / 3, 15);
    expect(m.precision[2]).toBe(1);
    expect(m.recall).toEqual([2 / 3, 1, 0.5]);
    expect(m.support).toEqual([3, 1, 2]);
  });

  it('precision of a never-predicted class is NaN, not 0', () => {
    const m = classificationMetrics(confusionMatrix([0, 0], [0, 1], 2));
    expect(m.precision[1]).toBeNaN();
    expect(m.recall[1]).toBe(0);
  });

  it('argmax per row and class counts', () => {
    expect([...argmaxRows([0.1, 2, -1, 5, 5, 0], 3)]).toEqual([1, 0]);
    expect(classCounts([1, 0, 1, 1], 2)).toEqual([1, 3]);
  });

  it('rejects labels outside the classes', () => {
    expect(() => confusionMatrix([0], [2], 2)).toThrow(RangeError);
  });
});
