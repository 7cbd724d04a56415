/**
 * What a cell's step functions see of one layer: its buffers, parameter offsets and per-step scratch, resolved
 * once per (T, B) so a step allocates nothing. A cell is a forward step and a backward step over one timestep
 * of the whole batch; RecurrentNet runs the time loop around them.
 *
 * Layout: time-major and flat, [T, B, ·] row-major. Timestep t of a [T, B, W] buffer starts at t·B·W.
 */
import type { GateActivation, RnnNonlinearity, StateActivation } from '../config.ts';
import type { LayerParams } from '../params.ts';

export interface LayerStep {
  readonly B: number;
  readonly H: number;
  /** Gates × H: the width of a row of pre, act and the dPre buffers. */
  readonly GH: number;
  /** The parameters and their gradients (ParamStore.data / .grad) and this layer's offsets into them. */
  readonly P: Float64Array;
  readonly Gr: Float64Array;
  readonly lp: LayerParams;
  readonly gateKind: GateActivation;
  readonly stateKind: StateActivation;
  readonly nonlinearity: RnnNonlinearity;
  readonly gate: (x: number) => number;
  readonly state: (x: number) => number;
  readonly rnnAct: (x: number) => number;

  /** Forward trace [T, B, G·H]: pre-activations (input projection already added) and activations. */
  readonly pre: Float64Array;
  readonly act: Float64Array;
  /** [T, B, H]. c and sc for LSTM, hn for GRU, else null. */
  readonly h: Float64Array;
  readonly c: Float64Array | null;
  readonly sc: Float64Array | null;
  readonly hn: Float64Array | null;
  /** Initial states [L, B, H] and where this layer's rows start in them. */
  readonly h0: Float64Array;
  readonly c0: Float64Array | null;
  readonly stateOff: number;

  /** Backward: ∂L/∂h_t from above [T, B, H]; the totals dh, dc; ∂L/∂pre on the input and recurrent side. */
  readonly dhExt: Float64Array;
  readonly dh: Float64Array;
  readonly dc: Float64Array | null;
  readonly dPreIh: Float64Array;
  readonly dPreHh: Float64Array;
  /** ∂L/∂h_{t−1}, ∂L/∂c_{t−1} carried from step t to t − 1 [B, H]. */
  readonly dhNext: Float64Array;
  readonly dcNext: Float64Array;
  /** Per-step scratch: [B, G·H] (GRU's recurrent product) and [B, H] (GRU's direct z path). */
  readonly rec: Float64Array;
  readonly dhTmp: Float64Array;
}

export interface Cell {
  /** pre[t] holds the input projection on entry; fills pre[t], act[t], h[t] (and c, sc, hn). */
  forward(s: LayerStep, t: number): void;
  /**
   * Reads dhExt[t] and the carries dhNext/dcNext (from step t + 1), writes dh[t], dc[t], dPreIh[t], dPreHh[t]
   * and the carries for step t − 1; accumulates gradients of parameters used elementwise (peepholes).
   */
  backward(s: LayerStep, t: number): void;
}

/** The array holding h_{t−1} (and c_{t−1}) of a layer: the initial states at t = 0, else the trace itself. */
export function prevH(s: LayerStep, t: number): Float64Array {
  return t === 0 ? s.h0 : s.h;
}

/** Where row b = 0 of h_{t−1} (and c_{t−1}) starts in that array. */
export function prevOff(s: LayerStep, t: number): number {
  return t === 0 ? s.stateOff : (t - 1) * s.B * s.H;
}
