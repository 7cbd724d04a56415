/**
 * Each racer's gradient flow as a series of the gradient-decay chart (panels/gradientDecay): ‖∂L_T/∂h_t‖, the
 * LSTM's ‖∂L_T/∂c_t‖, the mechanism behind them and the fitted decay rate, for one layer; and how much of the
 * last step's gradient is left at t = 1.
 */
import type { CellKind } from '../../engine/config.ts';
import type { ProbeFrame } from '../../contracts/protocol.ts';
import { layerRow, type DecaySeries } from '../shared/decayView.ts';

/** The series of one racer (its id is the series' key) at `layer` (clamped to its layers); null for a frame without gradient flow. */
export function modelDecaySeries(frame: ProbeFrame, racer: { id: string; cell: CellKind }, layer: number, label: string, color: string): DecaySeries | null {
  const flow = frame.flow;
  if (!flow) return null;
  const l = Math.max(0, Math.min(layer, frame.layers.length - 1));
  const { T } = frame;
  return {
    key: racer.id,
    label,
    color,
    cell: racer.cell,
    dh: layerRow(flow.dh, l, T),
    dc: flow.dc ? layerRow(flow.dc, l, T) : null,
    // ‖∂L_T/∂x_t‖ is left to the single-run panel: three models × three curves would bury the comparison.
    dx: null,
    mechanism: flow.mechanism ? layerRow(flow.mechanism, l, T) : null,
    slope: flow.decaySlope[l] ?? null,
  };
}

/** ‖g_1‖ ÷ ‖g_T‖: how much of the gradient at the last step is left at the first; NaN when undefined. */
export function earlyLateRatio(norms: ArrayLike<number>): number {
  const n = norms.length;
  if (n === 0) return NaN;
  const late = norms[n - 1];
  return late > 0 && Number.isFinite(late) ? norms[0] / late : NaN;
}
