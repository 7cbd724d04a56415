/**
 * Everything the diagram and the equations show for one unit at one timestep, read from a frame in one place
 * so both views draw the same numbers.
 */
import type { CellKind } from '../../engine/config.ts';
import { GATE_NAMES, type GateName } from '../../engine/gateLayout.ts';
import type { ProbeFrame } from '../../contracts/protocol.ts';
import {
  activate, cellGradFromStep, cellGradTerms, cutBefore, gateDeltas, hiddenGradFromStep, hiddenGradSplit,
  type Activations, type CellBack, type CellGradTerms, type GateDelta, type HiddenBack, type HiddenGradSplit,
} from './bptt.ts';
import { preTerms, type PreTerms } from './decompose.ts';
import { frameCell } from '../shared/frameSource.ts';
import { gateOffset, layerInput, frameInputWidth, prevHidden, unitAt, type Site } from './frameReader.ts';

export interface GateState {
  act: number;
  pre: PreTerms;
  delta: GateDelta;
}

export interface UnitState {
  cell: CellKind;
  site: Site;
  T: number;
  H: number;
  /** Layers in the stack (the top one feeds the output head). */
  layers: number;
  acts: Activations;
  /** Width of this layer's input (I for layer 0, H above). */
  inputSize: number;
  /** The input's only component when it is 1-wide, else null (views show ‖x_t‖). */
  x: number | null;
  xNorm: number;
  hPrev: number;
  h: number;
  /** LSTM only (else null): c_{t−1}, c_t and stateActivation(c_t). */
  cPrev: number | null;
  c: number | null;
  sc: number | null;
  /** GRU only: W_hn·h_{t−1} + b_hn. */
  hn: number | null;
  gates: Partial<Record<GateName, GateState>>;
  /** ∂L/∂h_t and its split into the part from above and the part from t+1. */
  dh: HiddenGradSplit;
  /** LSTM: ∂L/∂c_t and its terms. */
  dc: CellGradTerms | null;
  /** What this step sends back to h_{t−1} and (LSTM) c_{t−1}. */
  toPrevH: HiddenBack;
  toPrevC: CellBack | null;
  /** Truncated BPTT stops this step's gradient before it reaches t − 1. */
  cutHere: boolean;
  /** Truncated BPTT stops step t + 1's gradient before it reaches this step. */
  cutNext: boolean;
  /** ∂L/∂x_t for layer 0 (the value when 1-wide, else its norm); null above layer 0. */
  dx: number | null;
}

export function readUnit(frame: ProbeFrame, site: Site, acts: Activations, truncate: number): UnitState {
  const cell = frameCell(frame);
  const { layer, t, unit } = site;
  const L = frame.layers[layer];
  const input = layerInput(frame, layer, t);
  const inputSize = frameInputWidth(frame, layer);
  const deltas = gateDeltas(frame, cell, site, acts);
  const gates: Partial<Record<GateName, GateState>> = {};
  for (const gate of GATE_NAMES[cell]) {
    gates[gate] = {
      act: L.act[gateOffset(frame, cell, gate, t, unit)],
      pre: preTerms(frame, cell, site, gate),
      delta: deltas.find((d) => d.gate === gate) as GateDelta,
    };
  }
  const c = L.c ? unitAt(frame, L.c, L.c0, t, unit) : null;
  return {
    cell, site, T: frame.T, H: frame.H, layers: frame.layers.length, acts, inputSize,
    x: inputSize === 1 ? input[0] : null,
    xNorm: Math.hypot(...input),
    hPrev: prevHidden(frame, layer, t)[unit],
    h: L.h[t * frame.H + unit],
    cPrev: L.c ? unitAt(frame, L.c, L.c0, t - 1, unit) : null,
    c,
    sc: c === null ? null : activate(acts.state, c),
    hn: L.hn ? L.hn[t * frame.H + unit] : null,
    gates,
    dh: hiddenGradSplit(frame, cell, site, truncate),
    dc: L.dc ? cellGradTerms(frame, site, acts, truncate) : null,
    toPrevH: hiddenGradFromStep(frame, cell, layer, t, unit),
    toPrevC: L.dc ? cellGradFromStep(frame, layer, t, unit) : null,
    cutHere: cutBefore(t, truncate),
    cutNext: t + 1 < frame.T && cutBefore(t + 1, truncate),
    dx: layer > 0 ? null : frame.I === 1 ? frame.dx[t] : frame.dxNorm[t],
  };
}

/** The gate's state; the cell kind guarantees it exists. */
export function gate(u: UnitState, name: GateName): GateState {
  const g = u.gates[name];
  if (!g) throw new Error(`${u.cell} has no gate '${name}'`);
  return g;
}
