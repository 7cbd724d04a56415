/**
 * Sliding windows over a table of columns: W consecutive rows of the input columns, and the target column's
 * value h rows after the window's last row (h = 0: the last row's own label, for classification). Batches
 * are time-major, as the engine wants them: x [W, B, I], target [B, 1].
 */
import type { Rng } from '../../engine/rng.ts';
import type { TrainingBatch } from '../../engine/train.ts';
import { emptyBatch } from '../task.ts';
import type { ChronoSplit } from './split.ts';

export interface WindowSpec {
  /** Rows per window, W (the sequence length; default 10). */
  window: number;
  /** Rows from the window's last row to its target (default 1: the next value). */
  horizon: number;
  /** Rows between the starts of consecutive training windows (default 1). */
  stride: number;
}

export const DEFAULT_WINDOW: WindowSpec = { window: 10, horizon: 1, stride: 1 };

/** The values windows are cut from, every column as long as the series. */
export interface WindowData {
  /** Input columns [I][rows]. */
  inputs: readonly Float64Array[];
  /** Target per row (a value, or a class index). */
  target: Float64Array;
}

export function checkWindowSpec(spec: WindowSpec): void {
  const int = (v: number, lo: number, what: string): void => {
    if (!Number.isInteger(v) || v < lo) throw new RangeError(`${what} must be an integer ≥ ${lo}, got ${v}`);
  };
  int(spec.window, 1, 'window');
  int(spec.horizon, 0, 'horizon');
  int(spec.stride, 1, 'stride');
}

/** Row of the target of the window that starts at `start`. */
export function targetRow(spec: WindowSpec, start: number): number {
  return start + spec.window - 1 + spec.horizon;
}

/**
 * Starts of the windows whose target row lies in [fromRow, toRow), every `step` rows, in order. The grid is
 * anchored at the last possible start, so with a stride the newest window is always included.
 */
export function windowStarts(spec: WindowSpec, fromRow: number, toRow: number, step = 1): Int32Array {
  const lead = spec.window - 1 + spec.horizon;
  const first = Math.max(0, fromRow - lead);
  const last = toRow - 1 - lead;
  if (last < first) return new Int32Array(0);
  const count = Math.floor((last - first) / step) + 1;
  const out = new Int32Array(count);
  for (let k = 0; k < count; k++) out[k] = last - (count - 1 - k) * step;
  return out;
}

export interface SplitWindows {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

/**
 * Windows of each part of a split, by where their target falls. Training windows are thinned by the stride;
 * validation and test keep every window so each of their rows is predicted once. Inputs of the first test
 * windows reach back before the split line: those are observed past values, not leaked targets.
 */
export function splitWindows(spec: WindowSpec, split: ChronoSplit): SplitWindows {
  return {
    train: windowStarts(spec, 0, split.trainEnd, spec.stride),
    validation: windowStarts(spec, split.trainEnd, split.testStart),
    test: windowStarts(spec, split.testStart, split.rows),
  };
}

/**
 * Fewest rows for which the split leaves at least one training and one test window. Terminates for every
 * split with fractions below 1: both parts grow with the row count.
 */
export function minRowsForSplit(spec: WindowSpec, split: (rows: number) => ChronoSplit): number {
  for (let rows = spec.window + spec.horizon; ; rows++) {
    const w = splitWindows({ ...spec, stride: 1 }, split(rows));
    if (w.train.length > 0 && w.test.length > 0) return rows;
  }
}

/** B window starts drawn uniformly, with replacement, from `starts` (a training batch). */
export function sampleStarts(rng: Rng, starts: Int32Array, B: number): Int32Array {
  const out = new Int32Array(B);
  for (let b = 0; b < B; b++) out[b] = starts[rng.int(starts.length)];
  return out;
}

/** The batch of windows starting at `starts`: x [W, B, I] (time-major), target [B, 1]. */
export function windowBatch(data: WindowData, spec: WindowSpec, starts: ArrayLike<number>): TrainingBatch {
  const W = spec.window;
  const B = starts.length;
  const I = data.inputs.length;
  const rows = data.target.length;
  const batch = emptyBatch(W, B, I, B);
  for (let b = 0; b < B; b++) {
    const s = starts[b];
    const tr = targetRow(spec, s);
    if (s < 0 || tr >= rows) throw new RangeError(`window at ${s} needs rows ${s}…${tr}, the series has ${rows}`);
    for (let t = 0; t < W; t++) {
      const base = (t * B + b) * I;
      for (let i = 0; i < I; i++) batch.x[base + i] = data.inputs[i][s + t];
    }
    batch.target[b] = data.target[tr];
  }
  return batch;
}
