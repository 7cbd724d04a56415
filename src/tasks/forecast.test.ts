import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeModelConfig } from '../engine/config.ts';
import { initParams } from '../engine/init.ts';
import { RecurrentNet, type SequenceBatch } from '../engine/network.ts';
import { createOptimizer, defaultOptimizerConfig } from '../engine/optim.ts';
import { Rng } from '../engine/rng.ts';
import { evaluateLoss, LossBuffers, trainStep } from '../engine/train.ts';
import { parseCsv } from './csv/parse.ts';
import { evaluateForecast, forecastTask, seriesFromTable, type SeriesSource } from './forecast.ts';

const col = (name: string, values: number[]) => ({ name, values: Float64Array.from(values) });
const line = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));

function source(n = 50): SeriesSource {
  return { id: 'test', columns: [col('y', line(n, (i) => 100 + 2 * i)), col('x', line(n, (i) => i % 7))], timeLabels: null };
}

/** Reads x[last timestep] of input column `i`: with scaled inputs, "tomorrow = today" in model units. */
const lastValue = (i = 0) => (b: SequenceBatch) => {
  const I = b.x.length / (b.T * b.B);
  return Float64Array.from({ length: b.B }, (_, k) => b.x[((b.T - 1) * b.B + k) * I + i]);
};

describe('forecastTask', () => {
  it('builds a many-to-one regression task with the default pipeline (W = 10, h = 1, 70/30, min-max)', () => {
    const { task, meta } = forecastTask(source(), { target: 'y' });
    expect(task).toMatchObject({ loss: 'mse', inputSize: 1, outputSize: 1, outputMode: 'last', seqLen: 10, classes: null });
    expect(meta.split).toEqual({ rows: 50, trainEnd: 35, testStart: 35 });
    expect(meta.windows.train.length).toBe(25);
    expect(meta.windows.test.length).toBe(15);
    expect(task.validation.B).toBe(15);
    expect(meta.validationOn).toBe('test');
    // min-max fitted on the 35 training rows only: 100…168
    expect(meta.scaler).toMatchObject({ kind: 'minmax', offset: [100], scale: [68], leakage: false });
    expect(meta.scaled[0][34]).toBe(1);
    expect(meta.scaled[0][49]).toBeGreaterThan(1);
  });

  it('draws training batches from training windows only, reproducibly', () => {
    const { task, meta } = forecastTask(source(), { target: 'y' });
    const a = task.trainBatch(new Rng(3), 64);
    expect([...task.trainBatch(new Rng(3), 64).x]).toEqual([...a.x]);
    const trainMaxTarget = meta.scaled[0][meta.split.trainEnd - 1];
    for (const t of a.target) expect(t).toBeLessThanOrEqual(trainMaxTarget);
  });

  it('describes the probe window for the pipeline view', () => {
    const { task, meta } = forecastTask(source(), { target: 'y', probeWindow: 2 });
    expect(meta.probe).toEqual({ start: 27, end: 37, targetRow: 37 });
    expect(task.probe.B).toBe(1);
    expect([...task.probe.x]).toEqual([...meta.scaled[0].subarray(27, 37)]);
    expect(task.probe.target[0]).toBe(meta.scaled[0][37]);
  });

  it('takes several input columns and a horizon', () => {
    const { task, meta } = forecastTask(source(), { target: 'y', features: ['x', 'y'], horizon: 3, scaler: 'zscore' });
    expect(task.inputSize).toBe(2);
    expect(meta.columns).toEqual(['x', 'y']);
    expect(meta.inputs).toEqual([0, 1]);
    expect(meta.target).toBe(1);
    expect(meta.probe.targetRow - meta.probe.end).toBe(2);
  });

  it('flags leakage when the scaler is fitted on all rows', () => {
    const { meta } = forecastTask(source(), { target: 'y', fitOnAll: true });
    expect(meta.scaler.leakage).toBe(true);
    expect(meta.scaler.scale[0]).toBe(98);
  });

  it('uses a validation tail for the validation batch when asked', () => {
    const { task, meta } = forecastTask(source(100), { target: 'y', validationFraction: 0.2 });
    expect(meta.validationOn).toBe('validation');
    expect(task.validation.B).toBe(meta.windows.validation.length);
  });

  it('refuses a series too short for the split', () => {
    expect(() => forecastTask(source(15), { target: 'y' })).toThrow(/training and/);
  });
});

