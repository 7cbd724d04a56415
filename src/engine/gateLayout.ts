/**
 * The one module that knows how gates are laid out in fused weight matrices.
 * PyTorch order: LSTM [i, f, g, o], GRU [r, z, n], RNN a single block. Every other module slices
 * through these helpers, never with literal offsets.
 */
import type { CellKind } from './config.ts';

export const GATE_NAMES = {
  lstm: ['i', 'f', 'g', 'o'],
  gru: ['r', 'z', 'n'],
  rnn: ['a'],
} as const satisfies Record<CellKind, readonly string[]>;

export type LstmGate = (typeof GATE_NAMES.lstm)[number];
export type GruGate = (typeof GATE_NAMES.gru)[number];
export type GateName = LstmGate | GruGate | 'a';

export function gateCount(cell: CellKind): number {
  return GATE_NAMES[cell].length;
}

/** Index of a gate's block inside a fused [G*H, ·] matrix or [G*H] vector. */
export function gateIndex(cell: CellKind, gate: GateName): number {
  const i = (GATE_NAMES[cell] as readonly string[]).indexOf(gate);
  if (i < 0) throw new Error(`${cell} has no gate '${gate}'`);
  return i;
}

/** Infer the cell kind from weight_hh rows ÷ hidden size (4 LSTM, 3 GRU, 1 RNN). */
export function cellFromGateCount(g: number): CellKind | null {
  return g === 4 ? 'lstm' : g === 3 ? 'gru' : g === 1 ? 'rnn' : null;
}

/** LSTM peephole vector [3, H] holds the i, f, o peepholes in this order. */
export const PEEPHOLE_GATES = ['i', 'f', 'o'] as const;
