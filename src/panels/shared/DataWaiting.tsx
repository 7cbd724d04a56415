/**
 * What a data panel shows before its run has data: a progress line while the dataset loads, why the run could
 * not start (e.g. a window longer than the data allow), else a short wait for the first evaluation.
 */
import { useT } from '../../client/useT.ts';
import { useApp } from '../../client/useApp.ts';

export function DataWaiting() {
  const t = useT();
  const loading = useApp((s) => s.dataLoad.status === 'loading');
  const runError = useApp((s) => s.runError);
  if (runError && !loading) {
    return (
      <p className="panel-empty data-run-error" role="alert">
        {t('picker.runError', { message: runError })}
      </p>
    );
  }
  return loading ? (
    <div className="panel-empty data-waiting" role="status">
      <progress className="task-picker-progress" aria-label={t('data.loading')} />
      <span>{t('data.loading')}</span>
    </div>
  ) : (
    <p className="panel-empty">{t('data.waiting')}</p>
  );
}
