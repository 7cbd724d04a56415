/**
 * Everything that defines a run. It lives in the URL (see urlCodec.ts): the same RunConfig and seed give the
 * same run, bit for bit.
 */
import type { CellKind, GateActivation, RnnNonlinearity, StateActivation } from '../engine/config.ts';
import type { InitScheme } from '../engine/init.ts';
import type { OptimizerKind } from '../engine/optim.ts';

export type TaskId = 'sine' | 'frequency';
export type ClipMode = 'none' | 'norm' | 'value';

export interface RunConfig {
  task: TaskId;
  /** Timesteps per training sequence (and of the probe sequence). */
  seqLen: number;
  cell: CellKind;
  numLayers: number;
  hiddenSize: number;
  nonlinearity: RnnNonlinearity;
  gateActivation: GateActivation;
  stateActivation: StateActivation;
  peephole: boolean;
  optimizer: OptimizerKind;
  learningRate: number;
  momentum: number;
  weightDecay: number;
  batchSize: number;
  clip: ClipMode;
  clipValue: number;
  /** Truncated BPTT length; 0 = full. */
  truncate: number;
  init: InitScheme;
  recurrentInit: 'same' | 'orthogonal';
  /** LSTM forget-gate bias; null = as initialised. */
  forgetBias: number | null;
  seed: number;
}

export const DEFAULT_RUN_CONFIG: RunConfig = {
  task: 'sine',
  seqLen: 40,
  cell: 'lstm',
  numLayers: 1,
  hiddenSize: 12,
  nonlinearity: 'tanh',
  gateActivation: 'sigmoid',
  stateActivation: 'tanh',
  peephole: false,
  optimizer: 'adam',
  learningRate: 0.01,
  momentum: 0.9,
  weightDecay: 0,
  batchSize: 16,
  clip: 'norm',
  clipValue: 5,
  truncate: 0,
  init: 'pytorch',
  recurrentInit: 'same',
  forgetBias: 1,
  seed: 1,
};

/** Fields that can change mid-run without re-initialising the model (the optimiser keeps its moments). */
export const LIVE_FIELDS = ['optimizer', 'learningRate', 'momentum', 'weightDecay', 'clip', 'clipValue', 'truncate', 'batchSize'] as const;
export type LiveField = (typeof LIVE_FIELDS)[number];
export type HyperPatch = Partial<Pick<RunConfig, LiveField>>;

export function isLiveField(k: keyof RunConfig): k is LiveField {
  return (LIVE_FIELDS as readonly string[]).includes(k);
}
