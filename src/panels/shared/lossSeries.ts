/**
 * The loss history turned into drawable series (x by step or elapsed seconds, raw and smoothed y), kept up to
 * date as the history grows: the store appends to its arrays in place, so each update here costs only the
 * new points — the smoothing, the extent and the min/max reduction to the chart's pixels are incremental —
 * and a ten-minute run costs what the first minute did. Pure (no DOM), so the chart only maps through scales.
 */
import type { LossHistory } from '../../contracts/runControls.ts';
import { MinMaxReducer } from '../../viz/reduce.ts';

export type LossAxis = 'step' | 'time';
export type SeriesKey = 'train' | 'validation';

export interface LossSeries {
  key: SeriesKey;
  /** Training step of every point. */
  steps: Float64Array;
  /** x of every point: the step, or elapsed seconds; non-decreasing. */
  xs: Float64Array;
  raw: Float64Array;
  smooth: Float64Array;
  /** Smallest and largest finite raw value, and the smallest positive one (Infinity when none). */
  extent: { lo: number; hi: number; minPositive: number };
  /** The points to draw at `buckets` pixel columns (≤ 2 per column), for the raw and the smoothed line. */
  drawn(buckets: number): { raw: Int32Array; smooth: Int32Array };
}

/** A Float64Array that grows by doubling; `view()` is the filled part. */
class Growing {
  private buf = new Float64Array(256);
  length = 0;
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  set(i: number, v: number): void {
    this.buf[i] = v;
  }
  get(i: number): number {
    return this.buf[i];
  }
  view(): Float64Array {
    return this.buf.subarray(0, this.length);
  }
}

/**
 * One curve. Smoothing is TensorBoard's (lossMath.debiasedEma, computed point by point): an EMA started at 0
 * and divided by (1 − w^k); non-finite values pass through; a series that has been constant so far is shown
 * as it is (the division would add rounding noise).
 */
class Track {
  readonly steps = new Growing();
  readonly xs = new Growing();
  readonly raw = new Growing();
  readonly smooth = new Growing();
  private last = 0;
  private count = 0;
  private constant = true;
  private lo = Infinity;
  private hi = -Infinity;
  private minPositive = Infinity;
  private readonly reducers = new Map<number, { raw: MinMaxReducer; smooth: MinMaxReducer }>();

  constructor(
    readonly key: SeriesKey,
    private readonly weight: number,
  ) {}

  get length(): number {
    return this.raw.length;
  }

  push(step: number, x: number, v: number): void {
    const i = this.raw.length;
    this.steps.push(step);
    this.xs.push(x);
    this.raw.push(v);
    if (Number.isFinite(v)) {
      if (v < this.lo) this.lo = v;
      if (v > this.hi) this.hi = v;
      if (v > 0 && v < this.minPositive) this.minPositive = v;
      this.last = this.last * this.weight + (1 - this.weight) * v;
      this.count++;
    }
    if (this.constant && i > 0 && v !== this.raw.get(0)) {
      this.constant = false;
      this.resmooth(i);
    }
    this.smooth.push(this.constant || !Number.isFinite(v) ? v : this.emaValue(this.last, this.count));
  }

  private emaValue(last: number, count: number): number {
    return this.weight === 1 ? last : last / (1 - Math.pow(this.weight, count));
  }

  /** The first `end` points were shown raw while the series was constant: give them their smoothed values. */
  private resmooth(end: number): void {
    let last = 0;
    let count = 0;
    for (let i = 0; i < end; i++) {
      const v = this.raw.get(i);
      if (!Number.isFinite(v)) continue;
      last = last * this.weight + (1 - this.weight) * v;
      count++;
      this.smooth.set(i, this.emaValue(last, count));
    }
    for (const r of this.reducers.values()) r.smooth = new MinMaxReducer(r.smooth.buckets);
  }

  series(): LossSeries {
    const xs = this.xs.view();
    const raw = this.raw.view();
    const smooth = this.smooth.view();
    return {
      key: this.key,
      steps: this.steps.view(),
      xs,
      raw,
      smooth,
      extent: { lo: this.lo, hi: this.hi, minPositive: this.minPositive },
      drawn: (buckets) => {
        const b = Math.max(2, Math.round(buckets));
        let r = this.reducers.get(b);
        if (!r) {
          // A chart of another width (a resize, a second panel): its own reducers; forget widths no longer drawn.
          if (this.reducers.size >= 4) this.reducers.clear();
          this.reducers.set(b, (r = { raw: new MinMaxReducer(b), smooth: new MinMaxReducer(b) }));
        }
        r.raw.append(xs, raw);
        r.smooth.append(xs, smooth);
        return { raw: r.raw.indices(), smooth: r.smooth.indices() };
      },
    };
  }
}

/** Elapsed seconds at a step, from the nearest kept point (index k holds step (k + 1)·stride). */
function secondsAt(time: readonly number[], stride: number, step: number): number {
  if (time.length === 0) return 0;
  const k = Math.min(Math.max(Math.round(step / stride) - 1, 0), time.length - 1);
  return time[k] / 1000;
}

/** The series of one loss history at one smoothing and x mode, following the history's in-place appends. */
export class LossSeriesBuilder {
  private train: Track;
  private validation: Track;
  private source: LossHistory | null = null;
  private firstValidation: unknown = undefined;

  constructor(
    private readonly smoothing: number,
    private readonly xMode: LossAxis,
  ) {
    this.train = new Track('train', smoothing);
    this.validation = new Track('validation', smoothing);
  }

  update(loss: LossHistory): LossSeries[] {
    const prev = this.source;
    // A new run, or a history that was thinned (stride doubled, validation halved): start over.
    if (
      !prev ||
      prev.train !== loss.train ||
      prev.stride !== loss.stride ||
      loss.train.length < this.train.length ||
      loss.validation.length < this.validation.length ||
      (this.validation.length > 0 && loss.validation[0] !== this.firstValidation)
    ) {
      this.train = new Track('train', this.smoothing);
      this.validation = new Track('validation', this.smoothing);
    }
    this.source = loss;
    const { stride, time } = loss;
    const toX = (step: number): number => (this.xMode === 'step' ? step : secondsAt(time, stride, step));
    for (let k = this.train.length; k < loss.train.length; k++) this.train.push((k + 1) * stride, toX((k + 1) * stride), loss.train[k]);
    for (let k = this.validation.length; k < loss.validation.length; k++) {
      const v = loss.validation[k];
      this.validation.push(v.step, toX(v.step), v.loss);
    }
    this.firstValidation = loss.validation[0];
    const out: LossSeries[] = [];
    if (this.train.length > 0) out.push(this.train.series());
    if (this.validation.length > 0) out.push(this.validation.series());
    return out;
  }
}

const builders = new WeakMap<readonly number[], Map<string, LossSeriesBuilder>>();

/**
 * The drawable series of a loss history, built incrementally: one builder per history (its train array, which
 * the client appends to in place) and setting, so the loss panel and compare mode each pay only for new points.
 */
export function buildSeries(loss: LossHistory, smoothing: number, xMode: LossAxis): LossSeries[] {
  let bySetting = builders.get(loss.train);
  if (!bySetting) builders.set(loss.train, (bySetting = new Map()));
  const key = `${smoothing}|${xMode}`;
  let b = bySetting.get(key);
  if (!b) {
    // A smoothing slider drag passes through many settings: keep the latest few only.
    if (bySetting.size >= 4) bySetting.clear();
    bySetting.set(key, (b = new LossSeriesBuilder(smoothing, xMode)));
  }
  return b.update(loss);
}
