/**
 * Per-timestep readings of a trace, for the gradient-decay panel and the failure notice: how ∂L_T/∂h_t — the
 * loss at the last step only — shrinks or grows going back through time, the Jacobian products behind it,
 * RNNbow's split of the weight gradient over timesteps, and where a NaN/Inf first appeared in time.
 */
import { carryProducts, fitDecay, rnnJacobianProducts, rowNorms } from '../engine/analysis/gradientFlow.ts';
import { gateCount } from '../engine/gateLayout.ts';
import { gemmNT } from '../engine/kernels/gemm.ts';
import { mseLoss, softmaxCrossEntropy } from '../engine/loss.ts';
import type { BackwardTrace, ForwardTrace, RecurrentNet } from '../engine/network.ts';
import { globalNorm } from '../engine/optim.ts';
import { layerInputSize } from '../engine/params.ts';
import type { LossKind } from '../engine/train.ts';
import type { GradientFlowFrame } from './protocol.ts';

/** The RNN's mechanism costs O(T·H³) per layer: beyond this hidden size it is not computed at all. */
export const RNN_MECHANISM_MAX_HIDDEN = 64;

/**
 * dL_T/d(output) for a single sequence: the loss of the last output row alone (as if it were the only
 * target), every other row zero. Returns L_T. `target` is [rows, O] (MSE) or [rows] class indices.
 */
export function lastRowLossGradient(kind: LossKind, output: Float64Array, target: Float64Array, rows: number, width: number, dOut: Float64Array): number {
  const last = (rows - 1) * width;
  dOut.fill(0);
  return kind === 'mse'
    ? mseLoss(output.subarray(last), target.subarray(last), dOut.subarray(last), null, width)
    : softmaxCrossEntropy(output.subarray(last), target.subarray(rows - 1), width, dOut.subarray(last));
}

/** The rows v_0 … v_{T−1} a weight gradient multiplies δ_t with: `first` holds v_0, `rest` v_1 onwards. */
export interface TermRows {
  first: Float64Array;
  firstOff: number;
  rest: Float64Array;
  restOff: number;
}

/**
 * RNNbow for one sequence (B = 1). A weight gradient is a sum over time (seed 001), G = Σ_t δ_t·v_tᵀ with v_t
 * the layer input x_t (W_ih) or h_{t−1} (W_hh). Each term is rank one, so its Frobenius norm is ‖δ_t‖·‖v_t‖ and
 * its share of G — the term projected on G, over ‖G‖², so the shares add up to 1 — is δ_tᵀ·G·v_t / ‖G‖².
 * This is the B = 1 case of the engine's timestepContributions without building a matrix per timestep
 * (which costs more than the rest of a frame at H = 64); G·v_t for all t is one matrix product.
 * `total` holds G at `totalOff` ([G·H, cols] row-major); `scratch` has room for [T, G·H]; results go to
 * norm/share[outOff + t].
 */
export function rankOneTerms(
  dPre: Float64Array, v: TermRows, total: Float64Array, totalOff: number, T: number, GH: number, cols: number,
  scratch: Float64Array, norm: Float32Array, share: Float32Array, outOff: number,
): void {
  let total2 = 0;
  for (let k = totalOff; k < totalOff + GH * cols; k++) total2 += total[k] * total[k];
  // scratch[t] = (G·v_t)ᵀ = v_tᵀ·Gᵀ
  gemmNT(1, GH, cols, v.first, v.firstOff, total, totalOff, scratch, 0, false);
  gemmNT(T - 1, GH, cols, v.rest, v.restOff, total, totalOff, scratch, GH, false);
  for (let t = 0; t < T; t++) {
    const row = t === 0 ? v.first : v.rest;
    const off = t === 0 ? v.firstOff : v.restOff + (t - 1) * cols;
    let v2 = 0;
    for (let c = 0; c < cols; c++) v2 += row[off + c] * row[off + c];
    let d2 = 0;
    let dot = 0;
    for (let r = 0; r < GH; r++) {
      const d = dPre[t * GH + r];
      d2 += d * d;
      dot += d * scratch[t * GH + r];
    }
    norm[outOff + t] = Math.sqrt(d2 * v2);
    share[outOff + t] = total2 > 0 ? dot / total2 : 0;
  }
}

type Clock = () => number;

/** Builds the flow part of probe frames; keeps the last costly mechanism to reuse between computations. */
export class FlowRecorder {
  private scratch = new Float64Array(0);
  /** The last RNN Jacobian-product curves [L, T], reused by frames that may not afford them. */
  private lastMechanism: Float32Array | null = null;
  /** How long the costly mechanism took in the last capture, or null when that capture did not compute one. */
  mechanismMs: number | null = null;

  constructor(private readonly clock: Clock = () => performance.now()) {}

  /** Whether this model's mechanism is the costly kind (RNN Jacobian products) that callers should ration. */
  static isCostly(net: RecurrentNet): boolean {
    return net.config.cell === 'rnn' && net.config.hiddenSize <= RNN_MECHANISM_MAX_HIDDEN;
  }

