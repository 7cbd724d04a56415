/**
 * What a training run will cost before anything is allocated: the bytes of the buffers the network keeps
 * (the forward trace that is also the backward cache, the gradients, the optimiser's moments, the batches)
 * and the floating-point operations of one training step. Pure arithmetic on the shapes, so the page can
 * ask before building a model that would not fit.
 */
import type { CellKind } from './config.ts';
import { gateCount } from './gateLayout.ts';

export interface CostShape {
  cell: CellKind;
  /** Timesteps of a training sequence. */
  T: number;
  /** Training batch size. */
  B: number;
  inputSize: number;
  hiddenSize: number;
  numLayers: number;
  /** Width of the output head (the hidden size when there is none). */
  outputSize: number;
  outputMode: 'last' | 'sequence';
  /** Sequences of length T held besides the training batch (validation and probe batches, their nets). */
  extraSequences: number;
}

export interface RunCost {
  /** Bytes of the buffers the run keeps. */
  bytes: number;
  /** Floating-point operations of one training step (forward, backward and the optimiser). */
  flops: number;
}

const F64 = 8;

/** Parameters of the model: per layer G·H·(in + H) weights and two G·H biases, plus the head. */
export function parameterCount(s: CostShape): number {
  const G = gateCount(s.cell);
  const H = s.hiddenSize;
  let n = 0;
  for (let l = 0; l < s.numLayers; l++) n += G * H * ((l === 0 ? s.inputSize : H) + H) + 2 * G * H;
  return n + s.outputSize * (H + 1);
}

/** Float64 values the network's workspace keeps for a batch of `B` sequences (network.ts allocates these). */
function workspaceValues(s: CostShape, B: number): number {
  const G = gateCount(s.cell);
  const { T, hiddenSize: H } = s;
  const TBH = T * B * H;
  const TBGH = TBH * G;
  // h, dh, dhExt; pre-activations and their gradient; activations (the RNN's are h itself).
  let perLayer = 3 * TBH + 2 * TBGH + (s.cell === 'rnn' ? 0 : TBGH);
  if (s.cell === 'lstm') perLayer += 3 * TBH; // c, its activation, dc
  if (s.cell === 'gru') perLayer += TBH + TBGH; // n's recurrent part and its separate gradient
  const rows = s.outputMode === 'last' ? B : T * B;
  // Per layer, plus ∂L/∂x, the output, the batch itself (x and the target) and ∂L/∂output.
  return s.numLayers * perLayer + 2 * T * B * s.inputSize + 3 * rows * s.outputSize;
}

/** Bytes and flops per step of training `s` (Adam's two moments assumed, the most an optimiser keeps). */
export function estimateCost(s: CostShape): RunCost {
  const P = parameterCount(s);
  const bytes = F64 * (4 * P + workspaceValues(s, s.B) + workspaceValues(s, s.extraSequences));
  const G = gateCount(s.cell);
  const H = s.hiddenSize;
  let forward = 0;
  for (let l = 0; l < s.numLayers; l++) forward += 2 * s.T * s.B * G * H * ((l === 0 ? s.inputSize : H) + H);
  const rows = s.outputMode === 'last' ? s.B : s.T * s.B;
  forward += 2 * rows * H * s.outputSize;
  // Backward costs about twice the forward pass (gradients of the inputs and of the weights); the optimiser
  // touches every parameter a handful of times.
  return { bytes, flops: 3 * forward + 10 * P };
}
