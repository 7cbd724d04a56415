import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { zh } from '../i18n/zh.ts';
import { DEFAULT_RUN_CONFIG, VARIABLE_FIELDS, type RunConfig } from './runConfig.ts';
import { COMPARE_SETS, PROPS, parseUrl, readCompareSet, serializeUrl } from './urlCodec.ts';
import { DEFAULT_VIEW_PARAMS } from './viewParams.ts';
import { compareCells, compareSetLabel, comparesArchitectures, compareVariants, hyperFor, modelConfig, raceKey, variantLabel } from './compareSet.ts';

const fill = (dict: Record<string, string>) => (key: MessageKey, vars: Record<string, string | number> = {}) =>
  dict[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
const tEn = fill(en);
const tZh = fill(zh);

describe('compare sets in the URL', () => {
  it('keeps the architecture sets of old links, in the order rnn, lstm, gru', () => {
    expect(parseUrl('cmp=rnn,lstm,gru').config.compare).toBe('rnn,lstm,gru');
    expect(parseUrl('cmp=lstm,rnn').config.compare).toBe('rnn,lstm');
    expect(parseUrl('cmp=off').config.compare).toBe('off');
  });

  it('reads one setting and two or three of its values, each checked like its own URL parameter', () => {
    expect(readCompareSet('fbias:0|1')).toEqual({ set: 'fbias:0|1', parts: { kind: 'setting', field: 'forgetBias', values: ['0', '1'] } });
    expect(readCompareSet('lr:0.010|1e-1')?.set).toBe('lr:0.01|0.1');
    expect(readCompareSet('clip:none|norm|value')?.set).toBe('clip:none|norm|value');
    expect(readCompareSet('act:tanh|sigmoid')?.parts).toEqual({ kind: 'setting', field: 'nonlinearity', values: ['tanh', 'sigmoid'] });
    expect(readCompareSet('fbias:none|1')?.set).toBe('fbias:none|1');
    expect(parseUrl('cmp=fbias%3A0%7C1').config.compare).toBe('fbias:0|1');
  });

  it('refuses what would not compare one setting on the same data', () => {
    for (const bad of ['rnn', 'rnn,rnn', 'rnn,lstm,gru,rnn', 'rnn,elman', 'fbias:1', 'fbias:1|1', 'fbias:0|1|2|3', 'lr:0|0.1', 'seed:1|2', 'task:sine|adding', 'seq:10|20', 'nope:1|2', 'clip:none|sometimes', '']) {
      expect(readCompareSet(bad), bad).toBeNull();
      const { config, warnings } = parseUrl(`cmp=${encodeURIComponent(bad)}`);
      expect(config.compare, bad).toBe('off');
      expect(warnings.map((w) => w.key), bad).toEqual(['cmp']);
    }
  });

  it('round-trips every menu set through a link', () => {
    for (const compare of COMPARE_SETS) {
      const config = { ...DEFAULT_RUN_CONFIG, compare };
      expect(parseUrl(serializeUrl(config, 'en', 'en'))).toEqual({ config, lang: null, view: DEFAULT_VIEW_PARAMS, warnings: [] });
    }
  });

  it('may vary only model and training settings, never the data or the seed', () => {
    for (const f of ['task', 'seqLen', 'seed', 'compare', 'target', 'features', 'horizon', 'stride', 'scaler', 'fitOnAll', 'trainFraction', 'batchSize'] as const) {
      expect(VARIABLE_FIELDS as readonly string[]).not.toContain(f);
    }
    expect(new Set(VARIABLE_FIELDS.map((f) => PROPS[f].key)).size).toBe(VARIABLE_FIELDS.length);
  });
});

describe('compare variants', () => {
  const base: RunConfig = { ...DEFAULT_RUN_CONFIG, task: 'adding', cell: 'gru', seed: 9 };

  it('an architecture race: one variant per cell, ids the cell names', () => {
    const vs = compareVariants('rnn,lstm,gru');
    expect(vs.map((v) => v.id)).toEqual(['rnn', 'lstm', 'gru']);
    expect(vs.map((v) => modelConfig(base, v))).toEqual([{ ...base, cell: 'rnn' }, { ...base, cell: 'lstm' }, { ...base, cell: 'gru' }]);
    expect(compareVariants('off')).toEqual([]);
    expect(comparesArchitectures('rnn,gru')).toBe(true);
  });

  it('a setting race: the same run but for that one setting, same data and seed', () => {
    const vs = compareVariants('lr:0.01|0.1');
    expect(vs.map((v) => v.id)).toEqual(['lr-0.01', 'lr-0.1']);
    const configs = vs.map((v) => modelConfig(base, v));
    expect(configs).toEqual([{ ...base, learningRate: 0.01 }, { ...base, learningRate: 0.1 }]);
    expect(compareCells({ ...base, compare: 'lr:0.01|0.1' })).toEqual(['gru', 'gru']);
    expect(comparesArchitectures('lr:0.01|0.1')).toBe(false);
  });

  it('a setting of one architecture races that architecture', () => {
    expect(compareVariants('fbias:0|1').map((v) => modelConfig(base, v))).toEqual([
      { ...base, cell: 'lstm', forgetBias: 0 },
      { ...base, cell: 'lstm', forgetBias: 1 },
    ]);
    expect(compareVariants('act:tanh|sigmoid').map((v) => modelConfig(base, v).cell)).toEqual(['rnn', 'rnn']);
    expect(comparesArchitectures('fbias:0|1')).toBe(true);
  });

  it('keeps a variant’s own setting when the sidebar changes it live for all', () => {
    const [a, b] = compareVariants('lr:0.01|0.1');
    expect(hyperFor({ learningRate: 0.5, momentum: 0.5 }, a)).toEqual({ momentum: 0.5 });
    expect(hyperFor({ clip: 'none' }, b)).toEqual({ clip: 'none' });
    const [, lstm] = compareVariants('rnn,lstm');
    expect(hyperFor({ learningRate: 0.5 }, lstm)).toEqual({ learningRate: 0.5 });
  });

  it('needs new trainers only when the racers change', () => {
    const race = (patch: Partial<RunConfig>) => raceKey({ ...base, ...patch });
    expect(race({ compare: 'off' })).toBe('');
    expect(race({ compare: 'rnn,lstm' })).toBe(race({ compare: 'rnn,lstm', cell: 'rnn', learningRate: 0.5 }));
    // A setting race follows the sidebar's architecture: another cell means other trainers.
    expect(race({ compare: 'lr:0.01|0.1' })).not.toBe(race({ compare: 'lr:0.01|0.1', cell: 'rnn' }));
    expect(race({ compare: 'fbias:0|1' })).toBe(race({ compare: 'fbias:0|1', cell: 'rnn' }));
  });

  it('names and colours every racer, in English and Chinese', () => {
    const [f0, f1] = compareVariants('fbias:0|1');
    expect(variantLabel(tEn, f0)).toBe('Forget-gate bias = 0');
    expect(variantLabel(tZh, f1)).toContain('1');
    expect(variantLabel(tEn, compareVariants('clip:none|norm')[0])).toBe('Gradient clipping = None');
    expect(variantLabel(tEn, compareVariants('rnn,lstm')[1])).toBe('LSTM');
    expect(compareSetLabel(tEn, 'act:tanh|sigmoid')).toBe('RNN nonlinearity: tanh vs sigmoid');
    expect(compareSetLabel(tEn, 'rnn,lstm,gru')).toBe(en['compare.set.rnn,lstm,gru']);
    expect(compareSetLabel(tZh, 'off')).toBe(zh['compare.set.off']);
    for (const set of COMPARE_SETS) {
      for (const t of [tEn, tZh]) {
        expect(compareSetLabel(t, set)).not.toMatch(/undefined|\{/);
        for (const v of compareVariants(set)) expect(variantLabel(t, v)).not.toMatch(/undefined|\{/);
      }
    }
  });
});
