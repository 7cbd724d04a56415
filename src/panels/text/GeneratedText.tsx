/**
 * What the character model writes: a sample the worker draws at the temperature set here (a live setting:
 * training goes on), refreshed about once a second while training, so the text visibly turns from noise into
 * words and lines.
 */
import { useId } from 'react';
import { useClient } from '../../client/clientContext.ts';
import { useT } from '../../client/useT.ts';
import { useApp } from '../../client/useApp.ts';
import { sampleText } from './textViews.ts';
import { textEvaluation } from './textSources.ts';

/** The slider's range; the URL accepts up to 5, but past 2 a sample is close to uniform noise. */
export const TEMPERATURE_RANGE = { min: 0.05, max: 2, step: 0.05 } as const;

export function GeneratedText() {
  const t = useT();
  const id = useId();
  const client = useClient();
  const temperature = useApp((s) => s.config.temperature);
  const evaluation = useApp(textEvaluation);
  return (
    <section className="text-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="text-section-title">
        {t('text.generatedTitle')}
      </h3>
      <div className="text-controls">
        <label htmlFor={id}>{t('text.temperature')}</label>
        <input
          id={id}
          type="range"
          min={TEMPERATURE_RANGE.min}
          max={TEMPERATURE_RANGE.max}
          step={TEMPERATURE_RANGE.step}
          value={Math.min(temperature, TEMPERATURE_RANGE.max)}
          onChange={(e) => client.setHyper({ temperature: Number(e.target.value) })}
          aria-describedby={`${id}-hint`}
          data-testid="text-temperature"
        />
        <output htmlFor={id} className="text-temperature-value" data-testid="text-temperature-value">
          {temperature.toFixed(2)}
        </output>
        <span id={`${id}-hint`} className="viz-note">
          {t('text.temperatureHint')}
        </span>
      </div>
      {evaluation ? (
        <>
          <p className="viz-note" data-testid="generated-step">
            {t('text.generatedAt', { step: evaluation.step, temperature: evaluation.temperature.toFixed(2) })}
          </p>
          <pre className="text-sample" data-testid="generated-text">
            {evaluation.prime ? <span className="text-prime">{sampleText(evaluation.prime)}</span> : null}
            {sampleText(evaluation.sample)}
          </pre>
        </>
      ) : (
        <p className="viz-note">{t('text.waitingSample')}</p>
      )}
    </section>
  );
}
