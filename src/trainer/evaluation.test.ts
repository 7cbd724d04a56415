import { describe, expect, it } from 'vitest';
import { RecurrentNet } from '../engine/network.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import { regressionMetrics } from '../tasks/data/metrics.ts';
import { bundled, csvData, picked } from '../testing/dataFixtures.ts';
import { dataTaskMeta } from '../tasks/dataTasks.ts';
import { buildRun } from './buildRun.ts';
import { createEvaluator, EVAL_CHUNK, EVAL_INTERVAL_MS, EvalNets, SAMPLE_LENGTH } from './evaluation.ts';
import type { FromWorker } from '../contracts/protocol.ts';
import { TrainerCore } from './trainerCore.ts';

/** 30 rows of a noisy ramp: small enough to check every prediction by hand. */
const SERIES = `t,y\n${Array.from({ length: 30 }, (_, k) => `${k},${(5 + k + 3 * Math.sin(k)).toFixed(3)}`).join('\n')}\n`;
const TINY: RunConfig = { ...picked('csv'), seqLen: 4, hiddenSize: 3, seed: 7 };

function fixedClock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** The net's forecast for one window, computed directly: a fresh B = 1 net over the same weights. */
function directForecast(run: ReturnType<typeof buildRun>, x: Float64Array): number {
  const net = new RecurrentNet(run.net.config, run.net.params);
  return net.forward({ x, T: x.length, B: 1 }).output[0];
}

describe('forecast evaluation', () => {
  const run = buildRun(TINY, csvData(SERIES, 't'));
  const meta = dataTaskMeta(run.task);
  if (meta?.kind !== 'forecast') throw new Error('expected a forecast task');
  const ev = createEvaluator(run, TINY.seed, fixedClock().now)!.poll(0, TINY.temperature, true);
  if (ev?.kind !== 'forecast') throw new Error('expected a forecast evaluation');
  const y = meta.raw[meta.target];
  const { offset, scale } = meta.scaler;

  it('predicts every test window one step ahead, in original units, with RMSE/MAE/MAPE', () => {
    const starts = [...meta.windows.test];
    const predicted = starts.map((s) => directForecast(run, meta.scaled[0].slice(s, s + 4)) * scale[0] + offset[0]);
    const actual = starts.map((s) => y[s + 4]);
    expect([...ev.oneStep.rows]).toEqual(starts.map((s) => s + 4));
    ev.oneStep.predicted.forEach((v, k) => expect(v).toBeCloseTo(predicted[k], 10));
    expect([...ev.oneStep.actual]).toEqual(actual);
    const n = actual.length;
    const rmse = Math.sqrt(actual.reduce((a, v, k) => a + (predicted[k] - v) ** 2, 0) / n);
    const mae = actual.reduce((a, v, k) => a + Math.abs(predicted[k] - v), 0) / n;
    const mape = (100 * actual.reduce((a, v, k) => a + Math.abs((predicted[k] - v) / v), 0)) / n;
    expect(ev.oneStep.metrics.rmse).toBeCloseTo(rmse, 10);
    expect(ev.oneStep.metrics.mae).toBeCloseTo(mae, 10);
    expect(ev.oneStep.metrics.mape).toBeCloseTo(mape, 10);
    expect(ev.testStart).toBe(meta.split.testStart);
  });

  it('sets the naive last-value baseline beside it', () => {
    const starts = [...meta.windows.test];
    expect([...ev.naive.predicted]).toEqual(starts.map((s) => y[s + 3]));
    expect(ev.naive.metrics).toEqual(regressionMetrics(starts.map((s) => y[s + 3]), starts.map((s) => y[s + 4])));
    expect(ev.naive.metrics).toEqual(meta.baseline);
  });

  it('forecasts recursively from the split line: the first step is the one-step forecast, then its own predictions feed back', () => {
    const rec = ev.recursive!;
    expect(rec.rows[0]).toBe(meta.split.testStart);
    expect(rec.rows).toHaveLength(30 - meta.split.testStart);
    expect(rec.predicted[0]).toBeCloseTo(ev.oneStep.predicted[0], 10);
    const start = meta.split.testStart - 4;
    const window = [...meta.scaled[0].slice(start + 1, start + 4), (rec.predicted[0] - offset[0]) / scale[0]];
    expect(rec.predicted[1]).toBeCloseTo(directForecast(run, Float64Array.from(window)) * scale[0] + offset[0], 10);
  });
});

