/** The "?" overlay: every keyboard shortcut, from the same table the key handler uses. */
import { useEffect, useRef } from 'react';
import { useT } from '../client/useT.ts';
import { useUi, useUiStore } from '../store/uiStore.ts';
import { toggleShortcuts } from '../store/actions.ts';
import { SHORTCUTS } from './shortcuts.ts';

export function ShortcutsOverlay() {
  const t = useT();
  const ui = useUiStore();
  const open = useUi((s) => s.showShortcuts);
  const closeButton = useRef<HTMLButtonElement>(null);

  // Focus moves into the dialog and back to where it was, so keyboard users are not stranded.
  useEffect(() => {
    if (!open) return undefined;
    const before = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    return () => before?.focus();
  }, [open]);

  if (!open) return null;
  return (
    <div className="overlay-backdrop" onClick={() => toggleShortcuts(ui, false)}>
      <div
        className="overlay"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts-overlay"
        onClick={(e) => e.stopPropagation()}
      >
        <header className="overlay-header">
          <h2 id="shortcuts-title">{t('shortcut.title')}</h2>
          <button ref={closeButton} type="button" className="btn btn-small" onClick={() => toggleShortcuts(ui, false)}>
            {t('common.close')}
          </button>
        </header>
        <table className="shortcut-table">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.action}>
                <td>
                  <kbd>{s.label === 'Space' ? t('shortcut.space') : s.label}</kbd>
                </td>
                <td>{t(s.description)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="overlay-note">{t('shortcut.note')}</p>
      </div>
    </div>
  );
}
