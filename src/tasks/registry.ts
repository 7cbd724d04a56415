/** The tasks a RunConfig can name, built from the config's sequence length. */
import type { TaskId } from '../store/runConfig.ts';
import { frequencyTask } from './frequency.ts';
import { sineTask } from './sine.ts';
import type { Task } from './task.ts';

export interface TaskOptions {
  seqLen: number;
}

export const TASKS: Record<TaskId, (options: TaskOptions) => Task> = {
  sine: ({ seqLen }) => sineTask({ seqLen }),
  frequency: ({ seqLen }) => frequencyTask({ seqLen }),
};

export function createTask(id: TaskId, options: TaskOptions): Task {
  const make = TASKS[id];
  if (!make) throw new Error(`unknown task '${id}' (have: ${Object.keys(TASKS).join(', ')})`);
  return make(options);
}
