/** The "?" overlay: every keyboard shortcut, from the same table the key handler uses, in a real modal. */
import { useT } from '../client/useT.ts';
import { useUi, useUiStore } from '../store/uiStore.ts';
import { toggleShortcuts } from '../store/actions.ts';
import { Modal } from './Modal.tsx';
import { SHORTCUTS } from './shortcuts.ts';

export function ShortcutsOverlay() {
  const t = useT();
  const ui = useUiStore();
  const open = useUi((s) => s.showShortcuts);
  if (!open) return null;
  return (
    <Modal title={t('shortcut.title')} testId="shortcuts-overlay" className="shortcuts-dialog" onClose={() => toggleShortcuts(ui, false)}>
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
    </Modal>
  );
}
