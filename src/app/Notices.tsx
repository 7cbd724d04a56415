/** Banners above the workspace: a training failure (what happened, where, what to do) and ignored URL settings. */
import { useState } from 'react';
import { shortText, summariseUrlWarnings, urlWarningReason, type Translate } from '../controls/problemText.ts';
import { useT } from '../client/useT.ts';
import { useApp, useAppStore } from '../client/useApp.ts';
import type { UrlWarning } from '../contracts/urlValues.ts';
import type { Failure } from '../contracts/protocol.ts';
import { useClient } from '../client/clientContext.ts';
import { DismissButton } from '../controls/DismissButton.tsx';

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
  const store = useAppStore();
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
        <DismissButton testId="failure-dismiss" onDismiss={() => store.setState({ failure: null })} />
      </div>
    </div>
  );
}

/** The training worker died and was replaced: say so (the run restarted at step 0), until dismissed. */
export function WorkerLostBanner() {
  const t = useT();
  const store = useAppStore();
  const lost = useApp((s) => s.workerLost);
  if (lost === null) return null;
  return (
    <div className="banner banner-warning" role="alert" data-testid="worker-lost">
      <span className="banner-icon" aria-hidden="true">
        ⚠
      </span>
      <div className="banner-text">{t('worker.lost', { message: lost })}</div>
      <div className="banner-actions">
        <DismissButton onDismiss={() => store.setState({ workerLost: null })} />
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
        <DismissButton onDismiss={() => setOpen(false)} />
      </div>
    </div>
  );
}
