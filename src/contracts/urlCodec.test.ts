import { describe, expect, it } from 'vitest';
import { Rng } from '../engine/rng.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from './runConfig.ts';
import { DEFAULT_VIEW_PARAMS } from './viewParams.ts';
import { PROPS, parseField, parseUrl, serializeUrl } from './urlCodec.ts';
import { type NumberSpec } from './urlValues.ts';

function randomNumber(rng: Rng, spec: NumberSpec): number {
  if (spec.integer) return spec.min + rng.int(spec.max - spec.min + 1);
  // Spread over magnitudes: learning rates live between 1e-5 and 1, clipping thresholds up to 1e6.
  const lo = Math.max(spec.min, 1e-6);
  const v = Math.exp(rng.uniform(Math.log(lo), Math.log(spec.max)));
  return Math.min(spec.max, v);
}

function randomConfig(rng: Rng): RunConfig {
  const pick = <V>(xs: readonly V[]): V => xs[rng.int(xs.length)];
  const c: RunConfig = {
    task: pick(PROPS.task.choices),
    seqLen: randomNumber(rng, PROPS.seqLen),
    cell: pick(PROPS.cell.choices),
    numLayers: randomNumber(rng, PROPS.numLayers),
    hiddenSize: randomNumber(rng, PROPS.hiddenSize),
    nonlinearity: pick(PROPS.nonlinearity.choices),
    gateActivation: pick(PROPS.gateActivation.choices),
    stateActivation: pick(PROPS.stateActivation.choices),
    peephole: rng.uniform(0, 1) < 0.5,
    optimizer: pick(PROPS.optimizer.choices),
    learningRate: randomNumber(rng, PROPS.learningRate),
    momentum: rng.uniform(0, 0.999),
    weightDecay: rng.uniform(0, 1) < 0.5 ? 0 : rng.uniform(0, 1),
    batchSize: randomNumber(rng, PROPS.batchSize),
    clip: pick(PROPS.clip.choices),
    clipValue: randomNumber(rng, PROPS.clipValue),
    truncate: randomNumber(rng, PROPS.truncate),
    init: pick(PROPS.init.choices),
    recurrentInit: pick(PROPS.recurrentInit.choices),
    forgetBias: rng.uniform(0, 1) < 0.3 ? null : rng.uniform(-20, 20),
    recurrentScale: rng.uniform(0, 1) < 0.5 ? null : randomNumber(rng, PROPS.recurrentScale.number),
    seed: randomNumber(rng, PROPS.seed),
    compare: pick(PROPS.compare.choices),
    target: pick(['', 'dax', 'co2_ppm', 'a column, with spaces & ünïcode']),
    features: pick(['', 'dax,smi', 'x']),
    horizon: randomNumber(rng, PROPS.horizon),
    stride: randomNumber(rng, PROPS.stride),
    scaler: pick(PROPS.scaler.choices),
    fitOnAll: rng.uniform(0, 1) < 0.5,
    trainFraction: rng.uniform(0.1, 0.95),
    transform: pick(PROPS.transform.choices),
    maxSymbols: randomNumber(rng, PROPS.maxSymbols),
    temperature: rng.uniform(0.05, 5),
    outputMode: pick(PROPS.outputMode.choices),
  };
  return c.cell === 'lstm' ? c : { ...c, peephole: false };
}

