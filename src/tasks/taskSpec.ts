/**
 * What a task is built from: the task's id and its data-pipeline settings. The run's config (RunConfig in
 * src/contracts) extends this, so tasks never depend on the run contracts above them.
 */
import type { OutputMode } from '../engine/config.ts';
import type { ScalerKind } from './data/scaler.ts';
import type { SeriesTransform } from './data/seriesTransform.ts';
import type { TaskId } from './catalogue.ts';

export type { TaskId };

export interface TaskSpec {
  task: TaskId;
  /** Timesteps per training sequence (and of the probe sequence). */
  seqLen: number;
  /** Loss and prediction on every timestep or on the last one only, for tasks that offer both (their catalogue entry says so). */
  outputMode: OutputMode;
  // Real-data tasks: seqLen is the window length there.
  /** Target column ('' = the dataset's default). */
  target: string;
  /** Extra input columns, comma-separated ('' = the target alone). */
  features: string;
  /** Predict the value this many steps after the window. */
  horizon: number;
  /** Step between consecutive training windows. */
  stride: number;
  scaler: ScalerKind;
  /** Fit the scaler on all data instead of the training split (leakage; the UI warns). */
  fitOnAll: boolean;
  /** Chronological share of the data used for training. */
  trainFraction: number;
  /** Forecasts: predict the values, their differences or their log-returns (metrics are in values either way). */
  transform: SeriesTransform;
  /** Character tasks: keep the most frequent symbols, the rest become <unk>. */
  maxSymbols: number;
}
