/**
 * The task picker: synthetic demos, memory benchmarks, the bundled real datasets and the user's own CSV, in
 * groups. Picking a dataset also sets its sensible defaults (window, target); its data load before the run
 * starts, with a progress line, and a failed load says why and leaves the current run as it was.
 */
import { useId } from 'react';
import { useClient } from '../client/clientContext.ts';
import { useT } from '../client/useT.ts';
import { useLang } from '../store/uiStore.ts';
import { useApp, useAppStore } from '../client/useApp.ts';
import type { TaskId } from '../tasks/taskSpec.ts';
import { taskSwitchPatch } from '../contracts/taskSwitch.ts';
import { datasetOf, PICKER_GROUPS, TASK_IDS } from '../tasks/registry.ts';
import { changeConfig } from '../store/actions.ts';
import './taskPicker.css';

/** One line under the picker: the dataset's full title and size. */
function DatasetLine({ task }: { task: TaskId }) {
  const t = useT();
  const lang = useLang();
  const info = datasetOf(task);
  if (!info) return null;
  return (
    <p className="field-hint task-picker-info">
      {info.title[lang]} · {t(info.kind === 'text' ? 'picker.lines' : 'picker.rows', { rows: info.rows })}
    </p>
  );
}

/** Loading progress, a failed load, or a run the worker could not start. */
function LoadStatus() {
  const t = useT();
  const load = useApp((s) => s.dataLoad);
  const runError = useApp((s) => s.runError);
  if (load.status === 'loading') {
    return (
      <div className="task-picker-status" role="status" data-testid="dataset-loading">
        <progress className="task-picker-progress" aria-label={t('picker.loading')} />
        <span>{t('picker.loading')}</span>
      </div>
    );
  }
  if (load.status === 'error' && load.task) {
    // The upload is the only source of the csv task's data, so its only failure is that there is none.
    const noCsv = load.task === 'csv';
    return (
      <p className="task-picker-error" role="alert" data-testid="dataset-error">
        {noCsv ? t('picker.noCsv') : t('picker.loadFailed', { task: t(`cfg.task.${load.task}`), message: load.message ?? '' })}
      </p>
    );
  }
  if (runError) {
    return (
      <p className="task-picker-error" role="alert" data-testid="run-error">
        {t('picker.runError', { message: runError })}
      </p>
    );
  }
  return null;
}

export function TaskPicker() {
  const t = useT();
  const client = useClient();
  const store = useAppStore();
  const config = useApp((s) => s.config);
  const id = useId();
  const pick = (task: TaskId): void => changeConfig(store, client, taskSwitchPatch(store.getState().config, task));
  return (
    <div className="field task-picker">
      {/* The label wraps the select, so both test ids reach it (Playwright follows a label to its control). */}
      <label className="field-label task-picker-label" htmlFor={id} data-testid="task-picker">
        {t('cfg.field.task')}
        <select
          id={id}
          className="input"
          data-testid="input-task"
          value={config.task}
          onChange={(e) => {
            const task = TASK_IDS.find((x) => x === e.target.value);
            if (task) pick(task);
          }}
        >
          {PICKER_GROUPS.map((g) => (
            <optgroup key={g.group} label={t(`picker.group.${g.group}`)}>
              {g.tasks.map((task) => (
                <option key={task} value={task}>
                  {t(`cfg.task.${task}`)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <DatasetLine task={config.task} />
      <LoadStatus />
    </div>
  );
}