describe('urlCodec', () => {
  it('round-trips random configurations bit for bit', () => {
    const rng = new Rng(42);
    for (let k = 0; k < 500; k++) {
      const config = randomConfig(rng);
      const lang = rng.uniform(0, 1) < 0.5 ? 'en' : 'zh';
      const parsed = parseUrl(serializeUrl(config, lang, 'en'));
      expect(parsed.warnings).toEqual([]);
      expect(parsed.config).toEqual(config);
      for (const f of Object.keys(config) as (keyof RunConfig)[]) expect(Object.is(parsed.config[f], config[f])).toBe(true);
      expect(parsed.lang ?? 'en').toBe(lang);
    }
  });

  it('leaves defaults out of the URL', () => {
    expect(serializeUrl(DEFAULT_RUN_CONFIG, 'en', 'en')).toBe('');
    expect(serializeUrl({ ...DEFAULT_RUN_CONFIG, cell: 'gru', learningRate: 0.003 }, 'en', 'en')).toBe('cell=gru&lr=0.003');
    expect(serializeUrl(DEFAULT_RUN_CONFIG, 'zh', 'en')).toBe('lang=zh');
    expect(serializeUrl(DEFAULT_RUN_CONFIG, 'zh', 'zh')).toBe('');
    expect(parseUrl('')).toEqual({ config: DEFAULT_RUN_CONFIG, lang: null, view: DEFAULT_VIEW_PARAMS, warnings: [] });
  });

  it('uses short keys that never change', () => {
    const keys = Object.fromEntries(Object.entries(PROPS).map(([f, spec]) => [f, spec.key]));
    expect(keys).toMatchInlineSnapshot(`
      {
        "batchSize": "batch",
        "cell": "cell",
        "clip": "clip",
        "clipValue": "clipv",
        "compare": "cmp",
        "features": "feat",
        "fitOnAll": "leak",
        "forgetBias": "fbias",
        "gateActivation": "gate",
        "hiddenSize": "hidden",
        "horizon": "hz",
        "init": "init",
        "learningRate": "lr",
        "maxSymbols": "vocab",
        "momentum": "mom",
        "nonlinearity": "act",
        "numLayers": "layers",
        "optimizer": "opt",
        "outputMode": "out",
        "peephole": "peep",
        "recurrentInit": "rinit",
        "recurrentScale": "rscale",
        "scaler": "scaler",
        "seed": "seed",
        "seqLen": "seq",
        "stateActivation": "state",
        "stride": "stride",
        "target": "target",
        "task": "task",
        "temperature": "temp",
        "trainFraction": "split",
        "transform": "pred",
        "truncate": "tbptt",
        "weightDecay": "wd",
      }
    `);
    expect(new Set(Object.values(keys)).size).toBe(Object.keys(keys).length);
  });

  it('rejects garbage and falls back to the defaults with a warning each', () => {
    const { config, warnings } = parseUrl(
      '?lr=abc&layers=9&hidden=2.5&seed=-1&cell=transformer&peep=maybe&clipv=0&lr2=1&lang=fr&seq=&wd=Infinity&batch=0x10&fbias=nan',
    );
    expect(config).toEqual(DEFAULT_RUN_CONFIG);
    expect(warnings.map((w) => `${w.kind}:${w.key}`)).toEqual([
      'invalid:lr', 'invalid:layers', 'invalid:hidden', 'invalid:seed', 'invalid:cell', 'invalid:peep', 'invalid:clipv',
      'unknown:lr2', 'invalid:lang', 'invalid:seq', 'invalid:wd', 'invalid:batch', 'invalid:fbias',
    ]);
    expect(warnings[0]).toEqual({ kind: 'invalid', key: 'lr', value: 'abc', problem: { kind: 'notNumber' } });
    expect(warnings[1]).toMatchObject({ problem: { kind: 'range', min: 1, max: 4 } });
    expect(warnings[2]).toMatchObject({ problem: { kind: 'notInteger' } });
  });

  it('keeps the good values next to bad ones', () => {
    const { config, warnings } = parseUrl('cell=gru&lr=-1&opt=sgd&clip=none&fbias=none');
    expect(config).toEqual({ ...DEFAULT_RUN_CONFIG, cell: 'gru', optimizer: 'sgd', clip: 'none', forgetBias: null });
    expect(warnings).toHaveLength(1);
  });

  it('drops settings that do not fit the architecture', () => {
    const { config, warnings } = parseUrl('cell=gru&peep=1');
    expect(config.peephole).toBe(false);
    expect(warnings).toEqual([{ kind: 'conflict', key: 'peep', value: '1' }]);
  });

  it('validates form input with the same rules', () => {
    expect(parseField('learningRate', '0.05')).toEqual({ ok: true, value: 0.05 });
    expect(parseField('learningRate', '1e-4')).toEqual({ ok: true, value: 1e-4 });
    expect(parseField('learningRate', '')).toEqual({ ok: false, problem: { kind: 'empty' } });
    expect(parseField('learningRate', '0')).toMatchObject({ ok: false, problem: { kind: 'range', minExclusive: true } });
    expect(parseField('learningRate', '-0.1')).toMatchObject({ ok: false, problem: { kind: 'range' } });
    expect(parseField('learningRate', 'NaN')).toEqual({ ok: false, problem: { kind: 'notNumber' } });
    expect(parseField('hiddenSize', '-0')).toEqual({ ok: false, problem: { kind: 'range', min: 1, max: 128, minExclusive: false } });
    expect(parseField('weightDecay', '-0')).toEqual({ ok: true, value: 0 });
  });
});
