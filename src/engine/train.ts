/**
 * One training step — forward, loss, BPTT, clipping, optimiser update — with the numbers the UI shows about
 * it. Non-finite values are caught before the update so the last finite weights survive.
 */
import { mseLoss, softmaxCrossEntropy } from './loss.ts';
import type { BackwardTrace, ForwardTrace, InitialState, RecurrentNet, SequenceBatch } from './network.ts';
import { clipGradNorm, clipGradValue, globalNorm, type Optimizer } from './optim.ts';

export type LossKind = 'mse' | 'crossEntropy';

export interface ClipConfig {
  mode: 'none' | 'norm' | 'value';
  /** Max global norm ('norm') or max |g| ('value'). */
  value: number;
}

export interface StepOptions {
  loss: LossKind;
  clip: ClipConfig;
  /** Truncated BPTT chunk length; 0 = full BPTT. */
  truncate: number;
}

/** What a training batch holds: the input, and targets shaped like the output (MSE) or one class per row. */
export interface TrainingBatch extends SequenceBatch {
  /** MSE: [rows, O]; cross-entropy: [rows] class indices. rows = B ('last') or T·B ('sequence'). */
  target: Float64Array;
  /** Optional per-row weight (0 = ignore), e.g. timesteps without a target. */
  mask?: Float64Array | null;
  state?: InitialState;
}

export interface StepResult {
  loss: number;
  /** Global gradient norm before clipping. */
  gradNorm: number;
  clipped: boolean;
  fwd: ForwardTrace;
  /** Without ∂L/∂x: its dx is not written by a training step. */
  bwd: BackwardTrace;
}

export class NonFiniteError extends Error {
  constructor(
    readonly where: 'loss' | 'gradient' | 'weights',
    /** Name of the first tensor holding a NaN/Inf (gradient or weights), if any. */
    readonly tensor: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'NonFiniteError';
  }
}

/** Scratch buffers reused across steps, so a step allocates nothing. */
export class LossBuffers {
  private dOut = new Float64Array(0);
  get(size: number): Float64Array {
    if (this.dOut.length !== size) this.dOut = new Float64Array(size);
    return this.dOut;
  }
}

/** Loss and dLoss/dOutput for a forward trace. */
export function computeLoss(kind: LossKind, fwd: ForwardTrace, batch: TrainingBatch, dOut: Float64Array): number {
  return kind === 'mse'
    ? mseLoss(fwd.output, batch.target, dOut, batch.mask ?? null, fwd.outputWidth)
    : softmaxCrossEntropy(fwd.output, batch.target, fwd.outputWidth, dOut, batch.mask ?? null);
}

/** The first tensor of the net whose values in `arr` (data or grad) are not all finite, or null. */
function firstNonFinite(net: RecurrentNet, arr: Float64Array): string | null {
  for (const s of net.params.specs) {
    for (let i = s.offset; i < s.offset + s.size; i++) if (!Number.isFinite(arr[i])) return s.name;
  }
  return null;
}

/**
 * Forward, loss, backward, clip, update. Throws NonFiniteError (before touching the weights) when the loss
 * or a gradient is NaN/Inf, and after the update if the update itself overflowed (weights are then restored).
 */
export function trainStep(
  net: RecurrentNet, optimizer: Optimizer, batch: TrainingBatch, options: StepOptions, buffers: LossBuffers,
  backup?: Float64Array,
): StepResult {
  const fwd = net.forward(batch, batch.state);
  const dOut = buffers.get(fwd.output.length);
  const loss = computeLoss(options.loss, fwd, batch, dOut);
  if (!Number.isFinite(loss)) throw new NonFiniteError('loss', null, `the loss became ${loss}`);
  const params = net.params;
  params.zeroGrad();
  // Training never reads ∂L/∂x, and for a one-hot input it would cost as much as a dense input product.
  const bwd = net.backward(dOut, { truncate: options.truncate, inputGradient: false });
  let gradNorm = globalNorm(params.grad);
  if (!Number.isFinite(gradNorm)) {
    const t = firstNonFinite(net, params.grad);
    throw new NonFiniteError('gradient', t, `the gradient of ${t ?? 'a parameter'} became non-finite`);
  }
  let clipped = false;
  if (options.clip.mode === 'norm') {
    gradNorm = clipGradNorm(params.grad, options.clip.value);
    clipped = gradNorm > options.clip.value;
  } else if (options.clip.mode === 'value') {
    for (let i = 0; i < params.grad.length && !clipped; i++) clipped = Math.abs(params.grad[i]) > options.clip.value;
    clipGradValue(params.grad, options.clip.value);
  }
  backup?.set(params.data);
  optimizer.step(params.data, params.grad);
  const bad = firstNonFinite(net, params.data);
  if (bad !== null) {
    if (backup) params.data.set(backup);
    throw new NonFiniteError('weights', bad, `the update made ${bad} non-finite`);
  }
  return { loss, gradNorm, clipped, fwd, bwd };
}

/** Loss on a batch without training (validation). */
export function evaluateLoss(net: RecurrentNet, batch: TrainingBatch, kind: LossKind, buffers: LossBuffers): number {
  const fwd = net.forward(batch, batch.state);
  return computeLoss(kind, fwd, batch, buffers.get(fwd.output.length));
}
