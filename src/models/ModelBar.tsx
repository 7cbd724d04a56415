/**
 * Models in and out of the page: open a model or session (dialog, or a file dropped anywhere), export the
 * weights or a PyTorch script, save the session; the message line with offers for a model that does not fit;
 * and the autosave/restore of the running session. The work itself is in modelActions.ts.
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useClient } from '../client/clientContext.ts';
import { Modal } from '../controls/Modal.tsx';
import { useLang } from '../store/uiStore.ts';
import { useT } from '../client/useT.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { useApp, useAppStore } from '../client/useApp.ts';
import type { FitOffer } from './fit.ts';
import { acceptOffer, cancelPending, exportFile, openCheckpoint, openFile, type Download, type ExportKind } from './modelActions.ts';
import { CHECKPOINTS, checkpointById } from './checkpoints.ts';
import { readModelFile } from './modelReaderClient.ts';
import { useModelUi } from './modelUi.ts';
import { usePersistence } from './usePersistence.ts';
import './models.css';
import { DismissButton } from '../controls/DismissButton.tsx';

function download(d: Download): void {
  const blob = new Blob([d.content as BlobPart], { type: d.type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = d.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function useOpenFile(): (file: File) => void {
  const store = useAppStore();
  const client = useClient();
  return (file) => void openFile(store, client, file, readModelFile);
}

function OpenDialog(props: { onClose: () => void }) {
  const t = useT();
  const open = useOpenFile();
  const onPick = (e: ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    props.onClose();
    open(file);
  };
  return (
    <Modal title={t('models.dialogTitle')} testId="model-dialog" onClose={props.onClose} className="model-dialog">
      <label className="model-field">
        <span className="model-field-label">{t('models.modelFile')}</span>
        <input type="file" accept=".safetensors,.json,application/json" data-testid="model-file-input" data-autofocus onChange={onPick} />
        <span className="model-hint">{t('models.modelFileHint')}</span>
      </label>
      <label className="model-field">
        <span className="model-field-label">{t('models.sessionFile')}</span>
        <input type="file" accept=".json,application/json" data-testid="session-file-input" onChange={onPick} />
        <span className="model-hint">{t('models.sessionFileHint')}</span>
      </label>
      <p className="model-hint">{t('models.dropHint')}</p>
    </Modal>
  );
}

const EXPORTS: [ExportKind, string, MessageKey][] = [
  ['safetensors', 'export-safetensors', 'models.exportSafetensors'],
  ['stateDict', 'export-state-dict', 'models.exportStateDict'],
  ['pytorch', 'export-pytorch', 'models.exportPytorch'],
];

function ExportMenu() {
  const t = useT();
  const store = useAppStore();
  const client = useClient();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent): void => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);
  const run = (kind: ExportKind): void => {
    setOpen(false);
    void exportFile(store, client, kind).then((d) => d && download(d));
  };
  return (
    <div className="model-menu" ref={root}>
      <button type="button" className="btn" data-testid="btn-model-export" aria-expanded={open} title={t('models.exportTitle')} onClick={() => setOpen(!open)}>
        {t('models.export')} ▾
      </button>
      {open ? (
        <ul className="model-menu-list" role="menu">
          {EXPORTS.map(([kind, testId, label]) => (
            <li key={kind} role="none">
              <button type="button" role="menuitem" className="btn btn-ghost" data-testid={testId} onClick={() => run(kind)}>
                {t(label)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Start a lesson from a shipped trained model (a session file, so Play continues its training exactly). */
function CheckpointPicker() {
  const t = useT();
  const store = useAppStore();
  const client = useClient();
  const onChange = (e: ChangeEvent<HTMLSelectElement>): void => {
    const c = checkpointById(e.target.value);
    e.target.value = '';
    if (c) void openCheckpoint(store, client, c);
  };
  return (
    <label className="model-checkpoint">
      <span className="toolbar-label">{t('models.checkpoint')}</span>
      <select className="input input-inline" data-testid="checkpoint-select" value="" onChange={onChange}>
        <option value="">{t('models.checkpointNone')}</option>
        {CHECKPOINTS.map((c) => (
          <option key={c.id} value={c.id}>
            {t(c.title)}
          </option>
        ))}
      </select>
    </label>
  );
}

function offerLabel(t: ReturnType<typeof useT>, offer: FitOffer, outputSize: number): string {
  if (offer.kind === 'newHead') return t('models.offerNewHead', { n: outputSize });
  const task = t(`cfg.task.${offer.task}` as MessageKey);
  return offer.newHead ? t('models.offerTaskNewHead', { task }) : t('models.offerTask', { task });
}

