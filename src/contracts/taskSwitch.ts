/** How the config follows a change of task. */
import { DEFAULT_WINDOW_OF } from '../tasks/dataTasks.ts';
import { datasetInfo } from '../tasks/data/datasets.ts';
import { isDataTask } from '../tasks/registry.ts';
import type { TaskId } from '../tasks/taskSpec.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from './runConfig.ts';

/**
 * What picking `task` in the form changes besides the task: a dataset task starts from its own window length
 * and default columns (a target of another dataset would not exist); leaving the datasets restores the
 * synthetic tasks' sequence length.
 */
export function taskSwitchPatch(from: RunConfig, task: TaskId): Partial<RunConfig> {
  if (task === from.task) return {};
  if (!isDataTask(task)) return isDataTask(from.task) ? { task, seqLen: DEFAULT_RUN_CONFIG.seqLen } : { task };
  const kind = task === 'csv' ? 'series' : datasetInfo(task).kind;
  return { task, seqLen: DEFAULT_WINDOW_OF[kind], target: '', features: '' };
}
