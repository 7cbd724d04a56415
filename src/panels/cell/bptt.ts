/**
 * The numbers of the backward (BPTT) walk for one unit, split into the terms the equations show. All of it is
 * display arithmetic over the frame's gradients (dh, dc, dPre) and weights; the test checks every split adds up
 * to what the engine computed.
 */
import type { CellKind, GateActivation, RnnNonlinearity, StateActivation } from '../../engine/config.ts';
import { ACTIVATION_FUNCTIONS, activationDerivative, type ActivationName } from '../../engine/activations.ts';
import { GATE_NAMES, PEEPHOLE_GATES, type GateName } from '../../engine/gateLayout.ts';
import type { ProbeFrame } from '../../contracts/protocol.ts';
import { gateOffset, gateRow, prevHidden, unitAt, type Site } from './frameReader.ts';

export interface Activations {
  gate: GateActivation;
  state: StateActivation;
  rnn: RnnNonlinearity;
}

export function activate(kind: ActivationName, x: number): number {
  return ACTIVATION_FUNCTIONS[kind](x);
}

/** Truncated BPTT (chunks of k steps) stops the gradient of step s from reaching step s − 1. */
export function cutBefore(s: number, truncate: number): boolean {
  return truncate > 0 && s > 0 && s % truncate === 0;
}

export interface HiddenBack {
  /** W_hh[gate rows, j]ᵀ · δ_gate for each gate (GRU: the recurrent-side δ, i.e. δn ⊙ r for n). */
  terms: { gate: GateName; value: number }[];
  /** GRU's direct path ∂L/∂h_s ⊙ z_s; 0 for other cells. */
  direct: number;
  total: number;
}

/** What step s sends back to unit j of h_{s−1}: Σ_gates W_hhᵀ δ_s (plus GRU's direct z path). */
export function hiddenGradFromStep(frame: ProbeFrame, cell: CellKind, layer: number, s: number, unit: number): HiddenBack {
  const L = frame.layers[layer];
  const H = frame.H;
  const dRec = L.dPreHh ?? L.dPre;
  const terms = GATE_NAMES[cell].map((gate) => {
    let value = 0;
    for (let m = 0; m < H; m++) value += L.wHh[gateRow(frame, cell, gate, m) * H + unit] * dRec[gateOffset(frame, cell, gate, s, m)];
    return { gate, value };
  });
  const direct = cell === 'gru' ? L.dh[s * H + unit] * L.act[gateOffset(frame, cell, 'z', s, unit)] : 0;
  return { terms, direct, total: terms.reduce((a, x) => a + x.value, direct) };
}

export interface HiddenGradSplit {
  /** ∂L/∂h_t from the output head or the layer above. */
  fromAbove: number;
  /** ∂L/∂h_t from step t + 1 through the recurrence (0 at the last step or across a truncation cut). */
  fromNext: number;
  /** ∂L/∂h_t as the frame holds it. */
  total: number;
}

export function hiddenGradSplit(frame: ProbeFrame, cell: CellKind, site: Site, truncate: number): HiddenGradSplit {
  const { layer, t, unit } = site;
  const total = frame.layers[layer].dh[t * frame.H + unit];
  const fromNext = t + 1 < frame.T && !cutBefore(t + 1, truncate) ? hiddenGradFromStep(frame, cell, layer, t + 1, unit).total : 0;
  return { fromAbove: total - fromNext, fromNext, total };
}

export interface CellBack {
  /** ∂L/∂c_s and f_s, the two factors of viaForget. */
  dc: number;
  f: number;
  /** ∂L/∂c_s ⊙ f_s: the cell-state line. */
  viaForget: number;
  /** δi_s p_i + δf_s p_f: peepholes that read c_{s−1} (0 without them). */
  viaPeephole: number;
  total: number;
}

/** LSTM: what step s sends back to c_{s−1}. */
export function cellGradFromStep(frame: ProbeFrame, layer: number, s: number, unit: number): CellBack {
  const L = frame.layers[layer];
  const dc = (L.dc as Float32Array)[s * frame.H + unit];
  const f = L.act[gateOffset(frame, 'lstm', 'f', s, unit)];
  const viaForget = dc * f;
  let viaPeephole = 0;
  if (L.peephole) {
    for (const gate of ['i', 'f'] as const) {
      viaPeephole += L.dPre[gateOffset(frame, 'lstm', gate, s, unit)] * L.peephole[PEEPHOLE_GATES.indexOf(gate) * frame.H + unit];
    }
  }
  return { dc, f, viaForget, viaPeephole, total: viaForget + viaPeephole };
}

