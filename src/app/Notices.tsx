/** Banners above the workspace: a training failure (what happened, where, what to do) and ignored URL settings. */
import { useState } from 'react';
import { shortText, summariseUrlWarnings, urlWarningReason, type Translate } from '../controls/problemText.ts';
import { useT } from '../i18n/useT.ts';
import { appStore, useApp } from '../store/appStore.ts';
import type { UrlWarning } from '../store/urlCodec.ts';
import type { Failure } from '../worker/protocol.ts';
import { useClient } from './clientContext.ts';

export function failureText(t: Translate, f: Failure): string {
  const tensor = f.tensor ?? t('failure.someTensor');
  // Where in the sequence it first appeared, 1-based as the timestep slider shows it.
  const where = f.timestep !== null && f.layer !== null ? ` ${t('failure.where', { t: f.timestep + 1, layer: f.layer + 1 })}` : '';
  switch (f.where) {
    case 'loss':
      return t('failure.loss', { step: f.step }) + where;
    case 'gradient':
      return t('failure.gradient', { step: f.step, tensor }) + where;
    case 'weights':
      return t('failure.weights', { step: f.step, tensor }) + where;
  }
}

export function FailureBanner() {
  const t = useT();
  const client = useClient();
  const failure = useApp((s) => s.failure);
  if (!failure) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="failure-banner">
      <span className="banner-icon" aria-hidden="true">
        ⚠
      </span>
      <div className="banner-text">
        <strong>{failureText(t, failure)}</strong> {t('failure.advice')}
      </div>
      <div className="banner-actions">
        <button type="button" className="btn btn-small" data-testid="failure-reset" onClick={() => client.reset()}>
          {t('toolbar.reset')}
        </button>
        <button type="button" className="btn btn-small btn-ghost" data-testid="failure-dismiss" onClick={() => appStore.setState({ failure: null })}>
          {t('common.dismiss')}
        </button>
      </div>
    </div>
  );
}

/** Shown once after loading a link with settings that could not be used. */
export function UrlWarningsBanner(props: { warnings: readonly UrlWarning[] }) {
  const t = useT();
  const [open, setOpen] = useState(props.warnings.length > 0);
  if (!open) return null;
  const { listed, more } = summariseUrlWarnings(props.warnings);
  return (
    <div className="banner banner-warning" role="status" data-testid="url-warnings">
      <span className="banner-icon" aria-hidden="true">
        ⓘ
      </span>
      <div className="banner-text">
        {t('urlWarning.title')}
        <ul>
          {listed.map((w, k) => (
            <li key={k}>
              <code>
                {shortText(w.key)}={shortText(w.value)}
              </code>
              : {urlWarningReason(t, w)}
            </li>
          ))}
          {more > 0 ? <li data-testid="url-warnings-more">{t('urlWarning.more', { count: more })}</li> : null}
        </ul>
      </div>
      <div className="banner-actions">
        <button type="button" className="btn btn-small btn-ghost" onClick={() => setOpen(false)}>
          {t('common.dismiss')}
        </button>
      </div>
    </div>
  );
}
