/**
 * Dataset-backed tasks: built from data the page sends with the init message. The task spec's
 * data-pipeline fields (window = seqLen, horizon, stride, scaler, split, target, features, vocabulary)
 * override the dataset's defaults, so a URL plus the same data always rebuilds the same task.
 */
import type { TaskSpec } from './taskSpec.ts';
import type { CsvTable } from './csv/parse.ts';
import { forecastTask, seriesFromTable } from './forecast.ts';
import { builtinTask, type DataTask, type DataTaskMeta } from './data/builtin.ts';
import type { DatasetInfo } from './data/datasets.ts';
import type { Task } from './task.ts';
import { datasetOf, type DataTaskId } from './registry.ts';

/**
 * The raw data of a dataset task, as the page sends it to the worker: a parsed table (with the column that
 * labels its rows, for an uploaded CSV; built-in datasets know their own) or a text.
 */
export type TaskData = { kind: 'table'; table: CsvTable; dateColumn?: string | null } | { kind: 'text'; text: string };

/** A comma-separated column list of the URL ('' = none). */
export function columnList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Input columns of a forecast: the listed extra features (target first), or the target alone. */
function forecastInputs(config: TaskSpec, target: string): string[] {
  const extra = columnList(config.features).filter((c) => c !== target);
  return [target, ...extra];
}

function forecastOptions(config: TaskSpec) {
  return {
    window: config.seqLen,
    horizon: config.horizon,
    stride: config.stride,
    scaler: config.scaler,
    fitOnAll: config.fitOnAll,
    trainFraction: config.trainFraction,
    transform: config.transform,
  };
}

function builtin(info: DatasetInfo, config: TaskSpec, data: TaskData): DataTask {
  if (info.kind === 'text') {
    if (data.kind !== 'text') throw new Error(`the '${info.id}' task needs a text, got a table`);
    return builtinTask({ info, kind: 'text', text: data.text }, { text: { seqLen: config.seqLen, maxSymbols: config.maxSymbols } });
  }
  if (data.kind !== 'table') throw new Error(`the '${info.id}' task needs a table, got a text`);
  const loaded = { info, kind: 'table', table: data.table } as const;
  if (info.kind === 'classification') {
    const features = columnList(config.features);
    return builtinTask(loaded, {
      classification: {
        window: config.seqLen,
        stride: config.stride,
        trainFraction: config.trainFraction,
        ...(features.length > 0 ? { features } : {}),
      },
    });
  }
  const target = config.target || info.defaultTarget!;
  return builtinTask(loaded, { forecast: { ...forecastOptions(config), target, features: forecastInputs(config, target) } });
}

/** The user's CSV as a forecast of config.target (default: its first numeric column other than the date). */
function uploadTask(config: TaskSpec, data: TaskData): DataTask {
  if (data.kind !== 'table') throw new Error('the CSV task needs a table');
  const dateColumn = data.dateColumn ?? null;
  const numeric = data.table.columns.filter((c) => c.type === 'numeric' && c.name !== dateColumn).map((c) => c.name);
  const target = config.target || numeric[0];
  if (!target) throw new Error('the CSV has no numeric column to forecast');
  const inputs = forecastInputs(config, target);
  return forecastTask(seriesFromTable('csv', data.table, inputs, dateColumn), { ...forecastOptions(config), target, features: inputs }, 'csv');
}

/** The task and the plain-data description the pipeline, metrics and text panels draw. */
export function buildDataTask(id: DataTaskId, config: TaskSpec, data: TaskData | undefined): DataTask {
  if (!data) throw new Error(`the '${id}' task needs its data (none was sent)`);
  const info = datasetOf(id);
  return info ? builtin(info, config, data) : uploadTask(config, data);
}

/** Window length a dataset kind starts with: 10 days for forecasts, 5 timesteps for fault diagnosis, 40 characters. */
export const DEFAULT_WINDOW_OF: Record<DatasetInfo['kind'], number> = { series: 10, classification: 5, text: 40 };

/** Meta of the tasks createDataTask built, so the worker's evaluations find it from the run's Task. */
const METAS = new WeakMap<Task, DataTaskMeta>();

export function createDataTask(id: DataTaskId, config: TaskSpec, data: TaskData | undefined): Task {
  const { task, meta } = buildDataTask(id, config, data);
  METAS.set(task, meta);
  return task;
}

/** The meta of a task createDataTask built; null for generated tasks. */
export function dataTaskMeta(task: Task): DataTaskMeta | null {
  return METAS.get(task) ?? null;
}
