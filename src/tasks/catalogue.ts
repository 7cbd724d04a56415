/**
 * Every task in one table. The task id type, the URL's task choices, the picker's groups, the list of text
 * tasks, where each task's data come from and its dictionary keys (`cfg.task.<id>`, `picker.group.<group>`) are
 * all read from here (registry.ts derives the lists), so adding a task is one entry here plus its strings in
 * both dictionaries; tests/unit/taskCatalogue.test.ts fails when an entry lacks any part.
 */
import type { OutputMode } from '../engine/config.ts';
import type { DatasetId, DatasetKind } from './data/datasets.ts';
import { frequencyTask } from './frequency.ts';
import { memoryTask } from './memory.ts';
import { sineTask } from './sine.ts';
import type { Task } from './task.ts';

/** What a generator needs from the task spec (a generated task has no data pipeline). */
export interface GeneratorSpec {
  seqLen: number;
  outputMode: OutputMode;
}

/**
 * Where a task's data come from: a seeded generator, a dataset bundled in public/datasets/ (fetched by the page
 * and sent to the worker), or the user's upload (a table forecast like the bundled series).
 */
export type TaskSource =
  | { from: 'generator'; make: (spec: GeneratorSpec) => Task }
  | { from: 'dataset'; dataset: DatasetId }
  | { from: 'upload'; kind: DatasetKind };

/** Picker groups, in the order a course meets them; each has the dictionary key `picker.group.<group>`. */
export const TASK_GROUPS = ['demo', 'memory', 'forecast', 'classification', 'text', 'own'] as const;
export type TaskGroup = (typeof TASK_GROUPS)[number];

export interface TaskEntry {
  group: TaskGroup;
  source: TaskSource;
  /** Whether both output modes make sense (a target at every timestep, or only after the last). */
  outputModes: boolean;
}

/** The tasks in picker order; each has the dictionary key `cfg.task.<id>`. */
export const TASK_CATALOGUE = {
  sine: { group: 'demo', source: { from: 'generator', make: ({ seqLen, outputMode }) => sineTask({ seqLen, outputMode }) }, outputModes: true },
  frequency: { group: 'demo', source: { from: 'generator', make: ({ seqLen }) => frequencyTask({ seqLen }) }, outputModes: false },
  adding: { group: 'memory', source: { from: 'generator', make: ({ seqLen }) => memoryTask('adding', seqLen) }, outputModes: false },
  firstSymbol: { group: 'memory', source: { from: 'generator', make: ({ seqLen }) => memoryTask('firstSymbol', seqLen) }, outputModes: false },
  temporalOrder: { group: 'memory', source: { from: 'generator', make: ({ seqLen }) => memoryTask('temporalOrder', seqLen) }, outputModes: false },
  airline: { group: 'forecast', source: { from: 'dataset', dataset: 'airline' }, outputModes: false },
  euStocks: { group: 'forecast', source: { from: 'dataset', dataset: 'euStocks' }, outputModes: false },
  co2: { group: 'forecast', source: { from: 'dataset', dataset: 'co2' }, outputModes: false },
  occupancy: { group: 'classification', source: { from: 'dataset', dataset: 'occupancy' }, outputModes: false },
  shakespeare: { group: 'text', source: { from: 'dataset', dataset: 'shakespeare' }, outputModes: false },
  tangHant: { group: 'text', source: { from: 'dataset', dataset: 'tangHant' }, outputModes: false },
  tangHans: { group: 'text', source: { from: 'dataset', dataset: 'tangHans' }, outputModes: false },
  csv: { group: 'own', source: { from: 'upload', kind: 'series' }, outputModes: false },
} as const satisfies Record<string, TaskEntry>;

/** Synthetic demos, long-range memory benchmarks, bundled real datasets, and the user's own CSV. */
export type TaskId = keyof typeof TASK_CATALOGUE;
