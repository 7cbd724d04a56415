/**
 * A task from a bundled dataset with sensible defaults: the series forecast their default column, the sensor
 * data classify occupancy from all five readings, the texts train a character model (the Tang poems on their
 * 500 most frequent characters, which cover about 78% of the text). The Task's id is the dataset's id.
 */
import { classificationTask, labelledFromTable, type ClassificationMeta, type ClassificationOptions, type ClassificationTask } from '../classification.ts';
import { forecastTask, seriesFromTable, type ForecastMeta, type ForecastOptions, type ForecastTask } from '../forecast.ts';
import { textTask, type TextMeta, type TextOptions, type TextTask } from '../text.ts';
import type { DatasetId } from './datasets.ts';
import type { LoadedDataset } from './load.ts';

export type DataTask = ForecastTask | ClassificationTask | TextTask;
export type DataTaskMeta = ForecastMeta | ClassificationMeta | TextMeta;

/** Vocabulary limit per text: one-hot inputs over all 2.6k Tang characters would be slow and mostly empty. */
const TEXT_MAX_SYMBOLS: Partial<Record<DatasetId, number | null>> = { shakespeare: null, tangHant: 500, tangHans: 500 };

export interface BuiltinOverrides {
  forecast?: Partial<ForecastOptions>;
  classification?: Partial<ClassificationOptions>;
  text?: Partial<TextOptions>;
}

export function builtinTask(loaded: LoadedDataset, overrides: BuiltinOverrides = {}): DataTask {
  const { info } = loaded;
  if (loaded.kind === 'text') {
    return textTask({ id: info.id, text: loaded.text }, { maxSymbols: TEXT_MAX_SYMBOLS[info.id] ?? null, ...overrides.text }, info.id);
  }
  const table = loaded.table;
  const dateColumn = info.columns.find((c) => c.role === 'date')?.name ?? null;
  if (info.kind === 'classification') {
    const features = overrides.classification?.features ?? info.columns.filter((c) => c.role === 'value').map((c) => c.name);
    const source = labelledFromTable(info.id, table, features, info.defaultTarget!, dateColumn, info.classes?.en);
    return classificationTask(source, { ...overrides.classification, features }, info.id);
  }
  const target = overrides.forecast?.target ?? info.defaultTarget!;
  const features = overrides.forecast?.features ?? [target];
  const source = seriesFromTable(info.id, table, [...new Set([...features, target])], dateColumn);
  return forecastTask(source, { ...overrides.forecast, target, features }, info.id);
}
