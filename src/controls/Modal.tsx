/**
 * A modal dialog (About, your own CSV): focus moves in and back out, Tab stays inside, Escape or a click on the
 * backdrop closes it, and keys typed inside never reach the page's training shortcuts (R would reset the run).
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../client/useT.ts';
import './modal.css';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea, [tabindex]:not([tabindex="-1"])';

export function Modal(props: { title: string; testId: string; onClose: () => void; children: ReactNode; className?: string; headerExtra?: ReactNode }) {
  const t = useT();
  const dialog = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const titleId = `${props.testId}-title`;
  const { onClose } = props;

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    (dialog.current?.querySelector<HTMLElement>('[data-autofocus]') ?? close.current)?.focus();
    return () => before?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="overlay-backdrop" onClick={onClose}>
      <div
        ref={dialog}
        className={`overlay modal ${props.className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={props.testId}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <header className="overlay-header">
          <h2 id={titleId}>{props.title}</h2>
          {props.headerExtra}
          <button ref={close} type="button" className="btn btn-small" onClick={onClose} data-testid={`${props.testId}-close`}>
            {t('common.close')}
          </button>
        </header>
        <div className="modal-body">{props.children}</div>
      </div>
    </div>
  );
}
