/**
 * The probe trace: the probe sequence (B = 1) run forward and backward with the current weights, copied into
 * Float32 arrays that are transferred to the page (hence fresh arrays per frame; they are detached on send),
 * plus the gradient-decay readings of the loss at the last step (see gradientFlowFrame.ts).
 */
import { rowNorms as engineRowNorms } from '../engine/analysis/gradientFlow.ts';
import { gateCount } from '../engine/gateLayout.ts';
import { layerInputSize } from '../engine/params.ts';
import type { RecurrentNet } from '../engine/network.ts';
import { computeLoss, LossBuffers, type LossKind, type TrainingBatch } from '../engine/train.ts';
import { FlowRecorder, lastRowLossGradient } from './gradientFlowFrame.ts';
import type { LayerFrame, ProbeFrame } from '../contracts/protocol.ts';

function f32(src: Float64Array, start = 0, length = src.length - start): Float32Array {
  return new Float32Array(src.subarray(start, start + length));
}

/** Per-row norms for display (the engine computes them in float64). */
function rowNorms(src: Float64Array, rows: number, width: number): Float32Array {
  return Float32Array.from(engineRowNorms(src, rows, width));
}

export class ProbeRecorder {
  private readonly buffers = new LossBuffers();
  private readonly lastRowBuffers = new LossBuffers();
  /** The training gradient, saved around the probe's backward passes (which accumulate into params.grad). */
  private readonly gradSaved: Float64Array;
  private readonly flow: FlowRecorder;

  constructor(
    private readonly net: RecurrentNet,
    private readonly probe: TrainingBatch,
    private readonly loss: LossKind,
    clock?: () => number,
  ) {
    if (probe.B !== 1) throw new Error(`the probe must be a single sequence, got B=${probe.B}`);
    this.gradSaved = new Float64Array(net.params.size);
    this.flow = new FlowRecorder(clock);
  }

  /** Whether the flow's mechanism is costly for this model, so the caller rations `costlyMechanism`. */
  get mechanismIsCostly(): boolean {
    return FlowRecorder.isCostly(this.net);
  }

  /** Time the last capture spent on the costly mechanism, or null when it reused the previous one. */
  get mechanismMs(): number | null {
    return this.flow.mechanismMs;
  }

  /**
   * The frame after `step` training steps. `truncate` is the training's BPTT truncation, so the backward
   * walks show the gradient training actually uses. `costlyMechanism`: compute the RNN's O(T·H³) Jacobian
   * products for this frame (otherwise the last ones are sent again). params.grad is left exactly as
   * training left it.
   */
  capture(step: number, truncate: number, costlyMechanism = true): ProbeFrame {
    const { net, probe } = this;
    const params = net.params;
    const fwd = net.forward(probe, probe.state);
    const dOut = this.buffers.get(fwd.output.length);
    const loss = computeLoss(this.loss, fwd, probe, dOut);
    this.gradSaved.set(params.grad);
    params.zeroGrad();
    const bwd = net.backward(dOut, { truncate });

    const { hiddenSize: H, inputSize: I, cell } = net.config;
    const T = probe.T;
    const P = params.data;
    const GH = gateCount(cell) * H;
    const layers = fwd.layers.map((lt, l): LayerFrame => {
      const g = bwd.layers[l];
      const lp = params.layers[l];
      return {
        pre: f32(lt.pre),
        act: f32(lt.act),
        h: f32(lt.h),
        h0: f32(fwd.h0, l * H, H),
        c: lt.c ? f32(lt.c) : null,
        c0: fwd.c0 ? f32(fwd.c0, l * H, H) : null,
        hn: lt.hn ? f32(lt.hn) : null,
        dh: f32(g.dh),
        dc: g.dc ? f32(g.dc) : null,
        dhNorm: rowNorms(g.dh, T, H),
        dcNorm: g.dc ? rowNorms(g.dc, T, H) : null,
        dPre: f32(g.dPreIh),
        dPreHh: cell === 'gru' ? f32(g.dPreHh) : null,
        gateNorms: f32(g.gateNorms),
        wIh: f32(P, lp.wIh, GH * layerInputSize(net.config, l)),
        wHh: f32(P, lp.wHh, GH * H),
        bIh: f32(P, lp.bIh, GH),
        bHh: f32(P, lp.bHh, GH),
        peephole: lp.peep >= 0 ? f32(P, lp.peep, 3 * H) : null,
      };
    });
    const dx = f32(bwd.dx);
    const dxNorm = rowNorms(bwd.dx, T, I);

    // The decay curves follow the loss at the last step alone. With one output row that is the probe loss
    // itself; otherwise a second backward pass (same truncation) of the last row's loss. The copies above
    // are taken first: the backward trace is the net's reused workspace.
    let flowBwd = bwd;
    if (fwd.outputRows > 1) {
      const dLast = this.lastRowBuffers.get(fwd.output.length);
      lastRowLossGradient(this.loss, fwd.output, probe.target, fwd.outputRows, fwd.outputWidth, dLast);
      params.zeroGrad();
      flowBwd = net.backward(dLast, { truncate });
    }
    const flow = this.flow.capture(net, fwd, flowBwd, params.grad, costlyMechanism);
    params.grad.set(this.gradSaved);

    return {
      step,
      T,
      H,
      I,
      O: fwd.outputWidth,
      rows: fwd.outputRows,
      loss,
      x: f32(probe.x),
      output: f32(fwd.output),
      target: f32(probe.target),
      layers,
      dx,
      dxNorm,
      flow,
    };
  }
}
