/** Dataset-backed tasks (issue 5): built from data the page sends with the init message. */
import type { RunConfig } from '../store/runConfig.ts';
import type { CsvTable } from './csv/parse.ts';
import type { Task } from './task.ts';
import type { DataTaskId } from './registry.ts';

/** The raw data of a dataset task, as the page sends it to the worker. */
export type TaskData = { kind: 'table'; table: CsvTable } | { kind: 'text'; text: string };

export function createDataTask(id: DataTaskId, _config: RunConfig, data: TaskData | undefined): Task {
  // Placeholder until the dataset tasks are wired (issue 5).
  throw new Error(`the '${id}' task needs its data${data ? '' : ' (none was sent)'}`);
}
