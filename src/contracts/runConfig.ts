/**
 * Everything that defines a run. It lives in the URL (see urlCodec.ts): the same RunConfig and seed give the
 * same run, bit for bit.
 */
import type { CellKind, GateActivation, RnnNonlinearity, StateActivation } from '../engine/config.ts';
import type { InitScheme } from '../engine/init.ts';
import type { OptimizerKind } from '../engine/optim.ts';
import type { TaskSpec } from '../tasks/taskSpec.ts';

export type ClipMode = 'none' | 'norm' | 'value';
/** Compare mode's architecture races (the set's cells, in the order rnn, lstm, gru). */
export type ArchitectureSet = 'rnn,lstm' | 'rnn,gru' | 'lstm,gru' | 'rnn,lstm,gru';
/**
 * Compare mode: which runs race side by side. 'off' = a single run; an architecture set ('rnn,lstm,gru'); or
 * two or three values of one setting, written with the setting's URL key ('fbias:0|1', 'clip:none|norm').
 * The URL codec only lets canonical sets through, so equal sets are equal strings.
 */
export type CompareSet = 'off' | ArchitectureSet | `${string}:${string}`;

/** A run: its task (TaskSpec, what the tasks are built from) plus the model, training and compare settings. */
export interface RunConfig extends TaskSpec {
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
  /** Exploding/vanishing lab: rescale each gate block of W_hh to this spectral norm after init; null = as initialised. */
  recurrentScale: number | null;
  seed: number;
  compare: CompareSet;
  /** Character tasks: sampling temperature of the generated text. */
  temperature: number;
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
  outputMode: 'sequence',
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
  recurrentScale: null,
  seed: 1,
  compare: 'off',
  target: '',
  features: '',
  horizon: 1,
  stride: 1,
  scaler: 'minmax',
  fitOnAll: false,
  trainFraction: 0.7,
  transform: 'level',
  maxSymbols: 500,
  temperature: 0.8,
};

/**
 * The settings a one-setting comparison may vary: the model and its training. Never the task, data, window or
 * seed — the racers must see the same data in the same order.
 */
export const VARIABLE_FIELDS = [
  'numLayers', 'hiddenSize', 'nonlinearity', 'gateActivation', 'stateActivation', 'peephole', 'optimizer', 'learningRate',
  'momentum', 'weightDecay', 'clip', 'clipValue', 'truncate', 'init', 'recurrentInit', 'forgetBias', 'recurrentScale',
] as const satisfies readonly (keyof RunConfig)[];
export type VariableField = (typeof VARIABLE_FIELDS)[number];

/** Fields that can change mid-run without re-initialising the model (the optimiser keeps its moments). */
export const LIVE_FIELDS = ['optimizer', 'learningRate', 'momentum', 'weightDecay', 'clip', 'clipValue', 'truncate', 'batchSize', 'temperature'] as const;
export type LiveField = (typeof LIVE_FIELDS)[number];
export type HyperPatch = Partial<Pick<RunConfig, LiveField>>;

export function isLiveField(k: keyof RunConfig): k is LiveField {
  return (LIVE_FIELDS as readonly string[]).includes(k);
}
