/**
 * Display transforms of the gradient-decay panel (pure, tested): where each curve sits on the x-axis
 * (timestep t or distance T − t), the marks "vanished by t = …" / "overflow at t = …", the decay rate as a
 * factor per step, the RNNbow summary, and the series of a single run's frame.
 */
import { scientific } from '../../viz/format.ts';
import { markVanishing } from '../../engine/analysis/gradientFlow.ts';
import type { CellKind } from '../../engine/config.ts';
import type { GradientFlowFrame } from '../../contracts/protocol.ts';

/** x-axis: the timestep t (1 … T) or the distance back from the last step, T − t (0 … T − 1). */
export type DecayAxis = 'timestep' | 'distance';
export type Quantity = 'dh' | 'dc' | 'dx';

/** One model (compare mode) or one layer (a single run) in the decay chart. Arrays are per timestep [T]. */
export interface DecaySeries {
  key: string;
  label: string;
  color: string;
  /** Whose mechanism `mechanism` is (RNN Jacobian products, LSTM ∏ f, GRU ∏ z). */
  cell: CellKind;
  /** ‖∂L_T/∂h_t‖. */
  dh: ArrayLike<number>;
  /** ‖∂L_T/∂c_t‖ (LSTM), else null. */
  dc: ArrayLike<number> | null;
  /** ‖∂L_T/∂x_t‖, or null (e.g. upper layers of a stack). */
  dx: ArrayLike<number> | null;
  /** The mechanism indexed by distance k = T − t (k = 0 … T − 1), or null when not computed. */
  mechanism: ArrayLike<number> | null;
  /** Fitted slope of ln‖∂L_T/∂h_t‖ per step back, or null. */
  slope: number | null;
}

/** Axis position of the 0-based timestep t. */
export function xOf(t: number, T: number, mode: DecayAxis): number {
  return mode === 'timestep' ? t + 1 : T - 1 - t;
}

/** The 0-based timestep at axis position x (rounded, clamped). */
export function timestepAt(x: number, T: number, mode: DecayAxis): number {
  const t = mode === 'timestep' ? Math.round(x) - 1 : T - 1 - Math.round(x);
  return Math.max(0, Math.min(T - 1, t));
}

/** Half a step of room on both sides, so the first and last points are not on the frame. */
export function xDomain(T: number, mode: DecayAxis): [number, number] {
  return mode === 'timestep' ? [0.5, T + 0.5] : [-0.5, T - 0.5];
}

/** A mechanism value at timestep t (it is indexed by distance k = T − 1 − t, 0-based). */
export function mechanismAt(mechanism: ArrayLike<number>, t: number, T: number): number {
  return mechanism[T - 1 - t];
}

export interface CurveMark {
  series: string;
  quantity: Quantity;
  kind: 'vanished' | 'overflow';
  /** 0-based timestep. */
  t: number;
}

/** For every curve: the latest timestep where it fell below 1e-6 of its value at T, or where it overflowed. */
export function curveMarks(series: readonly DecaySeries[]): CurveMark[] {
  const marks: CurveMark[] = [];
  for (const s of series) {
    for (const quantity of ['dh', 'dc', 'dx'] as const) {
      const curve = s[quantity];
      if (!curve || curve.length === 0) continue;
      const m = markVanishing(curve);
      if (m.explodedAt !== null) marks.push({ series: s.key, quantity, kind: 'overflow', t: m.explodedAt });
      // Next to a value at T that overflowed, everything looks vanished: not worth a mark.
      if (m.vanishedAt !== null && Number.isFinite(curve[curve.length - 1])) marks.push({ series: s.key, quantity, kind: 'vanished', t: m.vanishedAt });
    }
  }
  return marks;
}

/** e^slope, the factor per step back in time, as "×0.62" (or "×1.3×10³"); "—" when unknown. */
export function decayFactorText(slope: number | null): string {
  if (slope === null || !Number.isFinite(slope)) return '—';
  const f = Math.exp(slope);
  if (!Number.isFinite(f)) return '×∞';
  return `×${f >= 1e3 || (f > 0 && f < 1e-3) ? scientific(f.toExponential(1)) : f.toPrecision(2)}`;
}

/** Share of the weight gradient contributed by the first half of the sequence (t ≤ T/2). */
export function earlyShare(shares: ArrayLike<number>): number {
  const half = Math.floor(shares.length / 2);
  let s = 0;
  for (let t = 0; t < half; t++) s += shares[t];
  return s;
}

/** One layer's row of a flow array [L, T]. */
export function layerRow(a: Float32Array, layer: number, T: number): Float32Array {
  return a.subarray(layer * T, (layer + 1) * T);
}

/** The series of a single run: one per layer (‖∂L_T/∂x_t‖ belongs to the first). */
export function runSeries(flow: GradientFlowFrame, T: number, cell: CellKind, labels: readonly string[], colors: readonly string[]): DecaySeries[] {
  return labels.map((label, l) => ({
    key: `layer${l}`,
    label,
    color: colors[l % colors.length],
    cell,
    dh: layerRow(flow.dh, l, T),
    dc: flow.dc ? layerRow(flow.dc, l, T) : null,
    dx: l === 0 ? flow.dx : null,
    mechanism: flow.mechanism ? layerRow(flow.mechanism, l, T) : null,
    slope: flow.decaySlope[l],
  }));
}
