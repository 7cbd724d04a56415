/**
 * "Your own CSV": a dialog with a drop zone and a file picker; the file is parsed in a worker (with progress),
 * refused with its specific message or previewed with its column types; the user picks date, inputs and
 * target, applies the remedies offered, and trains. Until then nothing touches the current run: a broken file
 * leaves the session exactly as it was. The file never leaves the browser; the table the user trains on is
 * kept in IndexedDB so a reload finds it.
 */
import { useEffect, useReducer, useRef, useState, useSyncExternalStore, type DragEvent } from 'react';
import { useClient } from '../client/clientContext.ts';
import { useT } from '../client/useT.ts';
import { type AppState } from '../store/appStore.ts';
import { useApp, useAppStore } from '../client/useApp.ts';
import { DEFAULT_RUN_CONFIG } from '../contracts/runConfig.ts';
import { csvStore, CsvNotKeptError, type NotKept } from '../store/csvPersist.ts';
import { isAbort, latestCsvReader } from '../tasks/csv/csvClient.ts';
import { encodingLabel } from '../tasks/csv/decode.ts';
import { DELIMITERS, delimiterLabel } from '../tasks/csv/records.ts';
import { taskSwitchPatch } from '../contracts/taskSwitch.ts';
import type { CsvRequirements } from '../tasks/csv/validate.ts';
import { getUserCsv, setUserCsv, subscribeUserCsv } from '../tasks/userData.ts';
import { Modal } from './Modal.tsx';
import { canTrain, csvFlowReducer, csvRequirements, csvRunConfig, IDLE, type CsvFlow, type CsvFlowEvent, type FlowMessage, type ReadOptions } from './csv/csvFlow.ts';
import { ColumnPickers, CsvPreview } from './csv/CsvTableView.tsx';
import { CsvIssues } from './csv/CsvIssues.tsx';
import { CsvReading } from './csv/CsvReading.tsx';
import { CsvNotKeptNotice, LostCsvReason } from './csv/CsvStorageNotes.tsx';
import './csv/csv.css';
import { DismissButton } from './DismissButton.tsx';

/** Extensions offered by the file picker (any file can still be dropped: the parser says what is wrong). */
const ACCEPT = '.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain';

/** What a CSV run would ask of the data (window, horizon, split), as the sidebar stands. */
function useRequirements(): CsvRequirements {
  const window = useApp((s) => csvRequirements(s.config).window);
  const horizon = useApp((s) => s.config.horizon);
  const trainFraction = useApp((s) => s.config.trainFraction);
  return { window, horizon, trainFraction };
}

/** The flow and the file behind it (kept for a re-read with another encoding or separator). */
function useCsvFlow() {
  const req = useRequirements();
  const reqRef = useRef(req);
  reqRef.current = req;
  const [state, dispatch] = useReducer((s: CsvFlow, e: CsvFlowEvent) => csvFlowReducer(s, e, reqRef.current), IDLE);
  const file = useRef<Blob | null>(null);
  /** Bumped per read: a slow parse of an older file must not overwrite a newer one. */
  const reads = useRef(0);
  /** A new read stops the worker still parsing the older file. */
  const [parse] = useState(() => latestCsvReader());

  useEffect(() => dispatch({ type: 'requirements' }), [req.window, req.horizon, req.trainFraction]);

  const read = async (blob: Blob, fileName: string, options: ReadOptions = {}): Promise<void> => {
    const id = ++reads.current;
    file.current = blob;
    dispatch({ type: 'read', fileName, bytes: blob.size });
    try {
      const buffer = await blob.arrayBuffer();
      // Cancelled (or replaced) while the bytes were read: no worker is started for them.
      if (id !== reads.current) return;
      const result = await parse(buffer, {
        ...options,
        onProgress: (progress) => id === reads.current && dispatch({ type: 'progress', progress }),
      });
      if (id === reads.current) dispatch({ type: 'parsed', result });
    } catch (e) {
      if (id === reads.current && !isAbort(e)) dispatch({ type: 'crashed', message: e instanceof Error ? e.message : String(e) });
    }
  };
  const cancel = (): void => {
    reads.current++;
    parse.cancel();
    dispatch({ type: 'cancelled' });
  };
  const reread = (options: ReadOptions): void => {
    if (file.current && state.phase === 'failed') void read(file.current, state.fileName, options);
  };
  return { state, dispatch, read, reread, cancel };
}

