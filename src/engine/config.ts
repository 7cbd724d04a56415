/** The architecture of a recurrent network, in PyTorch's vocabulary. */

export type CellKind = 'rnn' | 'lstm' | 'gru';
/** PyTorch's nn.RNN offers tanh and relu; sigmoid is here to show why tanh is preferred (sigmoid′ ≤ 0.25 shrinks the gradient). */
export type RnnNonlinearity = 'tanh' | 'relu' | 'sigmoid';
/** MATLAB lstmLayer's GateActivationFunction; hard-sigmoid is MATLAB's clip(0.2x + 0.5, 0, 1). */
export type GateActivation = 'sigmoid' | 'hardSigmoid';
/** MATLAB lstmLayer's StateActivationFunction, used on the candidate g and on c_t before the output gate. */
export type StateActivation = 'tanh' | 'softsign';
export type OutputMode = 'last' | 'sequence';

export interface ModelConfig {
  cell: CellKind;
  inputSize: number;
  hiddenSize: number;
  /** Stacked recurrent layers, 1–4. */
  numLayers: number;
  /** Size of the dense head on top of the last layer; null = no head (output is h of the top layer). */
  outputSize: number | null;
  /** 'last' = many-to-one (output at the final timestep), 'sequence' = many-to-many. */
  outputMode: OutputMode;
  /** Vanilla RNN only. */
  nonlinearity: RnnNonlinearity;
  /** LSTM and GRU gates (i, f, o / r, z). */
  gateActivation: GateActivation;
  /** LSTM only: candidate g and the cell output squashing. */
  stateActivation: StateActivation;
  /** LSTM only: peephole connections from c to the i, f (c_{t-1}) and o (c_t) gates. */
  peephole: boolean;
}

export const DEFAULT_MODEL_CONFIG: ModelConfig = {
  cell: 'lstm',
  inputSize: 1,
  hiddenSize: 8,
  numLayers: 1,
  outputSize: 1,
  outputMode: 'last',
  nonlinearity: 'tanh',
  gateActivation: 'sigmoid',
  stateActivation: 'tanh',
  peephole: false,
};

export const LIMITS = { maxLayers: 4, maxHidden: 512 } as const;

/** Fills defaults and throws a readable Error for an impossible architecture. */
export function makeModelConfig(partial: Partial<ModelConfig>): ModelConfig {
  const c: ModelConfig = { ...DEFAULT_MODEL_CONFIG, ...partial };
  const intIn = (v: number, lo: number, hi: number, what: string): void => {
    if (!Number.isInteger(v) || v < lo || v > hi) throw new Error(`${what} must be an integer from ${lo} to ${hi}, got ${v}`);
  };
  intIn(c.inputSize, 1, 1_000_000, 'inputSize');
  intIn(c.hiddenSize, 1, LIMITS.maxHidden, 'hiddenSize');
  intIn(c.numLayers, 1, LIMITS.maxLayers, 'numLayers');
  if (c.outputSize !== null) intIn(c.outputSize, 1, 1_000_000, 'outputSize');
  if (c.cell !== 'lstm' && c.peephole) throw new Error('peephole connections exist only for LSTM cells');
  return c;
}
