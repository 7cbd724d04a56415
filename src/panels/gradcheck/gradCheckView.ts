/**
 * Display rules of the gradient-check panel (pure, tested): the equations' names for each parameter group, the
 * pass threshold, the ε choices, and how many weights per group a model can afford to check.
 */
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
 * A group as the cell equations write it: W_g for a gate's input weights (weight_ih), U_g for its recurrent weights
 * (weight_hh), b_g for a bias (PyTorch keeps two: ih and hh), p_g for peepholes, W_y / b_y for the head.
 */
export function groupSymbol(row: GradCheckRow): { base: string; sub: string | null; note: string | null } {
  const sub = row.gate && row.gate !== 'a' ? row.gate : null;
  const t = row.tensor;
  if (t === 'head.weight') return { base: 'W', sub: 'y', note: null };
  if (t === 'head.bias') return { base: 'b', sub: 'y', note: null };
  if (t.startsWith('weight_ih')) return { base: 'W', sub, note: null };
  if (t.startsWith('weight_hh')) return { base: 'U', sub, note: null };
  if (t.startsWith('bias_ih')) return { base: 'b', sub, note: 'ih' };
  if (t.startsWith('bias_hh')) return { base: 'b', sub, note: 'hh' };
  if (t.startsWith('peephole')) return { base: 'p', sub, note: null };
  return { base: t, sub: null, note: null };
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
