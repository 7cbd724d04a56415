/** Test fixtures for dataset tasks: the bundled files read from public/datasets/ in Node, and small CSVs. */
import { readFileSync } from 'node:fs';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import { parseCsv } from '../tasks/csv/parse.ts';
import { DATASETS, type DatasetId } from '../tasks/data/datasets.ts';
import { readDataset } from '../tasks/data/load.ts';
import { type TaskData } from '../tasks/dataTasks.ts';
import { taskSwitchPatch } from '../contracts/taskSwitch.ts';

/** A bundled dataset as the page would send it, read from public/datasets/. */
export function bundled(id: DatasetId): TaskData {
  const info = DATASETS.find((d) => d.id === id)!;
  const bytes = readFileSync(new URL(`../../public/datasets/${info.file}`, import.meta.url));
  const loaded = readDataset(info, new Uint8Array(bytes).buffer);
  return loaded.kind === 'text' ? { kind: 'text', text: loaded.text } : { kind: 'table', table: loaded.table };
}

/** The config the task picker makes when `id` is chosen. */
export function picked(id: DatasetId | 'csv', extra: Partial<RunConfig> = {}): RunConfig {
  return { ...DEFAULT_RUN_CONFIG, ...taskSwitchPatch(DEFAULT_RUN_CONFIG, id), ...extra };
}

/** A CSV text as the upload would send it. */
export function csvData(text: string, dateColumn: string | null = null): TaskData {
  const parsed = parseCsv(new TextEncoder().encode(text).buffer as ArrayBuffer);
  if (!parsed.ok) throw new Error(parsed.error.key);
  return { kind: 'table', table: parsed.table, dateColumn };
}

