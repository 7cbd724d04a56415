/**
 * About and credits: what the tool is, where the shortcuts are, and every bundled dataset's licence, credit
 * line and citation (some licences, CC BY and MIT, make showing them a condition of shipping the data), the
 * test-only ONNX data, and the libraries the page is built with.
 */
import { useState } from 'react';
import { Modal } from '../controls/Modal.tsx';
import { toggleShortcuts } from '../store/actions.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { useT } from '../client/useT.ts';
import { useLang, useUiStore } from '../store/uiStore.ts';
import { DATASETS, type DatasetInfo } from '../tasks/data/datasets.ts';

/** Runtime dependencies (package.json "dependencies"), by what they do here. */
const DEPENDENCIES: readonly { name: string; licence: string; role: MessageKey }[] = [
  { name: 'React, React DOM', licence: 'MIT', role: 'about.dep.react' },
  { name: 'd3-array, d3-format, d3-scale, d3-scale-chromatic, d3-shape', licence: 'ISC', role: 'about.dep.d3' },
  { name: 'zustand', licence: 'MIT', role: 'about.dep.zustand' },
  { name: 'KaTeX', licence: 'MIT', role: 'about.dep.katex' },
];

function DatasetCredit(props: { info: DatasetInfo }) {
  const t = useT();
  const lang = useLang();
  const { info } = props;
  return (
    <li className="about-dataset" data-testid={`about-dataset-${info.id}`}>
      <h4>
        {info.title[lang]}
        {info.attributionRequired ? <span className="badge badge-restart">{t('about.required')}</span> : null}
      </h4>
      <p>{info.attribution[lang]}</p>
      <dl>
        <dt>{t('about.licence')}</dt>
        <dd>{info.licence}</dd>
        <dt>{t('about.citation')}</dt>
        <dd>{info.citation}</dd>
        <dt>{t('about.source')}</dt>
        <dd>
          {info.source} — <code>{info.url}</code>
        </dd>
      </dl>
      {info.licenceNotice ? (
        <details>
          <summary>{t('about.notice')}</summary>
          <pre className="about-notice" tabIndex={0}>{info.licenceNotice}</pre>
        </details>
      ) : null}
    </li>
  );
}

export function AboutDialog(props: { onClose: () => void }) {
  const t = useT();
  const ui = useUiStore();
  const showShortcuts = (): void => {
    props.onClose();
    toggleShortcuts(ui, true);
  };
  return (
    <Modal title={t('about.title')} testId="about-dialog" onClose={props.onClose} className="about">
      <p>{t('about.intro')}</p>
      <p>{t('about.privacy')}</p>
      <p className="about-shortcuts">
        {t('about.shortcuts')}{' '}
        <button type="button" className="btn btn-small" onClick={showShortcuts}>
          {t('about.showShortcuts')}
        </button>
      </p>
      <p className="about-muted">{t('about.inspiration')}</p>

      <h3>{t('about.datasets')}</h3>
      <p className="about-muted">{t('about.datasetsNote')}</p>
      <ul className="about-datasets">
        {DATASETS.map((info) => (
          <DatasetCredit key={info.id} info={info} />
        ))}
      </ul>

      <h3>{t('about.testData')}</h3>
      <p data-testid="about-onnx">{t('about.onnx')}</p>

      <h3>{t('about.builtWith')}</h3>
      <ul className="about-deps">
        {DEPENDENCIES.map((d) => (
          <li key={d.name}>
            <strong>{d.name}</strong> ({d.licence}) — {t(d.role)}
          </li>
        ))}
      </ul>
      <p className="about-muted">{t('about.appLicence')}</p>
    </Modal>
  );
}

/** The header button that opens the dialog. */
export function AboutButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn-ghost" data-testid="btn-about" title={t('about.openTitle')} onClick={() => setOpen(true)}>
        {t('about.open')}
      </button>
      {open ? <AboutDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