describe('evaluateForecast', () => {
  it('a perfect predictor has zero error; a last-value predictor equals the naive baseline', () => {
    const { meta } = forecastTask(source(), { target: 'y' });
    const ev = evaluateForecast(meta, lastValue());
    expect(ev.oneStep.metrics.rmse).toBeCloseTo(meta.baseline.rmse, 10);
    expect(ev.naive.metrics).toEqual(meta.baseline);
    // the line rises by 2 per row: naive is off by exactly 2 everywhere
    expect(meta.baseline.mae).toBeCloseTo(2, 10);
    expect([...ev.oneStep.rows]).toEqual(line(15, (i) => 35 + i));
    expect(ev.oneStep.actual[0]).toBe(170);

    const slope = 2 / meta.scaler.scale[0];
    const perfect = (b: SequenceBatch) => Float64Array.from(lastValue()(b), (v) => v + slope);
    const good = evaluateForecast(meta, perfect);
    expect(good.oneStep.metrics.rmse).toBeLessThan(1e-9);
    expect(good.recursive!.metrics.rmse).toBeLessThan(1e-9);
    expect(good.recursive!.rows.length).toBe(15);
  });

  it('recursive forecast drifts where one-step does not (predictions fed back)', () => {
    const { meta } = forecastTask(source(), { target: 'y' });
    const ev = evaluateForecast(meta, lastValue());
    // feeding back "today" forever gives a flat line at the last training value
    expect(new Set(ev.recursive!.predicted).size).toBe(1);
    expect(ev.recursive!.predicted[0]).toBeCloseTo(168, 10);
    expect(ev.recursive!.metrics.mae).toBeGreaterThan(ev.oneStep.metrics.mae);
  });

  it('has no recursive forecast when the target is not an input', () => {
    const { meta } = forecastTask(source(), { target: 'y', features: ['x'] });
    expect(evaluateForecast(meta, lastValue()).recursive).toBeNull();
  });
});

describe('forecasting the bundled airline series with the engine', () => {
  it('trains, and the net plugs in as the predictor', () => {
    const buf = readFileSync(new URL('../../public/datasets/airline_passengers_1949_1960.csv', import.meta.url));
    const parsed = parseCsv(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    if (!parsed.ok) throw new Error(parsed.error.key);
    const series = seriesFromTable('airline', parsed.table, ['passengers_thousands'], 'month');
    expect(series.timeLabels?.[0]).toBe('1949-01');
    const { task, meta } = forecastTask(series, { target: 'passengers_thousands' });
    const model = makeModelConfig({ cell: 'lstm', inputSize: task.inputSize, hiddenSize: 8, outputSize: 1, outputMode: 'last' });
    const net = new RecurrentNet(model);
    const evalNet = new RecurrentNet(model, net.params);
    initParams(net.params, new Rng(1), { scheme: 'pytorch', recurrent: 'same', forgetBias: 1 });
    const opt = createOptimizer({ ...defaultOptimizerConfig('adam'), lr: 0.01 }, net.params.size);
    const buffers = new LossBuffers();
    const rng = new Rng(2);
    const before = evaluateLoss(evalNet, task.validation, 'mse', buffers);
    for (let s = 0; s < 150; s++) trainStep(net, opt, task.trainBatch(rng, 16), { loss: 'mse', clip: { mode: 'norm', value: 5 }, truncate: 0 }, buffers);
    expect(evaluateLoss(evalNet, task.validation, 'mse', buffers)).toBeLessThan(before);
    const ev = evaluateForecast(meta, (b) => Float64Array.from(evalNet.forward(b).output));
    expect(ev.oneStep.predicted.length).toBe(44);
    expect(ev.oneStep.predicted.every(Number.isFinite)).toBe(true);
    expect(ev.recursive!.predicted.length).toBe(44);
  });
});
