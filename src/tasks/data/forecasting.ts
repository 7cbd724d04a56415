/**
 * Turning a window model into forecasts, independent of the engine's classes: the caller passes `predict`,
 * which maps a batch of windows (x [W, B, I]) to one value per window (e.g. a forward pass of the net).
 * Everything here works in the scaled units the model sees; the task builder converts back.
 */
import type { SequenceBatch } from '../../engine/network.ts';
import { targetRow, windowBatch, type WindowData, type WindowSpec } from './windowing.ts';

/** One prediction per window of the batch, in batch order. */
export type WindowPredictor = (batch: SequenceBatch) => ArrayLike<number>;

/**
 * One-step-ahead: every window sees only true past values. `chunk` bounds the batch size per call; the
 * default (all windows at once) lets a caller reuse the network it sized for its validation batch.
 */
export function predictWindows(data: WindowData, spec: WindowSpec, starts: ArrayLike<number>, predict: WindowPredictor, chunk = starts.length): Float64Array {
  const out = new Float64Array(starts.length);
  const size = Math.max(1, chunk);
  for (let from = 0; from < starts.length; from += size) {
    const part = Array.prototype.slice.call(starts, from, Math.min(starts.length, from + size)) as number[];
    const y = predict(windowBatch(data, spec, part));
    if (y.length !== part.length) throw new Error(`predict returned ${y.length} values for ${part.length} windows`);
    for (let b = 0; b < part.length; b++) out[from + b] = y[b];
  }
  return out;
}

/**
 * Recursive multi-step forecast: start from the true window at `start`, then feed each prediction back as
 * the newest value of input column `targetInput` and slide on, `steps` times. Other input columns (if any)
 * keep their observed values, so they must exist for every step. Needs horizon 1: each prediction must be the
 * very next row. Returns the predictions for rows start+W … start+W+steps−1.
 */
export function recursiveForecast(
  data: WindowData, spec: WindowSpec, start: number, steps: number, predict: WindowPredictor, targetInput: number,
): Float64Array {
  const W = spec.window;
  const I = data.inputs.length;
  const rows = data.target.length;
  if (spec.horizon !== 1) throw new RangeError(`a recursive forecast needs horizon 1, got ${spec.horizon}`);
  if (!(targetInput >= 0 && targetInput < I)) throw new RangeError('a recursive forecast needs the target among the inputs');
  if (start < 0 || start + W > rows) throw new RangeError(`the first window (rows ${start}…${start + W - 1}) is outside the series of ${rows} rows`);
  if (I > 1 && start + W + steps - 1 > rows) throw new RangeError('with several input columns the forecast cannot run past the observed rows');
  // Local copies of the rows involved: the target column gets overwritten by the predictions.
  const span = W + steps;
  const inputs = data.inputs.map((col, i) => {
    const local = new Float64Array(span);
    local.set(col.subarray(start, Math.min(rows, start + (i === targetInput ? W : span))));
    return local;
  });
  const local: WindowData = { inputs, target: new Float64Array(span) };
  const one: WindowSpec = { ...spec, horizon: 0 };
  const out = new Float64Array(steps);
  for (let k = 0; k < steps; k++) {
    const y = predict(windowBatch(local, one, [k]));
    if (y.length !== 1) throw new Error(`predict returned ${y.length} values for 1 window`);
    out[k] = y[0];
    inputs[targetInput][W + k] = y[0];
  }
  return out;
}

/** "Tomorrow = today": each window's prediction is the target column's value in its last row. */
export function naiveLastValue(target: ArrayLike<number>, spec: WindowSpec, starts: ArrayLike<number>): Float64Array {
  const out = new Float64Array(starts.length);
  for (let b = 0; b < starts.length; b++) out[b] = target[starts[b] + spec.window - 1];
  return out;
}

/** The true target of each window. */
export function windowTargets(target: ArrayLike<number>, spec: WindowSpec, starts: ArrayLike<number>): Float64Array {
  const out = new Float64Array(starts.length);
  for (let b = 0; b < starts.length; b++) out[b] = target[targetRow(spec, starts[b])];
  return out;
}
