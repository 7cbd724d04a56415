/**
 * Nothing blanks the page: every panel, and the shell around them, sits in an error boundary. A panel that
 * throws while drawing shows "this panel hit an error" with the message and a Retry button; the rest of the
 * page keeps working. React hands each caught error to `logCaughtError` (createRoot's onCaughtError), so it
 * is logged once, with the component stack.
 *
 * For the browser tests, `window.__lstmLens.breakPanel(area)` makes the panel in that slot throw until Retry —
 * a hook, not visible UI.
 */
import { Component, useSyncExternalStore, type ReactNode } from 'react';
import { useT } from '../client/useT.ts';

const broken = new Set<string>();
const listeners = new Set<() => void>();
const notify = (): void => listeners.forEach((l) => l());

declare global {
  interface Window {
    __lstmLens?: { breakPanel(area: string): void };
  }
}
if (typeof window !== 'undefined') {
  window.__lstmLens = {
    ...window.__lstmLens,
    breakPanel: (area) => {
      broken.add(area);
      notify();
    },
  };
}

/** Throws while the test hook has broken this area. */
function FaultProbe({ area }: { area: string }) {
  const isBroken = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => broken.has(area),
  );
  if (isBroken) throw new Error(`test fault in the ${area} panel`);
  return null;
}

let caught = 0;
const caughtListeners = new Set<() => void>();

/** How many errors the boundaries have caught in this page (the restore notice asks). */
export function caughtErrorCount(): number {
  return caught;
}

export function subscribeCaughtErrors(listener: () => void): () => void {
  caughtListeners.add(listener);
  return () => caughtListeners.delete(listener);
}

/** createRoot's onCaughtError: one console line per error a boundary caught. */
export function logCaughtError(error: unknown, info: { componentStack?: string }): void {
  console.error('LSTM Lens: a panel hit an error (the rest of the page keeps working):', error, info.componentStack ?? '');
}

interface BoundaryProps {
  /** The slot's name (the test hook's area, a data attribute of the fallback). */
  area: string;
  /** The whole shell rather than one panel. */
  shell?: boolean;
  children: ReactNode;
}

export class ErrorBoundary extends Component<BoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(): void {
    caught++;
    caughtListeners.forEach((l) => l());
  }

  private retry = (): void => {
    broken.delete(this.props.area);
    this.setState({ error: null });
  };

  override render(): ReactNode {
    if (this.state.error) return <ErrorNotice area={this.props.area} shell={this.props.shell ?? false} error={this.state.error} onRetry={this.retry} />;
    return (
      <>
        <FaultProbe area={this.props.area} />
        {this.props.children}
      </>
    );
  }
}

function ErrorNotice(p: { area: string; shell: boolean; error: Error; onRetry: () => void }) {
  const t = useT();
  return (
    <section className={`panel boundary-error ${p.shell ? 'boundary-shell' : ''}`} role="alert" data-testid="panel-error" data-area={p.area}>
      <h2>{t(p.shell ? 'boundary.app' : 'boundary.panel')}</h2>
      <p className="boundary-message">
        <code>{p.error.message || p.error.name}</code>
      </p>
      <p className="viz-note">{t(p.shell ? 'boundary.appHint' : 'boundary.hint')}</p>
      <button type="button" className="btn btn-small" data-testid="panel-error-retry" onClick={p.onRetry}>
        {t('boundary.retry')}
      </button>
    </section>
  );
}