describe('classification evaluation', () => {
  it('counts the confusion matrix of the test windows from the net’s argmax', () => {
    const config = { ...picked('occupancy'), hiddenSize: 4, trainFraction: 0.9 };
    const run = buildRun(config, bundled('occupancy'));
    const meta = dataTaskMeta(run.task);
    if (meta?.kind !== 'classification') throw new Error('expected classification');
    const ev = createEvaluator(run, 1, fixedClock().now)!.poll(0, 1, true);
    if (ev?.kind !== 'classification') throw new Error('expected a classification evaluation');
    const net = new RecurrentNet(run.net.config, run.net.params);
    const m = [[0, 0], [0, 0]];
    for (const s of meta.windows.test) {
      const x = new Float64Array(5 * 5);
      for (let t = 0; t < 5; t++) for (let i = 0; i < 5; i++) x[t * 5 + i] = meta.scaled[i][s + t];
      const out = net.forward({ x, T: 5, B: 1 }).output;
      m[meta.labels[s + 4]][out[1] > out[0] ? 1 : 0]++;
    }
    expect(ev.confusion).toEqual(m);
    expect(ev.metrics.total).toBe(meta.windows.test.length);
    expect(ev.metrics.accuracy).toBeCloseTo((m[0][0] + m[1][1]) / meta.windows.test.length, 12);
    expect(ev.balance).toEqual(meta.balance);
  });
});

describe('EvalNets', () => {
  it('splits a large batch into chunks without changing a single output', () => {
    const run = buildRun({ ...TINY, hiddenSize: 5 }, csvData(SERIES, 't'));
    const B = EVAL_CHUNK * 2 + 37;
    const x = Float64Array.from({ length: 4 * B }, (_, k) => Math.sin(k * 0.37));
    const whole = new RecurrentNet(run.net.config, run.net.params).forward({ x, T: 4, B }).output;
    const chunked = new EvalNets(run.net.config, run.net.params).outputs({ x, T: 4, B });
    expect(chunked).toEqual(Float64Array.from(whole));
  });
});

describe('text evaluation', () => {
  const config: RunConfig = { ...picked('shakespeare'), hiddenSize: 8, seqLen: 20 };
  const run = buildRun(config, bundled('shakespeare'));

  it('writes SAMPLE_LENGTH characters of the vocabulary, the same at the same step, other text at another temperature', () => {
    const meta = dataTaskMeta(run.task);
    if (meta?.kind !== 'text') throw new Error('expected text');
    const a = createEvaluator(run, config.seed, fixedClock().now)!;
    const first = a.poll(0, 0.8, true);
    if (first?.kind !== 'text') throw new Error('expected a text evaluation');
    expect([...first.sample]).toHaveLength(SAMPLE_LENGTH);
    expect([...first.sample].every((ch) => meta.vocab.symbols.includes(ch))).toBe(true);
    expect(first.passage.T).toBe(meta.passage.length);
    expect(a.poll(0, 0.8, true)).toBeNull();
    const again = createEvaluator(run, config.seed, fixedClock().now)!.poll(0, 0.8, true);
    expect(again?.kind === 'text' && again.sample).toBe(first.sample);
    const hot = a.poll(0, 2, true);
    expect(hot?.kind === 'text' && hot.sample).not.toBe(first.sample);
  });
});

describe('TaskEvaluator pacing', () => {
  it('evaluates when forced, else at most every EVAL_INTERVAL_MS while training', () => {
    const run = buildRun(TINY, csvData(SERIES, 't'));
    const clock = fixedClock(1000);
    const ev = createEvaluator(run, 1, clock.now)!;
    expect(ev.poll(0, 1, false)?.step).toBe(0);
    expect(ev.poll(5, 1, false)).toBeNull();
    clock.advance(EVAL_INTERVAL_MS - 1);
    expect(ev.poll(6, 1, false)).toBeNull();
    clock.advance(1);
    expect(ev.poll(7, 1, false)?.step).toBe(7);
    expect(ev.poll(8, 1, true)?.step).toBe(8);
    expect(ev.poll(8, 1, true)).toBeNull();
  });

  it('is only made for dataset tasks', () => {
    expect(createEvaluator(buildRun(DEFAULT_RUN_CONFIG), 1, () => 0)).toBeNull();
  });
});

describe('TrainerCore with a dataset task', () => {
  const types = (msgs: FromWorker[]) => msgs.map((m) => m.type);

  it('sends the task meta and a step-0 evaluation on init, and an evaluation after Step', () => {
    let t = 0;
    const core = new TrainerCore(() => (t += 0.01));
    const init = core.handle({ type: 'init', runId: 1, config: TINY, data: csvData(SERIES, 't') });
    expect(types(init)).toEqual(['ready', 'frame', 'status', 'taskMeta', 'evaluation']);
    const stepped = core.handle({ type: 'step', runId: 1, count: 3 });
    const ev = stepped.find((m) => m.type === 'evaluation');
    expect(ev?.type === 'evaluation' && ev.evaluation.step).toBe(3);
  });

  it('reports a dataset task without data as an error, not a crash', () => {
    const core = new TrainerCore(() => 0);
    const init = core.handle({ type: 'init', runId: 1, config: picked('airline') });
    const err = init.find((m) => m.type === 'error');
    expect(err?.type === 'error' && err.message).toMatch(/needs its data/);
  });

  it('sends nothing extra for generated tasks', () => {
    const core = new TrainerCore(() => 0);
    expect(types(core.handle({ type: 'init', runId: 1, config: { ...DEFAULT_RUN_CONFIG, seqLen: 8 } }))).toEqual(['ready', 'frame', 'status']);
  });
});
