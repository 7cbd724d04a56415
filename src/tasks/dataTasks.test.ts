import { describe, expect, it } from 'vitest';
import { Rng } from '../engine/rng.ts';
import { DEFAULT_RUN_CONFIG } from '../contracts/runConfig.ts';
import { DATASETS, type DatasetId } from './data/datasets.ts';
import { bundled, csvData, picked } from '../testing/dataFixtures.ts';
import { targetRow } from './data/windowing.ts';
import { buildDataTask, columnList, createDataTask, dataTaskMeta } from './dataTasks.ts';
import { taskSwitchPatch } from '../contracts/taskSwitch.ts';
import { evaluateForecast } from './forecast.ts';

const EXPECTED: Record<DatasetId, { loss: string; inputSize: number; outputSize: number | 'vocab'; mode: string; seqLen: number; kind: string }> = {
  airline: { loss: 'mse', inputSize: 1, outputSize: 1, mode: 'last', seqLen: 10, kind: 'forecast' },
  euStocks: { loss: 'mse', inputSize: 1, outputSize: 1, mode: 'last', seqLen: 10, kind: 'forecast' },
  co2: { loss: 'mse', inputSize: 1, outputSize: 1, mode: 'last', seqLen: 10, kind: 'forecast' },
  occupancy: { loss: 'crossEntropy', inputSize: 5, outputSize: 2, mode: 'last', seqLen: 5, kind: 'classification' },
  shakespeare: { loss: 'crossEntropy', inputSize: 0, outputSize: 'vocab', mode: 'sequence', seqLen: 40, kind: 'text' },
  tangHant: { loss: 'crossEntropy', inputSize: 0, outputSize: 'vocab', mode: 'sequence', seqLen: 40, kind: 'text' },
  tangHans: { loss: 'crossEntropy', inputSize: 0, outputSize: 'vocab', mode: 'sequence', seqLen: 40, kind: 'text' },
};

