/**
 * The "Demonstrations" strip: one button per preset (it sets the config — so the URL — restarts and plays);
 * and, after a NaN/Inf in a run without clipping, the suggestion to turn clipping on and try again.
 */
import { useId } from 'react';
import { useClient } from '../client/clientContext.ts';
import { useT } from '../client/useT.ts';
import { useApp } from '../client/useApp.ts';
import { matchingPreset, PRESETS, presetConfig } from './presets.ts';
import './presets.css';

export function PresetBar() {
  const t = useT();
  const headingId = useId();
  const client = useClient();
  const config = useApp((s) => s.config);
  const active = matchingPreset(config)?.name ?? null;
  return (
    <section className="preset-bar" aria-labelledby={headingId} data-testid="preset-bar">
      <header className="preset-bar-header">
        <h2 id={headingId}>{t('preset.heading')}</h2>
        <p>{t('preset.intro')}</p>
      </header>
      <ul className="preset-list">
        {PRESETS.map((p) => (
          <li key={p.name}>
            <button
              type="button"
              className="preset-card"
              data-testid={`preset-${p.name}`}
              aria-pressed={active === p.name}
              onClick={() => {
                client.start(presetConfig(p));
                client.play();
              }}
            >
              <span className="preset-title">{t(p.title)}</span>
              <span className="preset-description">{t(p.description)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Shown under the failure banner while a run without clipping has stopped on a NaN/Inf: the one change that usually rescues it. */
export function ClipSuggestion() {
  const t = useT();
  const client = useClient();
  const failed = useApp((s) => s.failure !== null);
  const config = useApp((s) => s.config);
  if (!failed || config.clip !== 'none') return null;
  return (
    <div className="preset-suggestion" role="status" data-testid="clip-suggestion">
      <span>{t('preset.clipSuggestion')}</span>
      <button
        type="button"
        className="btn btn-small btn-primary"
        data-testid="suggest-clipping"
        onClick={() => {
          client.start({ ...config, clip: 'norm' });
          client.play();
        }}
      >
        {t('preset.clipButton')}
      </button>
    </div>
  );
}