export interface CellGradTerms {
  /** What step t + 1 sends back along the cell state; null at the last step or across a truncation cut. */
  fromNext: CellBack | null;
  /** ∂L/∂h_t ⊙ o_t ⊙ S'(c_t): the path through h_t = o_t ⊙ S(c_t). */
  throughH: number;
  /** δo_t ⊙ p_o: the output gate's peephole on c_t (0 without peepholes). */
  throughPeepO: number;
  /** S'(c_t), the slope in throughH. */
  slope: number;
  /** ∂L/∂c_t as the frame holds it. */
  total: number;
}

export function cellGradTerms(frame: ProbeFrame, site: Site, acts: Activations, truncate: number): CellGradTerms {
  const { layer, t, unit } = site;
  const L = frame.layers[layer];
  const c = unitAt(frame, L.c as Float32Array, L.c0, t, unit);
  const o = L.act[gateOffset(frame, 'lstm', 'o', t, unit)];
  const slope = activationDerivative(acts.state, c, activate(acts.state, c));
  const fromNext = t + 1 < frame.T && !cutBefore(t + 1, truncate)
    ? cellGradFromStep(frame, layer, t + 1, unit)
    : null;
  const dh = L.dh[t * frame.H + unit];
  const throughPeepO = L.peephole ? L.dPre[gateOffset(frame, 'lstm', 'o', t, unit)] * L.peephole[PEEPHOLE_GATES.indexOf('o') * frame.H + unit] : 0;
  return { fromNext, throughH: dh * o * slope, throughPeepO, slope, total: (L.dc as Float32Array)[t * frame.H + unit] };
}

export interface GateDelta {
  gate: GateName;
  /** The gradient arriving at the product the gate takes part in: ∂L/∂h_t, ∂L/∂c_t, or δn for GRU's r. */
  upstream: number;
  /** The other factor of that product (S(c_t) for o, c_{t−1} for f, g_t for i, …). */
  factor: number;
  /** act'(pre): the activation's slope at this pre-activation. */
  slope: number;
  /** δ = ∂L/∂pre as the frame holds it (equals upstream · factor · slope to float32 precision). */
  delta: number;
}

/** δ of each gate for one unit, as the product of the three factors the chain rule gives. */
export function gateDeltas(frame: ProbeFrame, cell: CellKind, site: Site, acts: Activations): GateDelta[] {
  const { layer, t, unit } = site;
  const L = frame.layers[layer];
  const at = (gate: GateName) => gateOffset(frame, cell, gate, t, unit);
  const a = (gate: GateName) => L.act[at(gate)];
  const slope = (kind: ActivationName, gate: GateName) => activationDerivative(kind, L.pre[at(gate)], a(gate));
  const out = (gate: GateName, upstream: number, factor: number, kind: ActivationName): GateDelta =>
    ({ gate, upstream, factor, slope: slope(kind, gate), delta: L.dPre[at(gate)] });
  const dh = L.dh[t * frame.H + unit];

  if (cell === 'rnn') return [out('a', dh, 1, acts.rnn)];
  if (cell === 'gru') {
    const z = a('z');
    const n = a('n');
    const hPrev = prevHidden(frame, layer, t)[unit];
    const dn = L.dPre[at('n')];
    const hn = (L.hn as Float32Array)[t * frame.H + unit];
    return [out('r', dn, hn, acts.gate), out('z', dh, hPrev - n, acts.gate), out('n', dh, 1 - z, acts.state)];
  }
  const dc = (L.dc as Float32Array)[t * frame.H + unit];
  const c = unitAt(frame, L.c as Float32Array, L.c0, t, unit);
  const cPrev = unitAt(frame, L.c as Float32Array, L.c0, t - 1, unit);
  return [
    out('i', dc, a('g'), acts.gate),
    out('f', dc, cPrev, acts.gate),
    out('g', dc, a('i'), acts.state),
    out('o', dh, activate(acts.state, c), acts.gate),
  ];
}