  /**
   * The flow frame of a B = 1 trace. `bwd` is the backward pass of L_T alone and `grad` the parameter gradient
   * it accumulated into zeroed gradients (so it is ∂L_T/∂θ). `allowCostly`: compute the RNN mechanism now
   * (else reuse the last one).
   */
  capture(net: RecurrentNet, fwd: ForwardTrace, bwd: BackwardTrace, grad: Float64Array, allowCostly: boolean): GradientFlowFrame {
    const { numLayers: L, hiddenSize: H, cell, inputSize: I } = net.config;
    const T = fwd.T;
    if (fwd.B !== 1) throw new Error(`the flow frame needs a single sequence, got B=${fwd.B}`);
    const GH = gateCount(cell) * H;
    const dh = new Float32Array(L * T);
    const dc = cell === 'lstm' ? new Float32Array(L * T) : null;
    const decaySlope = new Float32Array(L);
    const hhNorm = new Float32Array(L * T);
    const hhShare = new Float32Array(L * T);
    const ihNorm = new Float32Array(L * T);
    const ihShare = new Float32Array(L * T);
    if (this.scratch.length < T * GH) this.scratch = new Float64Array(T * GH);
    for (let l = 0; l < L; l++) {
      const g = bwd.layers[l];
      const norms = rowNorms(g.dh, T, H);
      dh.set(norms, l * T);
      decaySlope[l] = fitDecay(norms).slope;
      if (dc && g.dc) dc.set(rowNorms(g.dc, T, H), l * T);
      const lp = net.params.layers[l];
      const inputSize = layerInputSize(net.config, l);
      const input = l === 0 ? fwd.x : fwd.layers[l - 1].h;
      const inputs = { first: input, firstOff: 0, rest: input, restOff: inputSize };
      const hPrev = { first: fwd.h0, firstOff: l * H, rest: fwd.layers[l].h, restOff: 0 };
      rankOneTerms(g.dPreIh, inputs, grad, lp.wIh, T, GH, inputSize, this.scratch, ihNorm, ihShare, l * T);
      rankOneTerms(g.dPreHh, hPrev, grad, lp.wHh, T, GH, H, this.scratch, hhNorm, hhShare, l * T);
    }
    return {
      dh,
      dc,
      dx: new Float32Array(rowNorms(bwd.dx, T, I)),
      mechanism: this.mechanism(net, fwd, allowCostly),
      decaySlope,
      gradNorm: globalNorm(grad),
      hhNorm,
      hhShare,
      ihNorm,
      ihShare,
    };
  }

  /** Per layer, indexed by distance k back from T: RNN ‖∏ diag(φ′)·W_hh‖₂, LSTM mean ∏ f, GRU mean ∏ z. */
  private mechanism(net: RecurrentNet, fwd: ForwardTrace, allowCostly: boolean): Float32Array | null {
    const { numLayers: L, cell } = net.config;
    const T = fwd.T;
    this.mechanismMs = null;
    if (cell !== 'rnn') {
      const out = new Float32Array(L * T);
      for (let l = 0; l < L; l++) out.set(carryProducts(net.config, fwd.layers[l].act, T), l * T);
      return out;
    }
    if (!FlowRecorder.isCostly(net)) return null;
    if (allowCostly) {
      const start = this.clock();
      const out = new Float32Array(L * T);
      for (let l = 0; l < L; l++) out.set(rnnJacobianProducts(net.params, l, fwd.layers[l].pre, fwd.layers[l].h, T), l * T);
      this.lastMechanism = out;
      this.mechanismMs = this.clock() - start;
    }
    // A copy: frames are transferred, which detaches their arrays.
    return this.lastMechanism ? this.lastMechanism.slice() : null;
  }
}

/** Where in the unrolled network a NaN/Inf was found (0-based, like selection.t and selection.layer). */
export interface NonFiniteSite {
  timestep: number;
  /** Recurrent layer; null for the output (the head). */
  layer: number | null;
  /** The state, output or gradient that holds it. */
  quantity: 'h' | 'c' | 'y' | 'dh' | 'dc';
}

function rowFinite(a: Float64Array, start: number, length: number): boolean {
  for (let i = start; i < start + length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

/** The forward pass overflowed here: the earliest timestep (then the lowest layer) whose h_t or c_t is not finite. */
export function firstNonFiniteState(fwd: ForwardTrace, H: number): NonFiniteSite | null {
  const row = fwd.B * H;
  for (let t = 0; t < fwd.T; t++) {
    for (let l = 0; l < fwd.layers.length; l++) {
      const lt = fwd.layers[l];
      if (lt.c && !rowFinite(lt.c, t * row, row)) return { timestep: t, layer: l, quantity: 'c' };
      if (!rowFinite(lt.h, t * row, row)) return { timestep: t, layer: l, quantity: 'h' };
    }
  }
  return null;
}

/**
 * The loss overflowed with finite states (a huge head): the earliest timestep by which the sum of the squared
 * outputs — what a squared error adds up, in the loss's row order — is no longer finite. Rows are time-major
 * for many-to-many models; a many-to-one model's rows all belong to the last timestep.
 */
export function firstNonFiniteOutput(fwd: ForwardTrace): NonFiniteSite | null {
  const { output, outputRows: rows, outputWidth: width, B, T } = fwd;
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    for (let k = r * width; k < (r + 1) * width; k++) sum += output[k] * output[k];
    if (!Number.isFinite(sum)) return { timestep: rows === B ? T - 1 : Math.floor(r / B), layer: null, quantity: 'y' };
  }
  return null;
}

/**
 * BPTT overflowed here: the latest timestep (then the highest layer, which the backward pass visits first)
 * whose ∂L/∂h_t or ∂L/∂c_t is not finite — the first one met walking back from T.
 */
export function lastNonFiniteGradient(bwd: BackwardTrace, T: number, B: number, H: number): NonFiniteSite | null {
  const row = B * H;
  for (let t = T - 1; t >= 0; t--) {
    for (let l = bwd.layers.length - 1; l >= 0; l--) {
      const g = bwd.layers[l];
      if (!rowFinite(g.dh, t * row, row)) return { timestep: t, layer: l, quantity: 'dh' };
      if (g.dc && !rowFinite(g.dc, t * row, row)) return { timestep: t, layer: l, quantity: 'dc' };
    }
  }
  return null;
}