function Message(props: { message: FlowMessage }) {
  const t = useT();
  return <>{t(props.message.key, props.message.params)}</>;
}

function DropZone(props: { onFile: (f: File) => void; busy: boolean }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f) props.onFile(f);
  };
  // The hidden file input sits beside the drop zone, not inside it: an input within a role=button is a nested control.
  return (
    <>
    <div
      className={`csv-drop${over ? ' csv-drop-over' : ''}`}
      role="button"
      tabIndex={0}
      data-autofocus
      aria-describedby="csv-drop-hint"
      data-testid="csv-dropzone"
      onClick={() => input.current?.click()}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          input.current?.click();
        }
      }}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <strong>{t('csvUi.drop')}</strong>
      <span id="csv-drop-hint" className="viz-note">
        {t('csvUi.dropHint')}
      </span>
    </div>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('csvUi.pick')}
        data-testid="csv-file-input"
        disabled={props.busy}
        onChange={(e) => {
          const f = e.target.files?.[0];
          // Cleared, so picking the same (fixed) file again reads it again.
          e.target.value = '';
          if (f) props.onFile(f);
        }}
      />
    </>
  );
}

function ReadFailure(props: { state: Extract<CsvFlow, { phase: 'failed' }>; onReread: (o: ReadOptions) => void }) {
  const t = useT();
  const { state } = props;
  return (
    <div className="banner banner-error csv-error" role="alert" data-testid="csv-error" data-key={state.error.key}>
      <div className="banner-text">
        <strong>{state.fileName}</strong>: <Message message={state.error} />
        {state.suggestedEncoding || state.canChooseDelimiter ? (
          <div className="csv-remedies">
            {state.suggestedEncoding ? (
              <button type="button" className="btn btn-small" data-testid="csv-remedy-readAs" onClick={() => props.onReread({ encoding: state.suggestedEncoding! })}>
                {t('csv.remedy.readAs', { encoding: encodingLabel(state.suggestedEncoding) })}
              </button>
            ) : null}
            {state.canChooseDelimiter
              ? DELIMITERS.map((d) => (
                  <button key={d} type="button" className="btn btn-small" data-testid="csv-remedy-delimiter" onClick={() => props.onReread({ delimiter: d })}>
                    {t('csvUi.readWith', { delimiter: delimiterLabel(d) })}
                  </button>
                ))
              : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}

function CsvUploadDialog(props: { flow: ReturnType<typeof useCsvFlow>; onClose: () => void; onNotKept: (n: NotKept) => void }) {
  const t = useT();
  const client = useClient();
  const store = useAppStore();
  const { state, dispatch, read, reread, cancel } = props.flow;
  const onCsvTask = useApp((s) => s.config.task === 'csv');
  const userCsv = useSyncExternalStore(subscribeUserCsv, getUserCsv);
  const current = onCsvTask ? userCsv : null;

  const train = (): void => {
    if (!canTrain(state)) return;
    const csv = { name: state.fileName, table: state.table, dateColumn: state.selection.dateColumn };
    setUserCsv(csv);
    csvStore.save(csv).catch((e: unknown) => {
      if (e instanceof CsvNotKeptError) props.onNotKept(e.notKept);
    });
    const config = csvRunConfig(store.getState().config, state.selection);
    client.start(config, { kind: 'table', table: csv.table, dateColumn: csv.dateColumn });
    client.play();
    props.onClose();
  };

  return (
    <Modal title={t('csvUi.title')} testId="csv-upload" onClose={props.onClose} className="csv-dialog">
      <p className="csv-privacy" data-testid="csv-privacy">
        <svg className="csv-lock" viewBox="0 0 16 16" aria-hidden="true">
          <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
          <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
        {t('csvUi.privacy')}
      </p>
      {current ? (
        <p className="viz-note" data-testid="csv-current">
          {t('csvUi.current', { file: current.name, rows: current.table.rowCount })}
        </p>
      ) : null}
      <DropZone onFile={(f) => void read(f, f.name)} busy={state.phase === 'reading'} />

      {state.phase === 'reading' ? <CsvReading state={state} onCancel={cancel} /> : null}

      {state.phase === 'failed' ? <ReadFailure state={state} onReread={reread} /> : null}

      {state.phase === 'loaded' ? (
        <div className="csv-loaded" data-testid="csv-loaded">
          <p>
            <strong>{state.fileName}</strong> — {t('csvUi.summary', { rows: state.table.rowCount, columns: state.table.columns.length })}
          </p>
          {state.selection ? <ColumnPickers table={state.table} selection={state.selection} onChange={(patch) => dispatch({ type: 'select', patch })} /> : null}
          <CsvIssues issues={state.issues} notes={state.notes} canSort={state.selection?.dateColumn != null} onRemedy={(remedy) => dispatch({ type: 'remedy', remedy })} />
          <CsvPreview table={state.table} selection={state.selection} />
          <div className="csv-actions">
            <button type="button" className="btn btn-primary" data-testid="csv-train" disabled={!canTrain(state)} onClick={train}>
              {t('csvUi.train')}
            </button>
            <span className="viz-note">{canTrain(state) ? t('csvUi.trainNote') : t('csvUi.trainBlocked')}</span>
          </div>
        </div>
      ) : null}
    </Modal>
  );
}

/** A task=csv page (a reload, a link) whose file this browser does not hold: there is no run at all. */
function stuckWithoutCsv(s: Pick<AppState, 'config' | 'dataLoad'>): boolean {
  return s.config.task === 'csv' && s.dataLoad.status === 'error' && s.dataLoad.task === 'csv';
}

/** Falls back to the default task when the CSV a page asks for is not stored here; true once it did. */
function useMissingCsvFallback(): [boolean, () => void] {
  const client = useClient();
  const store = useAppStore();
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    const check = (s: AppState): void => {
      if (!stuckWithoutCsv(s)) return;
      setMissing(true);
      // The CSV's columns mean nothing to the default task.
      client.start({ ...s.config, ...taskSwitchPatch(s.config, DEFAULT_RUN_CONFIG.task), target: '', features: '' });
    };
    check(store.getState());
    return store.subscribe(check);
  }, [client, store]);
  return [missing, () => setMissing(false)];
}

/** The header button; the flow lives here so closing the dialog keeps the file, its choices and its fixes. */
export function CsvUploadButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const flow = useCsvFlow();
  const [missing, dismiss] = useMissingCsvFallback();
  const [notKept, setNotKept] = useState<NotKept | null>(null);
  return (
    <div className="csv-upload-anchor">
      <button type="button" className="btn btn-ghost" data-testid="btn-csv-upload" title={t('csvUi.openTitle')} onClick={() => setOpen(true)}>
        {t('csvUi.open')}
      </button>
      {missing ? (
        <div className="popover csv-missing" role="alert" data-testid="csv-missing">
          <span>
            {t('csvUi.missing')}
            <LostCsvReason />
          </span>
          <DismissButton ghost={false} onDismiss={dismiss} />
        </div>
      ) : null}
      {notKept ? <CsvNotKeptNotice notKept={notKept} onDismiss={() => setNotKept(null)} /> : null}
      {open ? (
        <CsvUploadDialog
          flow={flow}
          onNotKept={setNotKept}
          onClose={() => {
            setOpen(false);
            dismiss();
          }}
        />
      ) : null}
    </div>
  );
}
