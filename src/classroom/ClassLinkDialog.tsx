/**
 * "Prepare a class link": the current run's link plus how students see it — which panels and controls show,
 * locked settings, presenter mode, one embedded panel, the lesson and step to open at. The link is built with
 * the URL codec, so it opens exactly as previewed here.
 */
import { useId, useState } from 'react';
import { runUrl } from '../client/urlSync.ts';
import { useView } from '../store/viewStore.ts';
import { Modal } from '../controls/Modal.tsx';
import type { MessageKey } from '../i18n/i18n.ts';
import { useT } from '../client/useT.ts';
import { useApp } from '../client/useApp.ts';
import { useLang } from '../store/uiStore.ts';
import { CONTROL_IDS, PANEL_IDS, type HideableId, type PanelId, type ViewParams } from '../contracts/viewParams.ts';

function Checklist(props: { legend: string; ids: readonly HideableId[]; prefix: 'pnl' | 'ctl'; hidden: ReadonlySet<HideableId>; onToggle: (id: HideableId) => void }) {
  const t = useT();
  return (
    <fieldset className="class-link-list">
      <legend>{props.legend}</legend>
      {props.ids.map((id) => (
        <label key={id} className="checkbox-label">
          <input type="checkbox" data-testid={`show-${id}`} checked={!props.hidden.has(id)} onChange={() => props.onToggle(id)} />
          {t(`${props.prefix}.${id}` as MessageKey)}
        </label>
      ))}
    </fieldset>
  );
}

export function ClassLinkDialog(props: { onClose: () => void }) {
  const t = useT();
  const ids = useId();
  const config = useApp((s) => s.config);
  const lang = useLang();
  const current = useView((s) => s);
  const [hidden, setHidden] = useState<ReadonlySet<HideableId>>(new Set(current.hide));
  const [present, setPresent] = useState(current.present);
  const [lock, setLock] = useState(current.lock);
  const [embed, setEmbed] = useState<PanelId | null>(current.embed);
  const [lesson, setLesson] = useState(current.lesson ?? '');
  const [lessonStep, setLessonStep] = useState(current.lessonStep === null ? '' : String(current.lessonStep));
  const [copied, setCopied] = useState(false);

  const step = Number(lessonStep);
  const params: ViewParams = {
    present,
    lock,
    embed,
    // Keep the codec's order, so the same choices always give the same link.
    hide: [...PANEL_IDS, ...CONTROL_IDS].filter((id) => hidden.has(id)),
    lesson: lesson.trim() || null,
    lessonStep: lesson.trim() && Number.isInteger(step) && step >= 1 && step <= 999 ? step : null,
  };
  const link = runUrl({ config, lang }, window.location, params);

  const toggle = (id: HideableId): void =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard (plain http, a refusal): the link stays selected in its field for Ctrl+C.
      document.querySelector<HTMLInputElement>('[data-testid="class-link-url"]')?.select();
    }
  };

  return (
    <Modal title={t('classLink.title')} testId="class-link-dialog" onClose={props.onClose} className="class-link-dialog">
      <p className="config-note">{t('classLink.intro')}</p>
      <div className="class-link-options">
        <label className="checkbox-label">
          <input type="checkbox" data-testid="class-link-present" checked={present} onChange={(e) => setPresent(e.target.checked)} />
          {t('classLink.present')}
        </label>
        <label className="checkbox-label">
          <input type="checkbox" data-testid="class-link-lock" checked={lock} onChange={(e) => setLock(e.target.checked)} />
          {t('classLink.lock')}
        </label>
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-embed`}>
            {t('classLink.embed')}
          </label>
          <select id={`${ids}-embed`} className="input" data-testid="class-link-embed" value={embed ?? ''} onChange={(e) => setEmbed(PANEL_IDS.find((p) => p === e.target.value) ?? null)}>
            <option value="">{t('classLink.embedNone')}</option>
            {PANEL_IDS.map((id) => (
              <option key={id} value={id}>
                {t(`pnl.${id}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field-row">
          <div className="field">
            <label className="field-label" htmlFor={`${ids}-lesson`}>
              {t('classLink.lesson')}
            </label>
            <input id={`${ids}-lesson`} className="input" data-testid="class-link-lesson" value={lesson} maxLength={64} onChange={(e) => setLesson(e.target.value)} />
            <p className="field-hint">{t('classLink.lessonHint')}</p>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${ids}-lstep`}>
              {t('classLink.lessonStep')}
            </label>
            <input id={`${ids}-lstep`} className="input" type="number" min={1} max={999} data-testid="class-link-lstep" value={lessonStep} disabled={!lesson.trim()} onChange={(e) => setLessonStep(e.target.value)} />
          </div>
        </div>
      </div>
      <div className="class-link-lists">
        <Checklist legend={`${t('classLink.show')}: ${t('classLink.panels')}`} ids={PANEL_IDS} prefix="pnl" hidden={hidden} onToggle={toggle} />
        <Checklist legend={`${t('classLink.show')}: ${t('classLink.controls')}`} ids={CONTROL_IDS} prefix="ctl" hidden={hidden} onToggle={toggle} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${ids}-url`}>
          {t('classLink.link')}
        </label>
        <div className="class-link-url-row">
          <input id={`${ids}-url`} className="input input-mono" data-testid="class-link-url" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="btn btn-primary" data-testid="class-link-copy" onClick={() => void copy()}>
            {copied ? t('classLink.copied') : t('classLink.copy')}
          </button>
          <a className="btn" href={link} target="_blank" rel="noopener">
            {t('classLink.open')}
          </a>
        </div>
        {embed ? (
          <>
            <p className="field-hint">{t('classLink.iframe')}</p>
            <code className="class-link-iframe" data-testid="class-link-iframe">{`<iframe src="${link}" width="800" height="600" style="border:0"></iframe>`}</code>
          </>
        ) : null}
      </div>
    </Modal>
  );
}
