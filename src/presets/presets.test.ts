import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_CONFIG } from '../store/runConfig.ts';
import { parseUrl, serializeUrl } from '../store/urlCodec.ts';
import { en } from '../i18n/en.ts';
import { zh } from '../i18n/zh.ts';
import { matchingPreset, PRESETS, presetConfig } from './presets.ts';

describe('presets', () => {
  it('are valid configs: each survives the URL codec unchanged and without warnings', () => {
    for (const p of PRESETS) {
      const config = presetConfig(p);
      const { config: back, warnings } = parseUrl(serializeUrl(config, 'en', 'en'));
      expect(warnings, p.name).toEqual([]);
      expect(back, p.name).toEqual(config);
    }
  });

  it('have distinct names that fit a data-testid, and titles and descriptions in both languages', () => {
    const names = PRESETS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of PRESETS) {
      expect(p.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      for (const key of [p.title, p.description]) {
        expect(en[key].length, key).toBeGreaterThan(0);
        expect(zh[key].length, key).toBeGreaterThan(0);
      }
    }
  });

  it('set up the demonstrations the issue asks for', () => {
    const byName = Object.fromEntries(PRESETS.map((p) => [p.name, presetConfig(p)]));
    const vanish = byName['rnn-vanishes'];
    const carry = byName['lstm-carries'];
    expect(vanish).toMatchObject({ cell: 'rnn', nonlinearity: 'tanh', seqLen: 50, compare: 'rnn,lstm' });
    expect(vanish.recurrentScale).toBeLessThan(1);
    // The carrying demo differs from the vanishing one in the architecture only, so the two compare.
    expect({ ...carry, cell: 'rnn', compare: 'rnn,lstm' }).toEqual(vanish);
    expect(carry.forgetBias).toBeGreaterThanOrEqual(1);
    const explode = byName['rnn-explodes'];
    expect(explode).toMatchObject({ cell: 'rnn', clip: 'none', compare: 'off' });
    expect(explode.recurrentScale).toBeGreaterThan(1);
    expect({ ...byName['rnn-clipped'], clip: 'none' }).toEqual(explode);
    expect(byName['race-adding']).toMatchObject({ compare: 'rnn,lstm,gru', task: 'adding', seqLen: 50 });
  });

  it('recognises the run a preset set up, and nothing else', () => {
    for (const p of PRESETS) expect(matchingPreset(presetConfig(p))?.name).toBe(p.name);
    expect(matchingPreset(DEFAULT_RUN_CONFIG)).toBeNull();
    expect(matchingPreset({ ...presetConfig(PRESETS[0]), learningRate: 0.02 })).toBeNull();
  });
});
