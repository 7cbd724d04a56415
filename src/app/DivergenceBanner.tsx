/**
 * The loss is blowing up without NaN: what is happening, the likely cause, and one-click remedies (a lower
 * learning rate; clipping when it is off). Each restarts the run, since the weights are already far off.
 */
import { useT } from '../client/useT.ts';
import { useApp } from '../client/useApp.ts';
import type { RunConfig } from '../contracts/runConfig.ts';
import { useClient } from '../client/clientContext.ts';

/** A tenth of the learning rate, to one significant digit (1e6 → 100000, 0.05 → 0.005). */
function lowerLearningRate(lr: number): number {
  return Number((lr / 10).toPrecision(1));
}

/** "3400" or "3.4e9": how many times the start the loss is. */
function formatRatio(ratio: number): string {
  return ratio < 1e4 ? String(Math.round(ratio)) : ratio.toExponential(1).replace('e+', 'e');
}

export function DivergenceBanner() {
  const t = useT();
  const client = useClient();
  const divergence = useApp((s) => s.divergence);
  const config = useApp((s) => s.config);
  // A NaN stop has its own banner; the two never show together.
  const failed = useApp((s) => s.failure !== null);
  if (!divergence || failed) return null;
  const restart = (patch: Partial<RunConfig>): void => {
    client.start({ ...config, ...patch });
    client.play();
  };
  const lr = lowerLearningRate(config.learningRate);
  return (
    <div className="banner banner-warning" role="alert" data-testid="divergence-banner" data-step={divergence.step}>
      <span className="banner-icon" aria-hidden="true">
        ⚠
      </span>
      <div className="banner-text">
        <strong>{t('divergence.title', { step: divergence.step, ratio: formatRatio(divergence.ratio) })}</strong>{' '}
        {t('divergence.cause.lr', { lr: config.learningRate })} {config.clip === 'none' ? t('divergence.cause.clip') : null} {t('divergence.remedy')}
      </div>
      <div className="banner-actions">
        <button type="button" className="btn btn-small btn-primary" data-testid="divergence-lower-lr" onClick={() => restart({ learningRate: lr })}>
          {t('divergence.lowerLr', { lr })}
        </button>
        {config.clip === 'none' ? (
          <button type="button" className="btn btn-small" data-testid="divergence-clip" onClick={() => restart({ clip: 'norm', clipValue: 1 })}>
            {t('divergence.clip')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