describe('createDataTask on the bundled datasets', () => {
  for (const info of DATASETS) {
    it(`${info.id}: a ${EXPECTED[info.id].kind} task of the right shapes`, () => {
      const e = EXPECTED[info.id];
      const config = picked(info.id);
      const task = createDataTask(info.id, config, bundled(info.id));
      const meta = dataTaskMeta(task)!;
      expect(meta.kind).toBe(e.kind);
      expect(task.id).toBe(info.id);
      expect(task.loss).toBe(e.loss);
      expect(task.outputMode).toBe(e.mode);
      expect(task.seqLen).toBe(e.seqLen);
      const V = meta.kind === 'text' ? meta.vocab.symbols.length : 0;
      expect(task.inputSize).toBe(e.inputSize || V);
      expect(task.outputSize).toBe(e.outputSize === 'vocab' ? V : e.outputSize);
      const B = 3;
      const batch = task.trainBatch(new Rng(1), B);
      expect(batch.T).toBe(e.seqLen);
      expect(batch.B).toBe(B);
      // Text batches give their one-hot input as symbol ids [T, B] instead of dense rows.
      if (meta.kind === 'text') expect(batch.symbols).toHaveLength(e.seqLen * B);
      else expect(batch.x).toHaveLength(e.seqLen * B * task.inputSize);
      expect(batch.target).toHaveLength(e.mode === 'last' ? B : e.seqLen * B);
      expect(task.probe.B).toBe(1);
      expect(task.validation.B).toBeGreaterThan(0);
      expect([...batch.x].every(Number.isFinite)).toBe(true);
    });
  }

  it('the Tang poems keep the 500 most frequent characters (+ unknown); Shakespeare keeps its whole alphabet', () => {
    const tang = dataTaskMeta(createDataTask('tangHans', picked('tangHans'), bundled('tangHans')))!;
    const bard = dataTaskMeta(createDataTask('shakespeare', picked('shakespeare'), bundled('shakespeare')))!;
    expect(tang.kind === 'text' && tang.vocab.symbols.length).toBe(501);
    expect(bard.kind === 'text' && bard.vocab.unk).toBe(-1);
  });

  it('follows the pipeline fields of the config: target, extra inputs, horizon, stride, scaler, split, leakage', () => {
    const config = picked('euStocks', { target: 'smi', features: 'dax, cac', horizon: 3, stride: 2, scaler: 'zscore', trainFraction: 0.8, fitOnAll: true, seqLen: 7 });
    const { task, meta } = buildDataTask('euStocks', config, bundled('euStocks'));
    if (meta.kind !== 'forecast') throw new Error('expected a forecast');
    expect(meta.columns).toEqual(['smi', 'dax', 'cac']);
    expect(meta.columns[meta.target]).toBe('smi');
    expect(task.inputSize).toBe(3);
    expect(meta.spec).toEqual({ window: 7, horizon: 3, stride: 2 });
    expect(meta.scaler.kind).toBe('zscore');
    expect(meta.scaler.leakage).toBe(true);
    expect(meta.split.testStart).toBe(Math.floor(1860 * 0.8));
    expect(meta.probe.targetRow - meta.probe.end + 1).toBe(3);
  });

  it('occupancy can use fewer sensors', () => {
    const { task, meta } = buildDataTask('occupancy', picked('occupancy', { features: 'light_lux,co2_ppm' }), bundled('occupancy'));
    expect(task.inputSize).toBe(2);
    expect(meta.kind === 'classification' && meta.features).toEqual(['light_lux', 'co2_ppm']);
  });

  it('is deterministic: the same config and data give the same batches', () => {
    const a = createDataTask('co2', picked('co2'), bundled('co2'));
    const b = createDataTask('co2', picked('co2'), bundled('co2'));
    expect(a.trainBatch(new Rng(5), 8)).toEqual(b.trainBatch(new Rng(5), 8));
    expect(a.probe).toEqual(b.probe);
  });

  it('says clearly what is wrong: no data, the wrong kind of data, an unknown column', () => {
    expect(() => createDataTask('airline', picked('airline'), undefined)).toThrow(/needs its data/);
    expect(() => createDataTask('airline', picked('airline'), { kind: 'text', text: 'abc' })).toThrow(/needs a table/);
    expect(() => createDataTask('shakespeare', picked('shakespeare'), bundled('airline'))).toThrow(/needs a text/);
    expect(() => createDataTask('airline', picked('airline', { target: 'dax' }), bundled('airline'))).toThrow(/no column 'dax'/);
  });
});

describe('the csv task', () => {
  const rows = Array.from({ length: 40 }, (_, k) => `2020-01-${String(k + 1).padStart(2, '0')},${k},${100 + 10 * Math.sin(k)}`);
  const text = `date,n,y\n${rows.join('\n')}\n`;

  it('forecasts the first numeric column by default, labelled by the date column', () => {
    const { task, meta } = buildDataTask('csv', picked('csv', { seqLen: 5 }), csvData(text, 'date'));
    expect(task.id).toBe('csv');
    expect(meta.kind === 'forecast' && meta.columns).toEqual(['n']);
    expect(meta.kind === 'forecast' && meta.timeLabels?.[0]).toBe('2020-01-01');
  });

  it('takes the target and extra inputs from the config', () => {
    const { task, meta } = buildDataTask('csv', picked('csv', { seqLen: 5, target: 'y', features: 'n' }), csvData(text, 'date'));
    expect(task.inputSize).toBe(2);
    expect(meta.kind === 'forecast' && meta.columns).toEqual(['y', 'n']);
  });

  it('refuses a window longer than the data allow', () => {
    expect(() => buildDataTask('csv', picked('csv', { seqLen: 35 }), csvData(text, 'date'))).toThrow(/training and .* test windows/);
  });
});

