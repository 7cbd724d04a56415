/**
 * The loss history turned into drawable series (x by step or elapsed seconds, raw and smoothed y).
 * Pure, so the chart only maps these through scales.
 */
import type { LossHistory } from '../../contracts/runControls.ts';
import { debiasedEma } from './lossMath.ts';

export type XMode = 'step' | 'time';
export type SeriesKey = 'train' | 'validation';

export interface LossSeries {
  key: SeriesKey;
  /** Training step of every point. */
  steps: Float64Array;
  /** x of every point: the step, or elapsed seconds; non-decreasing. */
  xs: Float64Array;
  raw: ArrayLike<number>;
  smooth: Float64Array;
}

/** Elapsed seconds at a step, from the nearest kept point (index k holds step (k + 1)·stride). */
function secondsAt(time: readonly number[], stride: number, step: number): number {
  if (time.length === 0) return 0;
  const k = Math.min(Math.max(Math.round(step / stride) - 1, 0), time.length - 1);
  return time[k] / 1000;
}

export function buildSeries(loss: LossHistory, smoothing: number, xMode: XMode): LossSeries[] {
  const stride = loss.stride;
  const toX = (step: number): number => (xMode === 'step' ? step : secondsAt(loss.time, stride, step));
  const make = (key: SeriesKey, steps: Float64Array, raw: ArrayLike<number>): LossSeries => ({
    key,
    steps,
    xs: steps.map(toX),
    raw,
    smooth: debiasedEma(raw, smoothing),
  });
  const out: LossSeries[] = [];
  const n = loss.train.length;
  if (n > 0) out.push(make('train', Float64Array.from({ length: n }, (_, k) => (k + 1) * stride), loss.train.slice(0, n)));
  const val = loss.validation;
  if (val.length > 0) out.push(make('validation', Float64Array.from(val, (v) => v.step), Float64Array.from(val, (v) => v.loss)));
  return out;
}
