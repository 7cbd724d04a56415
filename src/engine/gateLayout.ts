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

/**
 * Reorder the gate blocks of a fused row-major matrix [G*H, cols] (cols = 1 for vectors).
 * `order[k]` = index of the source block that becomes block k. Used by converters to other layouts.
 */
export function reorderGateBlocks(src: ArrayLike<number>, hidden: number, cols: number, order: readonly number[]): Float64Array {
  const block = hidden * cols;
  const out = new Float64Array(order.length * block);
  order.forEach((from, k) => {
    for (let j = 0; j < block; j++) out[k * block + j] = src[from * block + j];
  });
  return out;
}

/** ONNX LSTM stores gates i, o, f, c: its block k is PyTorch block ONNX_LSTM_FROM_TORCH[k]. */
export const ONNX_LSTM_FROM_TORCH = [0, 3, 1, 2] as const;
/** ONNX GRU stores gates z, r, h: its block k is PyTorch block ONNX_GRU_FROM_TORCH[k]. */
export const ONNX_GRU_FROM_TORCH = [1, 0, 2] as const;
/** Inverse permutation (ONNX block → PyTorch block position). */
export function invertOrder(order: readonly number[]): number[] {
  const inv = new Array<number>(order.length);
  order.forEach((from, k) => (inv[from] = k));
  return inv;
}
