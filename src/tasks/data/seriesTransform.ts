/**
 * What a forecast model sees and predicts: the series' values themselves ('level'), their changes
 * ('diff', x_r − x_{r−1}) or their log-returns ('logReturn', ln(x_r / x_{r−1})). Prices that drift out of the
 * range seen in training leave a levels model extrapolating; their changes stay in a familiar range, which is
 * why practitioners predict returns. Predictions go back to values from the last observed one, so metrics are
 * always in the data's original units. Also: how many test windows leave the range the normaliser was fitted on.
 */
import { targetRow, type WindowSpec } from './windowing.ts';

export type SeriesTransform = 'level' | 'diff' | 'logReturn';

/** Log-returns need positive values; a clear message names the column and the row. */
export function checkTransformable(kind: SeriesTransform, name: string, values: ArrayLike<number>): void {
  if (kind !== 'logReturn') return;
  for (let r = 0; r < values.length; r++) {
    if (!(values[r] > 0)) throw new RangeError(`log-returns need positive values, but column '${name}' holds ${values[r]} in row ${r + 1}`);
  }
}

/** The change from `from` to `to` in the transform's units. */
function change(kind: SeriesTransform, from: number, to: number): number {
  return kind === 'diff' ? to - from : Math.log(to / from);
}

/**
 * An input column as the model sees it (before scaling). The first row has no row before it: its change is
 * taken as 0 ("no change"), so every row keeps its index and the windows stay where they were.
 */
export function transformInput(kind: SeriesTransform, values: Float64Array): Float64Array {
  if (kind === 'level') return values;
  const out = new Float64Array(values.length);
  for (let r = 1; r < values.length; r++) out[r] = change(kind, values[r - 1], values[r]);
  return out;
}

/**
 * The target column as the model predicts it (before scaling): at row r the change over the `horizon` rows
 * since the window's last input row, y_r against y_{r−h}. Rows before the first horizon are no window's target
 * and stay 0.
 */
export function transformTarget(kind: SeriesTransform, values: Float64Array, horizon: number): Float64Array {
  if (kind === 'level') return values;
  const out = new Float64Array(values.length);
  for (let r = horizon; r < values.length; r++) out[r] = change(kind, values[r - horizon], values[r]);
  return out;
}

/** A predicted change (in the transform's units) applied to the last observed value `base`. */
export function toLevel(kind: SeriesTransform, base: number, predicted: number): number {
  if (kind === 'level') return predicted;
  return kind === 'diff' ? base + predicted : base * Math.exp(predicted);
}

/** Consecutive predicted one-step changes, each applied to the value before it, starting from `base`. */
export function chainLevels(kind: SeriesTransform, base: number, predicted: ArrayLike<number>): Float64Array {
  const out = new Float64Array(predicted.length);
  let last = base;
  for (let k = 0; k < predicted.length; k++) {
    out[k] = toLevel(kind, last, predicted[k]);
    last = out[k];
  }
  return out;
}

/** Range of values[from, to). */
function rangeOf(values: ArrayLike<number>, from: number, to: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let r = from; r < to; r++) {
    lo = Math.min(lo, values[r]);
    hi = Math.max(hi, values[r]);
  }
  return [lo, hi];
}

export interface RangeCheck {
  /** Windows with an input value or a target outside the range of the fitted rows. */
  outside: number;
  /** Windows checked. */
  total: number;
}

/**
 * How many of the windows at `starts` hold a value outside the range of rows [0, fit.rows) — the rows the
 * normaliser was fitted on — in any input column (`inputs`, in the model's units) or in their target
 * (`target`, whose rows before `fit.targetFirst` are no window's target). Such a window asks the model about
 * values it never saw.
 */
export function windowsOutsideRange(
  inputs: readonly Float64Array[], target: Float64Array, spec: WindowSpec, starts: ArrayLike<number>,
  fit: { rows: number; targetFirst: number },
): RangeCheck {
  const inputRanges = inputs.map((c) => rangeOf(c, 0, fit.rows));
  const [tLo, tHi] = rangeOf(target, fit.targetFirst, fit.rows);
  let outside = 0;
  for (let b = 0; b < starts.length; b++) {
    const s = starts[b];
    const y = target[targetRow(spec, s)];
    let out = y < tLo || y > tHi;
    for (let i = 0; i < inputs.length && !out; i++) {
      const [lo, hi] = inputRanges[i];
      for (let t = s; t < s + spec.window && !out; t++) out = inputs[i][t] < lo || inputs[i][t] > hi;
    }
    if (out) outside++;
  }
  return { outside, total: starts.length };
}
