/**
 * Sequence classification on real sensor data, set up as fault diagnosis: a window of W rows × F
 * features → the class of the window's last row (many-to-one, softmax cross-entropy). Features are z-scored
 * with statistics of the training rows; the split is chronological.
 */
import type { SequenceBatch } from '../engine/network.ts';
import type { CsvTable } from './csv/parse.ts';
import { numericValues, timeLabels } from './csv/table.ts';
import type { SeriesColumn } from './forecast.ts';
import { argmaxRows, classCounts, classificationMetrics, confusionMatrix, type ClassificationMetrics } from './data/metrics.ts';
import { fitScaler, transform, type ScalerParams } from './data/scaler.ts';
import { chronologicalSplit, DEFAULT_SPLIT, type ChronoSplit, type SplitOptions } from './data/split.ts';
import { checkWindowSpec, sampleStarts, splitWindows, targetRow, windowBatch, type SplitWindows, type WindowData, type WindowSpec } from './data/windowing.ts';
import type { Task } from './task.ts';

/** Feature columns and a class index per row, oldest row first. */
export interface LabelledSource {
  id: string;
  columns: readonly SeriesColumn[];
  /** Class index 0…K−1 per row. */
  labels: Int32Array;
  classes: readonly string[];
  timeLabels: readonly string[] | null;
}

export interface ClassificationOptions extends SplitOptions {
  /** Timesteps per window (default 5: a short history already tells the classes apart). */
  window: number;
  stride: number;
  /** Feature columns; null = all of the source's columns. */
  features: readonly string[] | null;
  /** Which test window is the probe. */
  probeWindow: number;
}

const DEFAULT_CLASSIFICATION: ClassificationOptions = { ...DEFAULT_SPLIT, window: 5, stride: 1, features: null, probeWindow: 0 };

export interface ClassBalance {
  /** Rows of each class in the whole series. */
  rows: number[];
  /** Windows of each class (by their label) in the training and test parts. */
  train: number[];
  test: number[];
}

export interface ClassificationMeta {
  kind: 'classification';
  source: string;
  classes: readonly string[];
  features: string[];
  timeLabels: readonly string[] | null;
  raw: Float64Array[];
  scaled: Float64Array[];
  labels: Int32Array;
  spec: WindowSpec;
  split: ChronoSplit;
  /** z-score statistics of the training rows, per feature. */
  scaler: ScalerParams;
  windows: SplitWindows;
  validationOn: 'validation' | 'test';
  balance: ClassBalance;
  /** The probe window: rows [start, end) and the row whose label it predicts. */
  probe: { start: number; end: number; labelRow: number };
}

export interface ClassificationTask {
  task: Task;
  meta: ClassificationMeta;
}

function windowLabels(labels: Int32Array, spec: WindowSpec, starts: Int32Array): Int32Array {
  return starts.map((s) => labels[targetRow(spec, s)]);
}

