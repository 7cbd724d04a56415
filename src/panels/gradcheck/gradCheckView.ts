/**
 * Display rules of the gradient-check panel (pure, tested): the equations' names for each parameter group, the
 * pass threshold, the ε choices, and how many weights per group a model can afford to check.
 */
import type { CellKind } from '../../engine/config.ts';
import { defaultStateDictName } from '../../engine/interop/stateDict.ts';
import { superscript } from '../../viz/format.ts';
import type { GradCheckRow, ModelSummary } from '../../contracts/protocol.ts';

/** Relative error below which a group passes (float64 central differences with ε = 1e-5 give ~1e-9 or less). */
export const PASS_THRESHOLD = 1e-6;
export const EPS_CHOICES = [1e-3, 1e-4, 1e-5, 1e-6, 1e-7] as const;

export function passes(row: GradCheckRow): boolean {
  return row.relError < PASS_THRESHOLD;
}

/** "10⁻⁵" for the ε choices and threshold. */
export function formatPower(v: number): string {
  return `10${superscript(Math.round(Math.log10(v)))}`;
}

/**
 * A group as the cell equations write it, in PyTorch's names: W_if for a gate's input weights (weight_ih),
 * W_hf for its recurrent weights (weight_hh), b_if and b_hf for its two biases, p_f for peepholes, W_ŷ / b_ŷ for
 * the output layer; the plain RNN's single block is W_ih, W_hh.
 */
export function groupSymbol(row: GradCheckRow): { base: string; sub: string | null } {
  const g = row.gate && row.gate !== 'a' ? row.gate : null;
  const t = row.tensor;
  if (t === 'head.weight') return { base: 'W', sub: 'ŷ' };
  if (t === 'head.bias') return { base: 'b', sub: 'ŷ' };
  const side = /^(?:weight|bias)_(ih|hh)/.exec(t)?.[1];
  if (side) return { base: t.startsWith('weight') ? 'W' : 'b', sub: g ? `${side[0]}${g}` : side };
  if (t.startsWith('peephole')) return { base: 'p', sub: g };
  return { base: t, sub: null };
}

/** A tensor or group under the name the model panel and the exports give it: lstm.weight_ih_l0[f], fc.weight. */
export function groupTensorName(cell: CellKind, name: string): string {
  const [, tensor, part] = /^([^[]*)(.*)$/.exec(name) as RegExpExecArray;
  return defaultStateDictName(cell, tensor) + part;
}

/** Groups the engine's gradCheckGroups makes of these tensors: a fused tensor per gate, the rest whole. */
export function groupCount(summary: ModelSummary): number {
  const G = summary.gates.length;
  return summary.tensors.reduce((n, t) => n + (t.name.startsWith('head.') || G === 1 ? 1 : t.name.startsWith('peephole') ? 3 : G), 0);
}

/** Multiply-adds of one forward pass of a batch of B sequences of T steps (the recurrent layers and the head). */
export function forwardCost(summary: ModelSummary, T: number, B: number): number {
  const { hiddenSize: H, numLayers: L, inputSize: I, outputSize: O } = summary;
  const G = summary.gates.length;
  let perStep = 0;
  for (let l = 0; l < L; l++) perStep += G * H * ((l === 0 ? I : H) + H);
  const rows = summary.outputMode === 'last' ? 1 : T;
  return T * B * perStep + rows * B * O * H;
}

/** About two seconds of checking in the worker (two forward passes per weight). */
export const CHECK_BUDGET = 1.5e9;
export const MIN_PER_GROUP = 4;

/** null (check every weight) when the model is small enough, else evenly spaced weights per group. */
export function maxPerGroupFor(summary: ModelSummary, T: number, B: number): number | null {
  const affordable = Math.floor(CHECK_BUDGET / (2 * forwardCost(summary, T, B)));
  if (summary.paramCount <= affordable) return null;
  return Math.max(MIN_PER_GROUP, Math.floor(affordable / groupCount(summary)));
}
