/**
 * The probe frame as drawable series (display transforms only). Positions are 1-based timesteps, as in the
 * equations: x_1 … x_T sit at 1 … T, and an output sits where the value it predicts belongs.
 */
import { softmaxRow } from '../../engine/loss.ts';
import type { ProbeFrame } from '../../contracts/protocol.ts';

export type Role = 'input' | 'target' | 'output';

export interface SeqSeries {
  role: Role;
  /** Feature (input) or output dimension. */
  dim: number;
  xs: number[];
  ys: number[];
}

/** More lines than this per role would be unreadable; the rest are left out. */
export const MAX_DIMS = 6;

/**
 * How many timesteps ahead an output points: 1 when the targets are the next inputs (a forecast: row t
 * predicts x_{t+1}, and a many-to-one output is the value after the window), else 0 (drawn at its own t).
 */
export function forecastLead(f: ProbeFrame): 0 | 1 {
  if (f.rows === 1) return 1;
  if (f.O !== f.I || f.T < 2) return 0;
  for (let t = 0; t + 1 < f.T; t++) {
    for (let k = 0; k < f.O; k++) if (Math.abs(f.target[t * f.O + k] - f.x[(t + 1) * f.I + k]) > 1e-6) return 0;
  }
  return 1;
}

/** Position (1-based) of output row r. A single row belongs to the last timestep. */
export function outputPosition(f: ProbeFrame, row: number, lead: number): number {
  return (f.rows === 1 ? f.T : row + 1) + lead;
}

export function inputSeries(f: ProbeFrame): SeqSeries[] {
  const out: SeqSeries[] = [];
  for (let k = 0; k < Math.min(f.I, MAX_DIMS); k++) {
    out.push({ role: 'input', dim: k, xs: Array.from({ length: f.T }, (_, t) => t + 1), ys: Array.from({ length: f.T }, (_, t) => f.x[t * f.I + k]) });
  }
  return out;
}

/** Input, target and output lines of a regression frame. */
export function regressionSeries(f: ProbeFrame): SeqSeries[] {
  const lead = forecastLead(f);
  const out = inputSeries(f);
  const xs = Array.from({ length: f.rows }, (_, r) => outputPosition(f, r, lead));
  for (const role of ['target', 'output'] as const) {
    const src = role === 'target' ? f.target : f.output;
    for (let k = 0; k < Math.min(f.O, MAX_DIMS); k++) out.push({ role, dim: k, xs, ys: Array.from({ length: f.rows }, (_, r) => src[r * f.O + k]) });
  }
  return out;
}

/** The output row produced at timestep t (0-based): row t for sequence outputs, the only row otherwise. */
export function rowAt(f: ProbeFrame, t: number): number {
  return f.rows === 1 ? 0 : Math.max(0, Math.min(f.rows - 1, t));
}

/** Softmax of an output row of logits (the model emits logits; probabilities are a display transform). */
export function classProbabilities(f: ProbeFrame, row: number): Float64Array {
  const p = new Float64Array(f.O);
  softmaxRow(f.output, row * f.O, f.O, p);
  return p;
}

export function argmax(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
  return best;
}

/**
 * The classes worth a bar: the `k` most probable, plus the true class if it is not among them, in class
 * order. Text tasks have 61–500 classes; a bar for each would make the panel thousands of pixels tall.
 */
export function shownClasses(probs: ArrayLike<number>, trueClass: number, k: number): number[] {
  const order = Array.from({ length: probs.length }, (_, i) => i).sort((a, b) => probs[b] - probs[a] || a - b);
  const shown = new Set(order.slice(0, k));
  if (trueClass >= 0 && trueClass < probs.length) shown.add(trueClass);
  return [...shown].sort((a, b) => a - b);
}
