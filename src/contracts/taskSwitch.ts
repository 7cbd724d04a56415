/** How the config follows a change of task. */
import { DEFAULT_WINDOW_OF } from '../tasks/dataTasks.ts';
import { dataKindOf } from '../tasks/registry.ts';
import type { TaskId } from '../tasks/taskSpec.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from './runConfig.ts';

/**
 * What picking `task` in the form changes besides the task: a dataset task starts from its own window length
 * and default columns (a target of another dataset would not exist); leaving the datasets restores the
 * synthetic tasks' sequence length.
 */
export function taskSwitchPatch(from: RunConfig, task: TaskId): Partial<RunConfig> {
  if (task === from.task) return {};
  const kind = dataKindOf(task);
  if (!kind) return dataKindOf(from.task) ? { task, seqLen: DEFAULT_RUN_CONFIG.seqLen } : { task };
  return { task, seqLen: DEFAULT_WINDOW_OF[kind], target: '', features: '' };
}
