import { describe, expect, it } from 'vitest';
import type { SequenceBatch } from '../engine/network.ts';
import { Rng } from '../engine/rng.ts';
import { classificationTask, evaluateClassifier, labelledFromTable, type LabelledSource } from './classification.ts';
import { parseCsv } from './csv/parse.ts';

const rows = 100;
/** Class 1 whenever feature a is above 0.5; feature b is noise-free filler. */
function source(): LabelledSource {
  const a = Float64Array.from({ length: rows }, (_, i) => Math.sin(i / 3) + 0.5);
  const b = Float64Array.from({ length: rows }, (_, i) => i);
  return {
    id: 'toy',
    columns: [{ name: 'a', values: a }, { name: 'b', values: b }],
    labels: Int32Array.from(a, (v) => (v > 0.5 ? 1 : 0)),
    classes: ['low', 'high'],
    timeLabels: null,
  };
}

describe('classificationTask', () => {
  it('is many-to-one cross-entropy over windows of 5 rows × all features', () => {
    const { task, meta } = classificationTask(source());
    expect(task).toMatchObject({ loss: 'crossEntropy', inputSize: 2, outputSize: 2, outputMode: 'last', seqLen: 5, classes: ['low', 'high'] });
    expect(meta.spec).toEqual({ window: 5, horizon: 0, stride: 1 });
    expect(meta.windows.train.length).toBe(66); // label rows 4…69
    expect(meta.windows.test.length).toBe(30);
  });

  it('labels a window with the class of its last row', () => {
    const { task, meta } = classificationTask(source(), { probeWindow: 3 });
    expect(meta.probe).toEqual({ start: 69, end: 74, labelRow: 73 });
    expect(task.probe.target[0]).toBe(meta.labels[73]);
  });

  it('z-scores every feature with training statistics', () => {
    const { meta } = classificationTask(source());
    const train = meta.scaled[1].subarray(0, meta.split.trainEnd);
    const mean = train.reduce((s, v) => s + v, 0) / train.length;
    expect(mean).toBeCloseTo(0, 12);
    expect(meta.scaler).toMatchObject({ kind: 'zscore', leakage: false, fitRows: 70 });
  });

  it('counts the class balance of rows and of windows', () => {
    const { meta } = classificationTask(source());
    const ones = meta.labels.reduce((s, v) => s + v, 0);
    expect(meta.balance.rows).toEqual([rows - ones, ones]);
    expect(meta.balance.train.reduce((a, b) => a + b)).toBe(66);
    expect(meta.balance.test.reduce((a, b) => a + b)).toBe(30);
  });

  it('samples training batches reproducibly', () => {
    const { task } = classificationTask(source());
    expect([...task.trainBatch(new Rng(9), 8).target]).toEqual([...task.trainBatch(new Rng(9), 8).target]);
  });
});

describe('evaluateClassifier', () => {
  it('scores a predictor with accuracy, precision/recall and the confusion matrix', () => {
    const { meta } = classificationTask(source());
    // a "model" that looks at the scaled feature a in the last timestep: exactly the rule behind the labels
    const threshold = (0.5 - meta.scaler.offset[0]) / meta.scaler.scale[0];
    const rule = (b: SequenceBatch) => {
      const out = new Float64Array(b.B * 2);
      for (let k = 0; k < b.B; k++) out[k * 2 + (b.x[((b.T - 1) * b.B + k) * 2] > threshold ? 1 : 0)] = 1;
      return out;
    };
    const ev = evaluateClassifier(meta, rule);
    expect(ev.metrics.accuracy).toBe(1);
    expect(ev.confusion[0][1] + ev.confusion[1][0]).toBe(0);
    const always0 = evaluateClassifier(meta, (b) => Float64Array.from({ length: b.B * 2 }, (_, i) => (i % 2 === 0 ? 1 : 0)));
    expect(always0.metrics.recall[1]).toBe(0);
    expect(always0.metrics.precision[1]).toBeNaN();
    expect(always0.metrics.accuracy).toBeCloseTo(meta.balance.test[0] / 30, 12);
  });
});

describe('labelledFromTable', () => {
  it('maps distinct label values, in order, to classes', () => {
    const text = 'time,temp,state\n1,20,5\n2,21,7\n3,22,5\n';
    const parsed = parseCsv(new TextEncoder().encode(text).buffer as ArrayBuffer);
    if (!parsed.ok) throw new Error(parsed.error.key);
    const src = labelledFromTable('t', parsed.table, ['temp'], 'state', 'time');
    expect(src.classes).toEqual(['5', '7']);
    expect([...src.labels]).toEqual([0, 1, 0]);
    expect(src.timeLabels).toEqual(['1', '2', '3']);
  });
});