function PendingModel() {
  const t = useT();
  const store = useAppStore();
  const client = useClient();
  const pending = useModelUi((s) => s.pending);
  if (!pending) return null;
  const { fit } = pending;
  const lines: string[] = [];
  if (fit.input.model !== fit.input.task) lines.push(t('models.mismatchInput', fit.input));
  if (fit.output.model === null) lines.push(t('models.mismatchNoHead', { task: fit.output.task }));
  else if (fit.output.model !== fit.output.task) lines.push(t('models.mismatchOutput', { model: fit.output.model, task: fit.output.task }));
  if (!fit.offers.some((o) => o.kind === 'task')) lines.push(t('models.mismatchNone', { n: fit.input.model }));
  else lines.push(t('models.csvHint', { n: fit.input.model }));
  return (
    <div className="banner banner-warning" role="alert" data-testid="model-mismatch">
      <span className="banner-icon" aria-hidden="true">
        ⓘ
      </span>
      <div className="banner-text">
        <strong>{pending.fileName}</strong>
        {lines.map((l) => (
          <p key={l}>{l}</p>
        ))}
      </div>
      <div className="banner-actions">
        {fit.offers.map((o, k) => (
          <button key={k} type="button" className="btn btn-small" data-testid={`fit-offer-${o.kind === 'task' ? o.task : 'new-head'}`} onClick={() => acceptOffer(store, client, o)}>
            {offerLabel(t, o, fit.output.task)}
          </button>
        ))}
        <button type="button" className="btn btn-small btn-ghost" data-testid="fit-cancel" onClick={cancelPending}>
          {t('models.cancel')}
        </button>
      </div>
    </div>
  );
}

function MessageLine() {
  const t = useT();
  const message = useModelUi((s) => s.message);
  const reading = useModelUi((s) => s.reading);
  if (reading) {
    return (
      <p className="model-message" role="status" data-testid="model-reading">
        {t('models.reading', { file: reading.fileName, pct: Math.round(reading.fraction * 100) })}
        <progress max={1} value={reading.fraction} />
      </p>
    );
  }
  if (!message) return null;
  return (
    <p className={`model-message model-message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="model-message" data-kind={message.kind}>
      {t(message.key, message.vars)}
    </p>
  );
}

function RestoreNotice(props: { onStartFresh: () => void }) {
  const t = useT();
  const lang = useLang();
  const restored = useModelUi((s) => s.restored);
  if (!restored) return null;
  const time = new Date(restored.savedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  return (
    <div className="banner restore-notice" role="status" data-testid="restore-notice">
      <span className="banner-icon" aria-hidden="true">
        ↻
      </span>
      <div className="banner-text">{t('models.restored', { time, step: restored.step })}</div>
      <div className="banner-actions">
        <button type="button" className="btn btn-small" data-testid="btn-start-fresh" onClick={props.onStartFresh}>
          {t('models.startFresh')}
        </button>
      </div>
    </div>
  );
}

function StorageWarning() {
  const t = useT();
  const [open, setOpen] = useState(true);
  const problem = useModelUi((s) => s.storageProblem);
  if (!problem || !open) return null;
  return (
    <div className="banner banner-warning" role="status" data-testid="storage-warning">
      <div className="banner-text">{t('models.storageUnavailable', { message: problem })}</div>
      <div className="banner-actions">
        <DismissButton onDismiss={() => setOpen(false)} />
      </div>
    </div>
  );
}

/** Files dropped anywhere on the page are opened (a model or a session); a dialog's own drop zone keeps its drops. */
function useDropToOpen(open: (file: File) => void): boolean {
  const [over, setOver] = useState(false);
  const latest = useRef(open);
  latest.current = open;
  useEffect(() => {
    const hasFiles = (e: DragEvent): boolean => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const inDialog = (e: DragEvent): boolean => e.target instanceof Element && e.target.closest('dialog, [role="dialog"]') !== null;
    const onOver = (e: DragEvent): void => {
      if (!hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault();
      setOver(!inDialog(e));
    };
    const onLeave = (e: DragEvent): void => {
      if (e.relatedTarget === null) setOver(false);
    };
    const onDrop = (e: DragEvent): void => {
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (!file || e.defaultPrevented) return;
      e.preventDefault();
      latest.current(file);
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  return over;
}

export function ModelBar() {
  const t = useT();
  const store = useAppStore();
  const client = useClient();
  const compare = useApp((s) => s.config.compare);
  const [dialog, setDialog] = useState(false);
  const open = useOpenFile();
  const dragging = useDropToOpen(open);
  const { startFresh } = usePersistence();
  const autosavedStep = useModelUi((s) => s.autosavedStep);
  const saveSession = (): void => void exportFile(store, client, 'session').then((d) => d && download(d));
  return (
    <section className="model-bar" data-testid="model-bar" data-autosaved-step={autosavedStep ?? ''}>
      <div className="model-bar-buttons">
        <button type="button" className="btn" data-testid="btn-model-import" title={t('models.openTitle')} onClick={() => setDialog(true)}>
          {t('models.open')}
        </button>
        <ExportMenu />
        <button type="button" className="btn" data-testid="btn-session-save" title={t('models.saveSessionTitle')} disabled={compare !== 'off'} onClick={saveSession}>
          {t('models.saveSession')}
        </button>
        <CheckpointPicker />
        <MessageLine />
      </div>
      <RestoreNotice onStartFresh={startFresh} />
      <StorageWarning />
      <PendingModel />
      {dialog ? <OpenDialog onClose={() => setDialog(false)} /> : null}
      {dragging ? (
        <div className="model-drop" aria-hidden="true">
          {t('models.dropHere')}
        </div>
      ) : null}
    </section>
  );
}
