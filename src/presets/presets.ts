/**
 * One-click demonstrations of vanishing and exploding gradients: each is a partial RunConfig laid over the first-load defaults, so a
 * preset always sets up the same run (and the same URL) whatever was on screen before. The numbers were
 * measured with the engine (src/trainer/buildRun.ts, seed 1): at step 0–50 on temporal order, T = 50, recurrent
 * scale 0.6, the RNN's ‖∂L_T/∂h_1‖ is ~1e−17…1e−28 of ‖∂L_T/∂h_T‖ while the LSTM's (forget bias 2) is
 * ~1e−3…1e−5. The ReLU RNN at scale 4 (seed 1, T = 50) starts with ‖∂L_T/∂h_1‖ ≈ 5e3 × ‖∂L_T/∂h_T‖ (about
 * ×1.17 per step back), overflows at step 3 without clipping, and with clipping at norm 1 trains on.
 */
import type { MessageKey } from '../i18n/i18n.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';

export type PresetName = 'rnn-vanishes' | 'lstm-carries' | 'rnn-explodes' | 'rnn-clipped' | 'race-adding';

/**
 * The picture that makes a demonstration's point, kept (drawn faintly) while training moves on: the gradient
 * at step 0, or the last finite one before an overflow.
 */
export type KeyFrameKind = 'start' | 'lastFinite';

export interface Preset {
  name: PresetName;
  title: MessageKey;
  description: MessageKey;
  /** What differs from DEFAULT_RUN_CONFIG. */
  config: Partial<RunConfig>;
  keyFrame: KeyFrameKind | null;
}

/** The long-range memory setting of the README's result (hidden 16, batch 32, Adam 0.01, clipping at norm 1). */
const MEMORY: Partial<RunConfig> = { seqLen: 50, hiddenSize: 16, batchSize: 32, optimizer: 'adam', learningRate: 0.01, clip: 'norm', clipValue: 1 };

/** Temporal order at T = 50 with small recurrent weights: what the vanishing and carrying demos share. */
const LONG_ORDER: Partial<RunConfig> = { ...MEMORY, task: 'temporalOrder', recurrentScale: 0.6, forgetBias: 2, nonlinearity: 'tanh' };

/**
 * A ReLU RNN with W_hh at spectral norm 4, trained by plain SGD with momentum: the gradient already grows back
 * through time at step 0 (ReLU passes about half the units, so the per-step gain stays above 1), and the
 * unclipped updates blow the weights up within a few steps.
 */
const EXPLODING: Partial<RunConfig> = {
  task: 'adding', seqLen: 50, hiddenSize: 16, batchSize: 32, cell: 'rnn', nonlinearity: 'relu', recurrentScale: 4, clipValue: 1,
  optimizer: 'sgd', learningRate: 0.01, momentum: 0.9, seed: 1,
};

export const PRESETS: readonly Preset[] = [
  {
    name: 'rnn-vanishes',
    title: 'preset.rnnVanishes.title',
    description: 'preset.rnnVanishes.description',
    config: { ...LONG_ORDER, cell: 'rnn', compare: 'rnn,lstm' },
    keyFrame: 'start',
  },
  {
    name: 'lstm-carries',
    title: 'preset.lstmCarries.title',
    description: 'preset.lstmCarries.description',
    config: { ...LONG_ORDER, cell: 'lstm' },
    keyFrame: 'start',
  },
  {
    name: 'rnn-explodes',
    title: 'preset.rnnExplodes.title',
    description: 'preset.rnnExplodes.description',
    config: { ...EXPLODING, clip: 'none' },
    keyFrame: 'lastFinite',
  },
  {
    name: 'rnn-clipped',
    title: 'preset.rnnClipped.title',
    description: 'preset.rnnClipped.description',
    config: { ...EXPLODING, clip: 'norm' },
    keyFrame: 'start',
  },
  {
    name: 'race-adding',
    title: 'preset.raceAdding.title',
    description: 'preset.raceAdding.description',
    config: { ...MEMORY, task: 'adding', compare: 'rnn,lstm,gru', forgetBias: 1 },
    keyFrame: null,
  },
];

/** The full config a preset sets up. */
export function presetConfig(preset: Preset): RunConfig {
  return { ...DEFAULT_RUN_CONFIG, ...preset.config };
}

/** The preset whose run this config is exactly, if any (the bar marks it as pressed). */
export function matchingPreset(config: RunConfig): Preset | null {
  return PRESETS.find((p) => {
    const full = presetConfig(p);
    return (Object.keys(full) as (keyof RunConfig)[]).every((k) => full[k] === config[k]);
  }) ?? null;
}
