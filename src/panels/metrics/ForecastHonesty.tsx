/**
 * Beside a forecast's metrics, what a reader needs to trust them: how many test windows ask the model about
 * values outside the range its normaliser was fitted on (why a levels model can lose to "tomorrow = today"),
 * the remedy, and — when the model predicts changes — how its forecasts were turned back into values.
 */
import { useT } from '../../client/useT.ts';
import type { ForecastMeta } from '../../tasks/forecast.ts';

export function ForecastHonesty({ meta, unit }: { meta: ForecastMeta; unit: string }) {
  const t = useT();
  const { outside, total } = meta.testRange;
  const pct = total > 0 ? `${((100 * outside) / total).toFixed(0)}%` : '—';
  return (
    <>
      <p className={`metrics-range${outside > 0 ? ' is-outside' : ''}`} data-testid="metrics-range-note" data-outside={outside} data-total={total} data-transform={meta.transform}>
        {outside > 0 ? t('metrics.rangeOutside', { n: outside, total, pct }) : t('metrics.rangeInside', { total })}
        {outside > 0 && meta.transform !== 'logReturn' ? ` ${t('metrics.rangeRemedy')}` : ''}
      </p>
      {meta.transform !== 'level' ? (
        <p className="field-hint" data-testid="metrics-transform-note">
          {t(meta.transform === 'diff' ? 'metrics.transform.diff' : 'metrics.transform.logReturn', { unit })}
        </p>
      ) : null}
    </>
  );
}
