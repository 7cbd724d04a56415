/**
 * Forecasting a real series, every stage of the pipeline explicit: chronological split → scaler fitted on the
 * training rows → sliding windows → many-to-one regression of the value `horizon` steps ahead. Returns the
 * Task the trainer runs and the plain-data metadata the pipeline and metrics panels draw.
 */
import type { CsvTable } from './csv/parse.ts';
import { numericValues, timeLabels } from './csv/table.ts';
import { naiveLastValue, predictWindows, recursiveForecast, windowTargets, type WindowPredictor } from './data/forecasting.ts';
import { regressionMetrics, type RegressionMetrics } from './data/metrics.ts';
import { fitScaler, inverseTransform, transform, type ScalerKind, type ScalerParams } from './data/scaler.ts';
import { chainLevels, checkTransformable, toLevel, transformInput, transformTarget, windowsOutsideRange, type RangeCheck, type SeriesTransform } from './data/seriesTransform.ts';
import { chronologicalSplit, DEFAULT_SPLIT, type ChronoSplit, type SplitOptions } from './data/split.ts';
import { checkWindowSpec, DEFAULT_WINDOW, sampleStarts, splitWindows, targetRow, windowBatch, type SplitWindows, type WindowData, type WindowSpec } from './data/windowing.ts';
import type { Task } from './task.ts';

export interface SeriesColumn {
  name: string;
  values: Float64Array;
}

/** A table of equally long numeric columns, oldest row first. */
export interface SeriesSource {
  id: string;
  columns: readonly SeriesColumn[];
  /** A label per row for the time axis (dates), or null to use row numbers. */
  timeLabels: readonly string[] | null;
}

export interface ForecastOptions extends WindowSpec, SplitOptions {
  /** Column to predict. */
  target: string;
  /** Input columns; null = the target alone (univariate). */
  features: readonly string[] | null;
  scaler: ScalerKind;
  /** Fit the scaler on all rows: leaks test statistics; meta.scaler.leakage tells the UI to warn. */
  fitOnAll: boolean;
  /** What the model sees and predicts: the values, their differences or their log-returns. */
  transform: SeriesTransform;
  /** Which test window is the probe (0 = the first one whose target lies after the split line). */
  probeWindow: number;
}

const DEFAULT_FORECAST: Omit<ForecastOptions, 'target'> = {
  ...DEFAULT_WINDOW,
  ...DEFAULT_SPLIT,
  features: null,
  scaler: 'minmax',
  fitOnAll: false,
  transform: 'level',
  probeWindow: 0,
};

export interface ForecastMeta {
  kind: 'forecast';
  source: string;
  /** The columns used: the inputs, then the target if it is not an input. Scaler parameters follow this order. */
  columns: string[];
  /** Indices into `columns`. */
  inputs: number[];
  target: number;
  timeLabels: readonly string[] | null;
  /** Each used column in original units, and as the model sees it (transformed, then scaled). */
  raw: Float64Array[];
  scaled: Float64Array[];
  /** What the model predicts at each row (the scaled target column, or its scaled change over the horizon). */
  targetScaled: Float64Array;
  transform: SeriesTransform;
  /** Test windows with values outside the range the scaler was fitted on (in the model's units). */
  testRange: RangeCheck;
  spec: WindowSpec;
  split: ChronoSplit;
  scaler: ScalerParams;
  /** Window starts of each part. */
  windows: SplitWindows;
  /** Which part the task's validation batch holds. */
  validationOn: 'validation' | 'test';
  /** The probe window: rows [start, end) and the row of its target. */
  probe: { start: number; end: number; targetRow: number };
  /** "Tomorrow = today" on the test windows, in original units: the score to beat. */
  baseline: RegressionMetrics;
}

export interface ForecastTask {
  task: Task;
  meta: ForecastMeta;
}

