/**
 * The lists and look-ups the rest of the app reads, all derived from the task table (catalogue.ts): which tasks
 * need data and where it comes from, which are text tasks, the picker's groups, and the generated tasks' builders.
 */
import { TASK_CATALOGUE, TASK_GROUPS, type GeneratorSpec, type TaskGroup, type TaskId, type TaskSource } from './catalogue.ts';
import { datasetInfo, type DatasetInfo, type DatasetKind } from './data/datasets.ts';
import type { Task } from './task.ts';

type Catalogue = typeof TASK_CATALOGUE;
type SourceOf<K extends TaskId> = Catalogue[K]['source'];

/** Every task id in table order (the URL's choices). */
export const TASK_IDS = Object.keys(TASK_CATALOGUE) as TaskId[];

/** Tasks whose data come from a file (bundled or uploaded) rather than a generator. */
export type DataTaskId = { [K in TaskId]: SourceOf<K>['from'] extends 'generator' ? never : K }[TaskId];
export type GeneratedTaskId = Exclude<TaskId, DataTaskId>;
/** Tasks whose data are a bundled dataset. */
export type DatasetTaskId = { [K in TaskId]: SourceOf<K>['from'] extends 'dataset' ? K : never }[TaskId];

const sourceOf = (id: TaskId): TaskSource => TASK_CATALOGUE[id].source;

export function isDataTask(id: TaskId): id is DataTaskId {
  return sourceOf(id).from !== 'generator';
}

/** The bundled dataset a task reads, or null (generated tasks, the upload). */
export function datasetOf(id: TaskId): DatasetInfo | null {
  const source = sourceOf(id);
  return source.from === 'dataset' ? datasetInfo(source.dataset) : null;
}

/** The kind of a data task's data (series, classification, text); null for generated tasks. */
export function dataKindOf(id: TaskId): DatasetKind | null {
  const source = sourceOf(id);
  if (source.from === 'generator') return null;
  return source.from === 'upload' ? source.kind : datasetInfo(source.dataset).kind;
}

/** Character tasks: one-hot symbols in, a softmax over the vocabulary out, and the text panel. */
export function isTextTask(id: TaskId): boolean {
  return dataKindOf(id) === 'text';
}

/** Tasks where both output modes make sense: config.outputMode applies. */
export const OUTPUT_MODE_TASKS: readonly TaskId[] = TASK_IDS.filter((id) => TASK_CATALOGUE[id].outputModes);

/** The picker's groups with their tasks, in table order. */
export const PICKER_GROUPS: readonly { group: TaskGroup; tasks: readonly TaskId[] }[] = TASK_GROUPS.map((group) => ({
  group,
  tasks: TASK_IDS.filter((id) => TASK_CATALOGUE[id].group === group),
}));

export const GENERATED_TASKS = Object.fromEntries(
  TASK_IDS.flatMap((id) => {
    const source = sourceOf(id);
    return source.from === 'generator' ? [[id, source.make]] : [];
  }),
) as Record<GeneratedTaskId, (spec: GeneratorSpec) => Task>;

export function createGeneratedTask(id: GeneratedTaskId, spec: GeneratorSpec): Task {
  const make = GENERATED_TASKS[id];
  if (!make) throw new Error(`unknown task '${id}' (have: ${Object.keys(GENERATED_TASKS).join(', ')})`);
  return make(spec);
}
