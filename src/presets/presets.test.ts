import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_CONFIG } from '../contracts/runConfig.ts';
import { parseUrl, serializeUrl } from '../contracts/urlCodec.ts';
import { en } from '../i18n/en.ts';
import { zh } from '../i18n/zh.ts';
import type { FromWorker, ProbeFrame } from '../contracts/protocol.ts';
import { TrainerCore } from '../trainer/trainerCore.ts';
import { earlyOverLate, hasFiniteFlow, keyFrameIn } from './keyFrame.ts';
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

describe('the demonstrations hold their point in the engine', () => {
  /** The step-0 frame and then `steps` single training steps of a preset's run; stops at a failure. */
  function runPreset(name: string, steps: number) {
    const preset = PRESETS.find((p) => p.name === name)!;
    let now = 0;
    const core = new TrainerCore(() => (now += 0.01));
    const frames: ProbeFrame[] = [];
    let failedAt: number | null = null;
    const take = (out: FromWorker[]) => {
      for (const m of out) {
        if (m.type === 'frame') frames.push(m.frame);
        if (m.type === 'failure') failedAt = m.failure.step;
      }
    };
    take(core.handle({ type: 'init', runId: 1, config: presetConfig(preset) }));
    for (let k = 0; k < steps && failedAt === null; k++) take(core.handle({ type: 'step', runId: 1, count: 1 }));
    return { preset, frames, failedAt: failedAt as number | null };
  }

  it('exploding: the gradient grows back through time before the overflow, and the last finite picture shows it', () => {
    const { preset, frames, failedAt } = runPreset('rnn-explodes', 30);
    expect(failedAt).not.toBeNull();
    expect(failedAt!).toBeLessThan(15);
    const key = keyFrameIn(frames, preset.keyFrame!)!;
    expect(key.step).toBeLessThan(failedAt!);
    // ‖∂L_T/∂h_1‖ well above ‖∂L_T/∂h_T‖, and a fitted factor per step back above 1.
    expect(earlyOverLate(key)).toBeGreaterThan(100);
    expect(Math.exp(key.flow!.decaySlope[0])).toBeGreaterThan(1.1);
  });

  it('clipping: the same growth at step 0, the whole gradient above the threshold, and training goes on', () => {
    const explode = runPreset('rnn-explodes', 0).frames[0];
    const { preset, frames, failedAt } = runPreset('rnn-clipped', 40);
    expect(failedAt).toBeNull();
    const key = keyFrameIn(frames, preset.keyFrame!)!;
    expect(Array.from(key.flow!.dh)).toEqual(Array.from(explode.flow!.dh));
    expect(key.flow!.gradNorm).toBeGreaterThan(presetConfig(preset).clipValue);
    expect(frames.every(hasFiniteFlow)).toBe(true);
  });

  it('vanishing: at step 0 the RNN keeps over ten orders of magnitude less of the gradient at t = 1 than the LSTM', () => {
    const rnn = runPreset('rnn-vanishes', 0).frames[0];
    const lstm = runPreset('lstm-carries', 0).frames[0];
    expect(Math.log10(earlyOverLate(lstm)) - Math.log10(earlyOverLate(rnn))).toBeGreaterThan(10);
  });
});
