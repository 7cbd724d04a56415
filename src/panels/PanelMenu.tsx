/**
 * A panel's export menu: the panel as a PNG (2×) or SVG figure, optionally captioned with the run it shows,
 * and the numbers behind it as CSV. Everything is made and saved in the page; nothing is uploaded.
 */
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useViewStore, useView } from '../store/viewStore.ts';
import { toCsv } from '../export/csv.ts';
import { downloadBlob, exportFileName } from '../export/download.ts';
import { PANEL_CSV } from '../export/panelCsv.ts';
import { panelToSvg, svgToPng } from '../export/panelSvg.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { useT } from '../client/useT.ts';
import { type AppState } from '../store/appStore.ts';
import { useAppStore } from '../client/useApp.ts';
import type { ProbeFrame } from '../contracts/protocol.ts';
import { useFrame } from './shared/useFrame.ts';

type Translate = ReturnType<typeof useT>;

/** "lstm", or "rnn-lstm-gru" for a race: what the file name and caption call the architecture. */
function archOf(state: AppState): string {
  return state.config.compare === 'off' ? state.config.cell : state.config.compare.replace(/,/g, '-');
}

function captionOf(t: Translate, state: AppState, frame: ProbeFrame | null): string {
  const step = frame?.step ?? state.step;
  const task = t(`cfg.task.${state.config.task}` as MessageKey);
  return t('export.caption', { task, arch: archOf(state).toUpperCase(), step, t: state.selection.t + 1, T: frame?.T ?? state.config.seqLen });
}

export function PanelMenu(props: { testId: string; title: string; panel: RefObject<HTMLElement | null> }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return undefined;
    const onDown = (e: PointerEvent): void => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  return (
    <div
      className="panel-menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          // Esc closes the menu, not the full-screen panel behind it.
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
          root.current?.querySelector<HTMLButtonElement>('[data-testid="panel-menu"]')?.focus();
        }
      }}
    >
      <button
        type="button"
        className="btn btn-ghost btn-icon-only"
        data-testid="panel-menu"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('panel.menu', { title: props.title })}
        title={t('panel.menu', { title: props.title })}
        onClick={() => setOpen((o) => !o)}
      >
        <svg className="btn-svg" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
        </svg>
      </button>
      {open ? <PanelMenuItems id={menuId} testId={props.testId} panel={props.panel} onDone={() => setOpen(false)} /> : null}
    </div>
  );
}

/** Mounted only while the menu is open, so following the frame costs nothing the rest of the time. */
function PanelMenuItems(props: { id: string; testId: string; panel: RefObject<HTMLElement | null>; onDone: () => void }) {
  const t = useT();
  const store = useAppStore();
  const view = useViewStore();
  const caption = useView((s) => s.exportCaption);
  const frame = useFrame();
  const [error, setError] = useState<string | null>(null);
  const csvSource = PANEL_CSV[props.testId];
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => first.current?.focus(), []);

  const name = (ext: string): string => {
    const s = store.getState();
    return exportFileName({ task: s.config.task, arch: archOf(s), step: frame?.step ?? s.step, panel: props.testId.replace(/^panel-/, '') }, ext);
  };
  const figure = () => {
    const el = props.panel.current;
    if (!el) throw new Error('panel not mounted');
    return panelToSvg(el, caption ? captionOf(t, store.getState(), frame) : null);
  };
  const run = (job: () => Promise<void> | void): void => {
    setError(null);
    Promise.resolve()
      .then(job)
      .then(props.onDone, (e: unknown) => setError(t('export.failed', { reason: e instanceof Error ? e.message : String(e) })));
  };
  const exportCsv = (): void => {
    // Built on demand: a long trace is tens of thousands of rows, too many to rebuild for every frame.
    const rows = csvSource?.({ state: store.getState(), frame, now: Date.now() });
    if (!rows) {
      setError(t('export.csvEmpty'));
      return;
    }
    run(() => downloadBlob(new Blob([toCsv(rows)], { type: 'text/csv' }), name('csv')));
  };

  return (
    <div className="popover panel-menu-popup" id={props.id} role="group" aria-label={t('export.title')}>
      <button
        ref={first}
        type="button"
        className="panel-menu-item"
        data-testid="export-png"
        onClick={() => run(async () => downloadBlob(await svgToPng(figure(), 2), name('png')))}
      >
        {t('export.png')}
      </button>
      <button
        type="button"
        className="panel-menu-item"
        data-testid="export-svg"
        onClick={() => run(() => downloadBlob(new Blob([figure().svg], { type: 'image/svg+xml' }), name('svg')))}
      >
        {t('export.svg')}
      </button>
      {csvSource ? (
        <button type="button" className="panel-menu-item" data-testid="export-csv" onClick={exportCsv}>
          {t('export.csv')}
        </button>
      ) : null}
      <label className="panel-menu-check">
        <input type="checkbox" data-testid="export-caption" checked={caption} onChange={(e) => view.setState({ exportCaption: e.target.checked })} />
        {t('export.withCaption')}
      </label>
      <p className="panel-menu-note">{t('export.local')}</p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
