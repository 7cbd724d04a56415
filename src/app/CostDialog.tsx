/**
 * The question before a run over the cost budget: the estimate (memory, time per step, models raced), what
 * makes it large, a smaller configuration that fits, and the choice. Nothing is allocated until answered.
 */
import { format } from 'd3-format';
import { Modal } from '../controls/Modal.tsx';
import { useT } from '../client/useT.ts';
import { COST_BUDGET, HARD_LIMIT_BYTES, loweredFields } from '../contracts/runCost.ts';
import { useUi } from '../store/uiStore.ts';

const formatSeconds = format('.2~r');

/** Bytes in the largest unit that keeps the number ≥ 1 (decimal units, as the browser's task manager). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let k = 0;
  while (v >= 1000 && k < units.length - 1) {
    v /= 1000;
    k += 1;
  }
  return `${v >= 100 ? Math.round(v) : v.toFixed(1)} ${units[k]}`;
}

export function CostDialog() {
  const t = useT();
  const q = useUi((s) => s.costQuestion);
  if (!q) return null;
  const { cost, lowered } = q;
  const changes = lowered
    ? loweredFields(q.config, lowered)
        .map(([k, from, to]) => `${t(`cost.field.${k}`)} ${from} → ${to}`)
        .join(', ')
    : '';
  // Closing without a choice keeps the current run, or (when there is none yet) starts something that fits.
  const fallback = lowered ?? (q.tooLarge ? null : q.config);
  const dismiss = (): void => q.answer(q.canKeep ? null : fallback);
  return (
    <Modal title={t('cost.title')} testId="cost-dialog" onClose={dismiss} className="cost-dialog">
      <p>{t('cost.intro')}</p>
      <ul data-testid="cost-estimate" data-bytes={Math.round(cost.bytes)} data-seconds={cost.secondsPerStep}>
        <li>{t('cost.memory', { size: formatBytes(cost.bytes) })}</li>
        <li>{t('cost.time', { seconds: formatSeconds(cost.secondsPerStep) })}</li>
        {cost.models > 1 ? <li>{t('cost.models', { n: cost.models })}</li> : null}
      </ul>
      <p className="viz-note">{t('cost.budget', { size: formatBytes(COST_BUDGET.bytes), seconds: COST_BUDGET.secondsPerStep })}</p>
      <p>{t('cost.lowerHint')}</p>
      {q.tooLarge ? <p data-testid="cost-too-large">{t('cost.tooLarge', { size: formatBytes(HARD_LIMIT_BYTES) })}</p> : null}
      {lowered ? <p data-testid="cost-lowered">{t('cost.lowered', { changes })}</p> : null}
      <div className="banner-actions">
        {lowered ? (
          <button type="button" className="btn btn-primary" data-testid="cost-use-lowered" data-autofocus onClick={() => q.answer(lowered)}>
            {t('cost.useLowered')}
          </button>
        ) : null}
        {q.canKeep ? (
          <button type="button" className="btn" data-testid="cost-keep" onClick={() => q.answer(null)}>
            {t('cost.keep')}
          </button>
        ) : null}
        {q.tooLarge ? null : (
          <button type="button" className="btn btn-ghost" data-testid="cost-start-anyway" onClick={() => q.answer(q.config)}>
            {t('cost.startAnyway')}
          </button>
        )}
      </div>
    </Modal>
  );
}
