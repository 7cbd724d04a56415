/**
 * The tasks a task spec can name. Synthetic and memory tasks are generated from the seed; dataset tasks need
 * their data (fetched or uploaded on the page and sent to the worker with the init message).
 */
import type { TaskId, TaskSpec } from './taskSpec.ts';
import { frequencyTask } from './frequency.ts';
import { memoryTask } from './memory.ts';
import { sineTask } from './sine.ts';
import type { Task } from './task.ts';

/** Tasks whose data come from a file rather than a generator. */
export const DATA_TASKS = ['airline', 'euStocks', 'co2', 'occupancy', 'shakespeare', 'tangHant', 'tangHans', 'csv'] as const satisfies readonly TaskId[];
export type DataTaskId = (typeof DATA_TASKS)[number];
export type GeneratedTaskId = Exclude<TaskId, DataTaskId>;

export function isDataTask(id: TaskId): id is DataTaskId {
  return (DATA_TASKS as readonly TaskId[]).includes(id);
}

/** Tasks where both output modes make sense (a target at every timestep, or only after the last): config.outputMode applies. */
export const OUTPUT_MODE_TASKS: readonly TaskId[] = ['sine'];

export const GENERATED_TASKS: Record<GeneratedTaskId, (config: TaskSpec) => Task> = {
  sine: ({ seqLen, outputMode }) => sineTask({ seqLen, outputMode }),
  frequency: ({ seqLen }) => frequencyTask({ seqLen }),
  adding: ({ seqLen }) => memoryTask('adding', seqLen),
  firstSymbol: ({ seqLen }) => memoryTask('firstSymbol', seqLen),
  temporalOrder: ({ seqLen }) => memoryTask('temporalOrder', seqLen),
};

export function createGeneratedTask(id: GeneratedTaskId, config: TaskSpec): Task {
  const make = GENERATED_TASKS[id];
  if (!make) throw new Error(`unknown task '${id}' (have: ${Object.keys(GENERATED_TASKS).join(', ')})`);
  return make(config);
}