describe('taskSwitchPatch and columnList', () => {
  it('gives each kind of dataset its window and resets the columns', () => {
    expect(taskSwitchPatch(DEFAULT_RUN_CONFIG, 'airline')).toEqual({ task: 'airline', seqLen: 10, target: '', features: '' });
    expect(taskSwitchPatch(DEFAULT_RUN_CONFIG, 'occupancy')).toMatchObject({ seqLen: 5 });
    expect(taskSwitchPatch(DEFAULT_RUN_CONFIG, 'tangHans')).toMatchObject({ seqLen: 40 });
    expect(taskSwitchPatch(DEFAULT_RUN_CONFIG, 'csv')).toMatchObject({ seqLen: 10 });
    expect(taskSwitchPatch({ ...DEFAULT_RUN_CONFIG, task: 'co2', seqLen: 10 }, 'sine')).toEqual({ task: 'sine', seqLen: DEFAULT_RUN_CONFIG.seqLen });
    expect(taskSwitchPatch({ ...DEFAULT_RUN_CONFIG, seqLen: 80 }, 'frequency')).toEqual({ task: 'frequency' });
    expect(taskSwitchPatch(DEFAULT_RUN_CONFIG, 'sine')).toEqual({});
  });

  it('reads comma-separated column lists', () => {
    expect(columnList('')).toEqual([]);
    expect(columnList(' dax, smi ,,cac')).toEqual(['dax', 'smi', 'cac']);
  });
});

describe('honest forecasting on the stock indices', () => {
  /** One-step forecasts of a predictor that always says "no change" in the model's units (scaled 0 change, or the last level). */
  const test = (transform: 'level' | 'diff' | 'logReturn') => {
    const config = picked('euStocks', { transform });
    const { meta } = buildDataTask('euStocks', config, bundled('euStocks'));
    if (meta.kind !== 'forecast') throw new Error('not a forecast');
    return meta;
  };

  it('most test windows of the DAX leave the price range the normaliser was fitted on; their log-returns do not', () => {
    const level = test('level');
    expect(level.testRange.total).toBe(level.windows.test.length);
    // The DAX rose past its 1991–1996 range in 1997–98: nearly every test window is beyond it.
    expect(level.testRange.outside / level.testRange.total).toBeGreaterThan(0.8);
    // Differences in index points grow with the index (fewer out, still many); log-returns are scale-free.
    const diff = test('diff');
    const logReturn = test('logReturn');
    expect(diff.testRange.outside).toBeLessThan(level.testRange.outside);
    expect(logReturn.testRange.outside / logReturn.testRange.total).toBeLessThan(0.05);
    expect([diff.transform, logReturn.transform]).toEqual(['diff', 'logReturn']);
  });

  it('metrics stay in index points whatever the model predicts: exact changes give exact values, "no change" is the naive forecast', () => {
    for (const kind of ['diff', 'logReturn'] as const) {
      const m = test(kind);
      const { spec, windows } = m;
      // A scaled change of zero, in the model's units.
      const still = -m.scaler.offset[m.target] / m.scaler.scale[m.target];
      // The one-step forecast sends all test windows in one batch, in order; the recursive one sends single windows.
      const exact = evaluateForecast(m, (batch) =>
        batch.B === windows.test.length ? Float64Array.from(windows.test, (s) => m.targetScaled[targetRow(spec, s)]) : new Float64Array(batch.B).fill(still),
      );
      expect(exact.oneStep.metrics.rmse).toBeLessThan(1e-9 * Math.max(...m.raw[m.target]));
      const none = evaluateForecast(m, (batch) => new Float64Array(batch.B).fill(still));
      expect(none.oneStep.metrics.rmse).toBeCloseTo(none.naive.metrics.rmse, 6);
      // Fed its own "no change" back, the recursive forecast stays at the last value before the split line.
      const flat = none.recursive!.predicted;
      for (const v of flat) expect(v).toBeCloseTo(m.raw[m.target][m.split.testStart - 1], 6);
    }
  });
});
