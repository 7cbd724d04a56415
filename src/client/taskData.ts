/**
 * The page's side of dataset tasks: the data a run needs before it can start. Built-in datasets are fetched
 * once from the app's own datasets/ folder (relative to the page, so a copy in a sub-folder works) and kept;
 * the 'csv' task takes the user's upload (tasks/userData.ts). The trainer client asks for them by key.
 */
import type { RunConfig } from '../contracts/runConfig.ts';
import type { DatasetId } from '../tasks/data/datasets.ts';
import { fetchDataset, type LoadedDataset } from '../tasks/data/load.ts';
import type { TaskData } from '../tasks/dataTasks.ts';
import { datasetOf, isDataTask } from '../tasks/registry.ts';
import { userCsvVersion } from '../tasks/userData.ts';
import { loadUserCsv } from '../store/csvPersist.ts';
import type { TaskDataSource } from './trainerClient.ts';

/** The 'csv' task was chosen (e.g. from a link) but no file has been uploaded in this page. */
export class NoUserCsvError extends Error {
  constructor() {
    super('no CSV file has been loaded in this page');
    this.name = 'NoUserCsvError';
  }
}

/** Which data a run of `config` needs: the dataset, or the upload's version; null for generated tasks. */
export function taskDataKey(config: Pick<RunConfig, 'task'>): string | null {
  if (!isDataTask(config.task)) return null;
  return datasetOf(config.task) ? config.task : `${config.task}#${userCsvVersion()}`;
}

/** Where the app is served from (its datasets/ folder sits beside index.html). */
export function appRoot(): URL {
  return new URL(import.meta.env.BASE_URL, window.location.href);
}

function toTaskData(loaded: LoadedDataset): TaskData {
  return loaded.kind === 'text' ? { kind: 'text', text: loaded.text } : { kind: 'table', table: loaded.table };
}

const cache = new Map<DatasetId, Promise<TaskData>>();

/** The data of a dataset task; built-in files are fetched once per page (a failed fetch is retried next time). */
export function loadTaskData(config: Pick<RunConfig, 'task'>, fetchFn: typeof fetch = fetch, root?: string | URL): Promise<TaskData> {
  const id = config.task;
  if (!isDataTask(id)) return Promise.reject(new Error(`the '${id}' task generates its own data`));
  const info = datasetOf(id);
  if (!info) {
    // The upload: this page's, or the one an earlier visit left in IndexedDB (a reload loses nothing).
    return loadUserCsv().then((csv) => (csv ? { kind: 'table', table: csv.table, dateColumn: csv.dateColumn } : Promise.reject(new NoUserCsvError())));
  }
  let pending = cache.get(info.id);
  if (!pending) {
    pending = fetchDataset(info, root ?? appRoot(), fetchFn).then(toTaskData);
    cache.set(info.id, pending);
    pending.catch(() => cache.delete(info.id));
  }
  return pending;
}

/** The trainer client's source of dataset-task data on the page. */
export const pageTaskData: TaskDataSource = { key: taskDataKey, load: (config) => loadTaskData(config) };
