/**
 * Per-timestep readings of a trace, for the gradient-decay panel and the failure notice: how ∂L_T/∂h_t — the
 * loss at the last step only — shrinks or grows going back through time, the Jacobian products behind it,
 * and RNNbow's split of the weight gradient over timesteps.
 */
import { carryProducts, fitDecay, rnnJacobianProducts, rowNorms } from '../engine/analysis/gradientFlow.ts';
import { inputRows, stateRows, timestepTerms } from '../engine/analysis/timestepTerms.ts';
import { gateCount } from '../engine/gateLayout.ts';
import { mseLoss, softmaxCrossEntropy } from '../engine/loss.ts';
import type { BackwardTrace, ForwardTrace, RecurrentNet } from '../engine/network.ts';
import { globalNorm } from '../engine/optim.ts';
import { layerInputSize } from '../engine/params.ts';
import type { LossKind } from '../engine/train.ts';
import type { GradientFlowFrame } from '../contracts/protocol.ts';

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

type Clock = () => number;

/** Builds the flow part of probe frames; keeps the last costly mechanism to reuse between computations. */
export class FlowRecorder {
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
    for (let l = 0; l < L; l++) {
      const g = bwd.layers[l];
      const norms = rowNorms(g.dh, T, H);
      dh.set(norms, l * T);
      decaySlope[l] = fitDecay(norms).slope;
      if (dc && g.dc) dc.set(rowNorms(g.dc, T, H), l * T);
      const lp = net.params.layers[l];
      const inputSize = layerInputSize(net.config, l);
      const ih = timestepTerms(g.dPreIh, inputRows(fwd, l, inputSize), T, 1, GH, inputSize, grad, lp.wIh);
      const hh = timestepTerms(g.dPreHh, stateRows(fwd, l, H), T, 1, GH, H, grad, lp.wHh);
      ihNorm.set(ih.norm, l * T);
      ihShare.set(ih.share, l * T);
      hhNorm.set(hh.norm, l * T);
      hhShare.set(hh.share, l * T);
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
