/**
 * A modal dialog (About, your own CSV, shortcuts …) on the native <dialog> opened with showModal(): the page
 * behind is inert, Tab stays inside, Escape or a click on the backdrop closes it, and focus goes back where
 * it was. Keys typed inside never reach the page's training shortcuts (R would reset the run).
 */
import { useEffect, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useT } from '../client/useT.ts';
import './modal.css';

export function Modal(props: {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  headerExtra?: ReactNode;
}) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const titleId = `${props.testId}-title`;
  const { onClose } = props;

  useEffect(() => {
    const d = dialog.current;
    const before = document.activeElement as HTMLElement | null;
    // jsdom has no showModal(); there the open attribute shows the same content.
    if (d && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
    (d?.querySelector<HTMLElement>('[data-autofocus]') ?? close.current)?.focus();
    return () => {
      if (d?.open && typeof d.close === 'function') d.close();
      before?.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>): void => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };
  // The backdrop belongs to the <dialog> itself; the content fills it, so only a backdrop click lands here.
  const onClick = (e: MouseEvent<HTMLDialogElement>): void => {
    if (e.target === e.currentTarget) onClose();
  };

  return (
    <dialog
      ref={dialog}
      className={`overlay modal ${props.className ?? ''}`}
      aria-labelledby={titleId}
      data-testid={props.testId}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="modal-content">
        <header className="overlay-header">
          <h2 id={titleId}>{props.title}</h2>
          {props.headerExtra}
          <button ref={close} type="button" className="btn btn-small" onClick={onClose} data-testid={`${props.testId}-close`}>
            {t('common.close')}
          </button>
        </header>
        <div className="modal-body">{props.children}</div>
      </div>
    </dialog>
  );
}
