/** The glossary button and dialog: both languages side by side, whatever the UI language. */
import { useEffect, useRef } from 'react';
import { Modal } from '../controls/Modal.tsx';
import { useT } from '../client/useT.ts';
import { GLOSSARY } from './glossary.ts';
import { lessonStore, useLessonUi } from './lessonStore.ts';
import { usePick } from './usePick.ts';

function GlossaryDialog() {
  const t = useT();
  const pick = usePick();
  const focus = useLessonUi((s) => s.glossaryFocus);
  const focusRow = useRef<HTMLTableRowElement>(null);
  // A block body: scrollIntoView returns a promise in newer browsers, and an effect may return only a cleanup.
  useEffect(() => {
    focusRow.current?.scrollIntoView({ block: 'center' });
  }, [focus]);
  return (
    <Modal title={t('glossary.title')} testId="glossary" className="glossary-modal" onClose={() => lessonStore.setState({ glossaryOpen: false, glossaryFocus: null })}>
      <p className="lesson-list-intro">{t('glossary.intro')}</p>
      <table className="glossary-table" data-testid="glossary-table">
        <thead>
          <tr>
            <th>English</th>
            <th>中文</th>
            <th>{t('glossary.symbol')}</th>
            <th>{t('glossary.aka')}</th>
          </tr>
        </thead>
        <tbody>
          {GLOSSARY.map((e) => (
            <tr key={e.id} data-testid={`glossary-${e.id}`} ref={e.id === focus ? focusRow : undefined} className={e.id === focus ? 'glossary-focus' : undefined} aria-current={e.id === focus ? 'true' : undefined}>
              <td>{e.term.en}</td>
              <td>{e.term.zh}</td>
              <td>{e.symbol}</td>
              <td>
                {e.aka.length ? e.aka.join(' · ') : '—'}
                {e.note ? <div className="glossary-note">{pick(e.note)}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}

export function GlossaryButton() {
  const t = useT();
  const open = useLessonUi((s) => s.glossaryOpen);
  return (
    <>
      <button type="button" className="btn" data-testid="btn-glossary" onClick={() => lessonStore.setState({ glossaryOpen: true })}>
        {t('glossary.button')}
      </button>
      {open ? <GlossaryDialog /> : null}
    </>
  );
}
