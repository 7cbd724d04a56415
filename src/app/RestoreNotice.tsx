/**
 * A run of task=csv on a table restored from this browser's storage that fails (the training fails, the data
 * cannot be used, or a panel cannot draw it) would fail again on every reload. Offer to start without it:
 * the stored table is removed and the first-load demo opens.
 */
import { useSyncExternalStore } from 'react';
import { useT } from '../client/useT.ts';
import { useApp } from '../client/useApp.ts';
import { csvStore } from '../store/csvPersist.ts';
import { DEFAULT_RUN_CONFIG } from '../contracts/runConfig.ts';
import { getUserCsv, isUserCsvRestored, setUserCsv, subscribeUserCsv } from '../tasks/userData.ts';
import { useClient } from '../client/clientContext.ts';
import { caughtErrorCount, subscribeCaughtErrors } from './ErrorBoundary.tsx';

export function RestoreNotice() {
  const t = useT();
  const client = useClient();
  const csv = useSyncExternalStore(subscribeUserCsv, getUserCsv);
  const onCsv = useApp((s) => s.config.task === 'csv');
  const runFailed = useApp((s) => s.failure !== null || s.dataLoad.status === 'error');
  const panelErrors = useSyncExternalStore(subscribeCaughtErrors, caughtErrorCount);
  if (!csv || !onCsv || !isUserCsvRestored() || !(runFailed || panelErrors > 0)) return null;

  const startFresh = (): void => {
    setUserCsv(null);
    client.start(DEFAULT_RUN_CONFIG);
    // Forgotten even if storage refuses: this page no longer uses it either way.
    csvStore.clear().catch(() => undefined);
  };
  return (
    <div className="banner banner-warning" role="alert" data-testid="restore-failed">
      <span className="banner-icon" aria-hidden="true">
        ⚠
      </span>
      <div className="banner-text">
        <strong>{t('restore.failed', { name: csv.name })}</strong> {t('restore.advice')}
      </div>
      <div className="banner-actions">
        <button type="button" className="btn btn-small" data-testid="restore-start-fresh" onClick={startFresh}>
          {t('restore.startFresh')}
        </button>
      </div>
    </div>
  );
}
