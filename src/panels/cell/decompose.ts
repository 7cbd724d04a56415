/**
 * A gate's pre-activation for one unit, split into the terms the equations show:
 *   W_ih row · x_t + W_hh row · h_{t−1} + b_ih + b_hh (+ peephole p ⊙ c)
 * and for GRU's n: W_in row · x_t + b_in + r_t ⊙ (W_hn row · h_{t−1} + b_hn).
 * Display arithmetic over the frame's own numbers; the test checks the sum reproduces frame.pre.
 */
import type { CellKind } from '../../engine/config.ts';
import { PEEPHOLE_GATES, type GateName } from '../../engine/gateLayout.ts';
import type { ProbeFrame } from '../../contracts/protocol.ts';
import { gateOffset, gateRow, layerInput, prevHidden, rowDot, unitAt, type Site } from './frameReader.ts';

export interface PreTerms {
  gate: GateName;
  /** W_ih row · layer input x_t. */
  wx: number;
  /** W_hh row · h_{t−1}. */
  wh: number;
  bIh: number;
  bHh: number;
  /** LSTM peephole term p ⊙ c_{t−1} (i, f) or p ⊙ c_t (o); null without peepholes or for g. */
  peep: number | null;
  /** The peephole weight p of that term. */
  peepWeight: number | null;
  /** GRU n only: r_t, which scales the recurrent part (wh + bHh); null otherwise. */
  reset: number | null;
  /** The pre-activation the terms add up to, as the frame holds it. */
  pre: number;
  /** The same, summed here from the terms (equals `pre` to float32 precision). */
  sum: number;
}

export function preTerms(frame: ProbeFrame, cell: CellKind, site: Site, gate: GateName): PreTerms {
  const { layer, t, unit } = site;
  const L = frame.layers[layer];
  const row = gateRow(frame, cell, gate, unit);
  const wx = rowDot(L.wIh, row, layerInput(frame, layer, t));
  const wh = rowDot(L.wHh, row, prevHidden(frame, layer, t));
  const bIh = L.bIh[row];
  const bHh = L.bHh[row];
  const pre = L.pre[gateOffset(frame, cell, gate, t, unit)];

  if (cell === 'gru' && gate === 'n') {
    const reset = L.act[gateOffset(frame, cell, 'r', t, unit)];
    return { gate, wx, wh, bIh, bHh, peep: null, peepWeight: null, reset, pre, sum: wx + bIh + reset * (wh + bHh) };
  }
  let peep: number | null = null;
  let peepWeight: number | null = null;
  const k = (PEEPHOLE_GATES as readonly string[]).indexOf(gate);
  if (cell === 'lstm' && L.peephole && k >= 0 && L.c) {
    peepWeight = L.peephole[k * frame.H + unit];
    // i and f look at the previous cell state, o at the new one.
    const c = gate === 'o' ? unitAt(frame, L.c, L.c0, t, unit) : unitAt(frame, L.c, L.c0, t - 1, unit);
    peep = peepWeight * c;
  }
  return { gate, wx, wh, bIh, bHh, peep, peepWeight, reset: null, pre, sum: wx + wh + bIh + bHh + (peep ?? 0) };
}