function column(source: SeriesSource, name: string): SeriesColumn {
  const c = source.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column '${name}' in ${source.id} (have: ${source.columns.map((x) => x.name).join(', ')})`);
  return c;
}

function windowData(meta: Pick<ForecastMeta, 'scaled' | 'inputs' | 'targetScaled'>): WindowData {
  return { inputs: meta.inputs.map((i) => meta.scaled[i]), target: meta.targetScaled };
}

export function forecastTask(source: SeriesSource, options: Partial<ForecastOptions> & { target: string }, taskId = 'forecast'): ForecastTask {
  const o: ForecastOptions = { ...DEFAULT_FORECAST, ...options };
  const spec: WindowSpec = { window: o.window, horizon: o.horizon, stride: o.stride };
  checkWindowSpec(spec);
  if (spec.horizon < 1) throw new RangeError('a forecast horizon must be at least 1');
  const features = o.features ?? [o.target];
  if (features.length === 0) throw new Error('a forecast needs at least one input column');
  const columns = features.includes(o.target) ? [...features] : [...features, o.target];
  const raw = columns.map((name) => column(source, name).values);
  const rows = raw[0].length;
  if (raw.some((c) => c.length !== rows)) throw new Error('all columns of a series must have the same length');
  if (source.timeLabels && source.timeLabels.length !== rows) throw new Error(`${source.timeLabels.length} time labels for ${rows} rows`);

  raw.forEach((c, k) => checkTransformable(o.transform, columns[k], c));

  const split = chronologicalSplit(rows, o);
  const model = raw.map((c) => transformInput(o.transform, c));
  const scaler = fitScaler(o.scaler, model, { trainEnd: split.trainEnd, fitOnAll: o.fitOnAll });
  const scaled = model.map((c, k) => transform(scaler, k, c));
  const target = columns.indexOf(o.target);
  const targetModel = transformTarget(o.transform, raw[target], spec.horizon);
  const targetScaled = o.transform === 'level' ? scaled[target] : transform(scaler, target, targetModel);
  const windows = splitWindows(spec, split);
  if (windows.train.length === 0 || windows.test.length === 0) {
    throw new RangeError(`${rows} rows leave ${windows.train.length} training and ${windows.test.length} test windows of ${spec.window} + ${spec.horizon}`);
  }
  const probeWindow = Math.min(Math.max(0, Math.floor(o.probeWindow)), windows.test.length - 1);
  const probeStart = windows.test[probeWindow];
  const inputs = features.map((f) => columns.indexOf(f));
  const meta: ForecastMeta = {
    kind: 'forecast',
    source: source.id,
    columns,
    inputs,
    target,
    timeLabels: source.timeLabels,
    raw,
    scaled,
    targetScaled,
    transform: o.transform,
    testRange: windowsOutsideRange(inputs.map((i) => model[i]), targetModel, spec, windows.test, {
      rows: scaler.fitRows,
      targetFirst: o.transform === 'level' ? 0 : spec.horizon,
    }),
    spec,
    split,
    scaler,
    windows,
    validationOn: windows.validation.length > 0 ? 'validation' : 'test',
    probe: { start: probeStart, end: probeStart + spec.window, targetRow: targetRow(spec, probeStart) },
    baseline: regressionMetrics(naiveLastValue(raw[target], spec, windows.test), windowTargets(raw[target], spec, windows.test)),
  };

  const data = windowData(meta);
  const task: Task = {
    id: taskId,
    loss: 'mse',
    inputSize: features.length,
    outputSize: 1,
    outputMode: 'last',
    seqLen: spec.window,
    classes: null,
    trainBatch: (rng, B) => windowBatch(data, spec, sampleStarts(rng, windows.train, B)),
    validation: windowBatch(data, spec, meta.validationOn === 'validation' ? windows.validation : windows.test),
    probe: windowBatch(data, spec, [probeStart]),
  };
  return { task, meta };
}

export interface ForecastCurve {
  /** Row of each predicted value. */
  rows: Int32Array;
  /** Predictions and truth in original units. */
  predicted: Float64Array;
  actual: Float64Array;
  metrics: RegressionMetrics;
}

export interface ForecastEvaluation {
  /** Every test window predicted from true past values. */
  oneStep: ForecastCurve;
  /** The naive last-value forecast on the same windows. */
  naive: ForecastCurve;
  /**
   * From the window just before the split line, predictions fed back as inputs across the whole test part;
   * null when impossible (horizon > 1, or the target is not an input).
   */
  recursive: ForecastCurve | null;
}

function curve(meta: ForecastMeta, rows: Int32Array, predicted: Float64Array): ForecastCurve {
  const actual = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) actual[k] = meta.raw[meta.target][rows[k]];
  return { rows, predicted, actual, metrics: regressionMetrics(predicted, actual) };
}

/**
 * Test-split forecasts and their metrics in original units, from any window predictor (e.g. the current net).
 * A predicted change becomes a value by applying it to the window's last observed value.
 */
export function evaluateForecast(meta: ForecastMeta, predict: WindowPredictor): ForecastEvaluation {
  const { spec, split, windows } = meta;
  const data = windowData(meta);
  const y = meta.raw[meta.target];
  const rowsOf = (starts: Int32Array) => starts.map((s) => targetRow(spec, s));
  const testRows = rowsOf(windows.test);
  const unscaled = (scaled: Float64Array) => inverseTransform(meta.scaler, meta.target, scaled);
  const oneStepChange = unscaled(predictWindows(data, spec, windows.test, predict));
  const oneStepLevel = oneStepChange.map((v, k) => toLevel(meta.transform, y[windows.test[k] + spec.window - 1], v));
  const oneStep = curve(meta, testRows, oneStepLevel);
  const naive = curve(meta, testRows, naiveLastValue(meta.raw[meta.target], spec, windows.test));

  const targetInput = meta.inputs.indexOf(meta.target);
  const start = split.testStart - spec.window;
  let recursive: ForecastCurve | null = null;
  if (spec.horizon === 1 && targetInput >= 0 && start >= 0) {
    const steps = split.rows - split.testStart;
    const rows = Int32Array.from({ length: steps }, (_, k) => split.testStart + k);
    const changes = unscaled(recursiveForecast(data, spec, start, steps, predict, targetInput));
    recursive = curve(meta, rows, chainLevels(meta.transform, y[split.testStart - 1], changes));
  }
  return { oneStep, naive, recursive };
}

/** Numeric columns of a parsed (validated) CSV as a series; the date column, if any, labels the rows. */
export function seriesFromTable(id: string, table: CsvTable, columns: readonly string[], dateColumn: string | null): SeriesSource {
  return { id, columns: columns.map((name) => ({ name, values: numericValues(table, name) })), timeLabels: timeLabels(table, dateColumn) };
}