export function classificationTask(source: LabelledSource, options: Partial<ClassificationOptions> = {}, taskId = 'classification'): ClassificationTask {
  const o: ClassificationOptions = { ...DEFAULT_CLASSIFICATION, ...options };
  const spec: WindowSpec = { window: o.window, horizon: 0, stride: o.stride };
  checkWindowSpec(spec);
  const K = source.classes.length;
  if (K < 2) throw new Error('classification needs at least two classes');
  const features = o.features ? [...o.features] : source.columns.map((c) => c.name);
  const raw = features.map((name) => {
    const c = source.columns.find((x) => x.name === name);
    if (!c) throw new Error(`no column '${name}' in ${source.id}`);
    return c.values;
  });
  const rows = source.labels.length;
  if (raw.some((c) => c.length !== rows)) throw new Error('every feature column needs one value per label');
  if (source.labels.some((l) => !(l >= 0 && l < K))) throw new Error(`labels must be class indices 0…${K - 1}`);

  const split = chronologicalSplit(rows, o);
  const scaler = fitScaler('zscore', raw, { trainEnd: split.trainEnd });
  const scaled = raw.map((c, k) => transform(scaler, k, c));
  const windows = splitWindows(spec, split);
  if (windows.train.length === 0 || windows.test.length === 0) throw new RangeError(`${rows} rows are too few for windows of ${spec.window}`);
  const probeStart = windows.test[Math.min(Math.max(0, Math.floor(o.probeWindow)), windows.test.length - 1)];
  const labels = source.labels;
  const meta: ClassificationMeta = {
    kind: 'classification',
    source: source.id,
    classes: source.classes,
    features,
    timeLabels: source.timeLabels,
    raw,
    scaled,
    labels,
    spec,
    split,
    scaler,
    windows,
    validationOn: windows.validation.length > 0 ? 'validation' : 'test',
    balance: {
      rows: classCounts(labels, K),
      train: classCounts(windowLabels(labels, spec, windows.train), K),
      test: classCounts(windowLabels(labels, spec, windows.test), K),
    },
    probe: { start: probeStart, end: probeStart + spec.window, labelRow: targetRow(spec, probeStart) },
  };

  const data: WindowData = { inputs: scaled, target: Float64Array.from(labels) };
  const task: Task = {
    id: taskId,
    loss: 'crossEntropy',
    inputSize: features.length,
    outputSize: K,
    outputMode: 'last',
    seqLen: spec.window,
    classes: source.classes,
    trainBatch: (rng, B) => windowBatch(data, spec, sampleStarts(rng, windows.train, B)),
    validation: windowBatch(data, spec, meta.validationOn === 'validation' ? windows.validation : windows.test),
    probe: windowBatch(data, spec, [probeStart]),
  };
  return { task, meta };
}

/** Class scores [B, K] for a batch of windows (e.g. the net's logits). */
export type LogitsPredictor = (batch: SequenceBatch) => ArrayLike<number>;

export interface ClassifierEvaluation {
  predicted: Int32Array;
  actual: Int32Array;
  /** counts[actual][predicted]. */
  confusion: number[][];
  metrics: ClassificationMetrics;
}

/** Accuracy, per-class precision/recall and the confusion matrix on the test windows. */
export function evaluateClassifier(meta: ClassificationMeta, predict: LogitsPredictor): ClassifierEvaluation {
  const K = meta.classes.length;
  const starts = meta.windows.test;
  const data: WindowData = { inputs: meta.scaled, target: Float64Array.from(meta.labels) };
  const logits = predict(windowBatch(data, meta.spec, starts));
  if (logits.length !== starts.length * K) throw new Error(`predict returned ${logits.length} scores for ${starts.length} windows × ${K} classes`);
  const predicted = argmaxRows(logits, K);
  const actual = windowLabels(meta.labels, meta.spec, starts);
  const confusion = confusionMatrix(predicted, actual, K);
  return { predicted, actual, confusion, metrics: classificationMetrics(confusion) };
}

/**
 * Feature columns and a label column of a parsed (validated) CSV. Distinct label values, in ascending order,
 * become classes 0…K−1, named by `classNames` or by the values themselves.
 */
export function labelledFromTable(
  id: string, table: CsvTable, features: readonly string[], labelColumn: string, dateColumn: string | null, classNames?: readonly string[],
): LabelledSource {
  const rawLabels = numericValues(table, labelColumn);
  const values = [...new Set(rawLabels)].sort((a, b) => a - b);
  if (classNames && classNames.length !== values.length) throw new Error(`${classNames.length} class names for ${values.length} label values`);
  const index = new Map(values.map((v, k) => [v, k]));
  return {
    id,
    columns: features.map((name) => ({ name, values: numericValues(table, name) })),
    labels: Int32Array.from(rawLabels, (v) => index.get(v)!),
    classes: classNames ?? values.map(String),
    timeLabels: timeLabels(table, dateColumn),
  };
}
