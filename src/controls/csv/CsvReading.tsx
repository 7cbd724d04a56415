/** A file being read: its name and size, rows read so far, a warning for a big file, and Cancel. */
import { useT } from '../../client/useT.ts';
import { formatBytes, LARGE_FILE_BYTES, type CsvFlow } from './csvFlow.ts';

export function CsvReading(props: { state: Extract<CsvFlow, { phase: 'reading' }>; onCancel: () => void }) {
  const t = useT();
  const { state } = props;
  return (
    <div className="csv-progress" data-testid="csv-progress" role="status">
      <progress max={1} value={state.fraction} aria-label={t('csvUi.reading', { file: state.fileName })} />
      <span>
        {t('csvUi.fileSize', { file: state.fileName, size: formatBytes(state.bytes) })} — {t('csv.progress', { rows: state.rows })}
      </span>
      <button type="button" className="btn btn-small" data-testid="csv-cancel" onClick={props.onCancel}>
        {t('csvUi.cancel')}
      </button>
      {state.bytes > LARGE_FILE_BYTES ? (
        <p className="viz-note" data-testid="csv-big-file">
          {t('csvUi.bigFile', { size: formatBytes(state.bytes), limit: formatBytes(LARGE_FILE_BYTES) })}
        </p>
      ) : null}
    </div>
  );
}
