/**
 * Compare mode's panel: the racers' loss curves in one chart, their gradients back through time in another,
 * and a small look inside each model (its memory gate and hidden state, on the shared timestep cursor). The
 * single-run panels below follow the model chosen here.
 */
import { useCallback, useId, useMemo, useState } from 'react';
import { MODEL_COLOR } from '../../compare/compareSet.ts';
import { compareStore, useCompare, useCompareModels } from '../../compare/compareStore.ts';
import type { CompareModel } from '../../compare/session.ts';
import { useT } from '../../i18n/useT.ts';
import { Panel } from '../Panel.tsx';
import { formatLoss } from '../loss/LossChart.tsx';
import { buildSeries, type XMode } from '../loss/lossSeries.ts';
import { CompareDecay } from './CompareDecay.tsx';
import { CompareLossChart, type ModelLoss } from './CompareLossChart.tsx';
import { ModelView } from './ModelView.tsx';
import { useModelsValue } from './modelFrames.ts';
import { useThrottledVersion } from './useThrottledVersion.ts';
import './compare.css';

/** TensorBoard's default smoothing, as in the loss panel. */
const SMOOTHING = 0.6;

export function ComparePanel() {
  const models = useCompareModels();
  return models ? (
    <div className="compare-slot">
      <CompareBody models={models} />
    </div>
  ) : null;
}

function CompareBody({ models }: { models: readonly CompareModel[] }) {
  const t = useT();
  const ids = useId();
  const [log, setLog] = useState(true);
  const [xMode, setXMode] = useState<XMode>('step');
  const focus = useCompare((s) => s.focus);
  const focused = focus !== null && models.some((m) => m.cell === focus) ? focus : models[0].cell;
  const subscribeStores = useCallback((onChange: () => void) => {
    const offs = models.map((m) => m.store.subscribe(onChange));
    return () => offs.forEach((off) => off());
  }, [models]);
  const version = useThrottledVersion(subscribeStores);
  const T = useModelsValue(models, (frames) => frames.find((f) => f !== null)?.T ?? null);

  const losses: ModelLoss[] = useMemo(() => {
    void version; // the stores' states are read afresh at each throttled change
    return models.map((m) => {
      const train = buildSeries(m.store.getState().loss, SMOOTHING, xMode).find((s) => s.key === 'train') ?? null;
      return { cell: m.cell, label: t(`cfg.arch.${m.cell}`), series: train };
    });
  }, [models, version, xMode, t]);

  const controls = (
    <>
      <div className="compare-focus" role="group" aria-label={t('compare.focus')} title={t('compare.focusHint')}>
        <span className="compare-focus-label">{t('compare.focus')}</span>
        <div className="segmented">
          {models.map((m) => (
            <button
              key={m.cell}
              type="button"
              className="segmented-option"
              data-testid={`compare-focus-${m.cell}`}
              aria-pressed={m.cell === focused}
              onClick={() => compareStore.setState({ focus: m.cell })}
            >
              {t(`cfg.arch.${m.cell}`)}
            </button>
          ))}
        </div>
      </div>
      <label className="loss-control">
        <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} />
        {t('loss.logScale')}
      </label>
      <fieldset className="loss-control loss-xmode">
        <legend>{t('loss.xAxis')}</legend>
        {(['step', 'time'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name={`${ids}-xmode`} value={m} checked={xMode === m} onChange={() => setXMode(m)} />
            {t(m === 'step' ? 'loss.byStep' : 'loss.byTime')}
          </label>
        ))}
      </fieldset>
    </>
  );

  return (
    <Panel testId="panel-compare" title={t('compare.title')} subtitle={t('compare.subtitle')} controls={controls} className="compare-panel">
      <div className="compare-charts">
        <figure className="compare-figure">
          <figcaption className="compare-figure-title">{t('compare.loss')}</figcaption>
          <ul className="compare-legend">
            {models.map((m) => (
              <ModelStats key={m.cell} model={m} version={version} />
            ))}
          </ul>
          <CompareLossChart models={losses} log={log} xMode={xMode} />
        </figure>
        <figure className="compare-figure">
          <figcaption className="compare-figure-title">{t('compare.decay')}</figcaption>
          <CompareDecay models={models} />
        </figure>
      </div>
      <h3 className="compare-views-title">{t('compare.views')}</h3>
      {T === null ? (
        <p className="viz-note">{t('compare.waiting')}</p>
      ) : (
        <div className="compare-models" style={{ gridTemplateColumns: `repeat(${models.length}, minmax(0, 1fr))` }}>
          {models.map((m) => (
            <ModelView key={m.cell} model={m} focused={m.cell === focused} />
          ))}
        </div>
      )}
    </Panel>
  );
}

/** A legend entry: the model's colour and name, its step and latest loss, and a NaN/Inf stop if there was one. */
function ModelStats({ model, version }: { model: CompareModel; version: number }) {
  const t = useT();
  void version;
  const s = model.store.getState();
  return (
    <li className="compare-legend-item" data-testid={`compare-legend-${model.cell}`} data-step={s.step} data-loss={s.lastLoss ?? ''}>
      <svg width={18} height={8} aria-hidden="true">
        <line x1={0} x2={18} y1={4} y2={4} stroke={MODEL_COLOR[model.cell]} strokeWidth={3} />
      </svg>
      <b>{t(`cfg.arch.${model.cell}`)}</b>
      <span className="compare-legend-stats">{t('compare.stats', { step: s.step.toLocaleString(), loss: s.lastLoss === null ? '—' : formatLoss(s.lastLoss) })}</span>
      {s.failure ? (
        <span className="compare-failed" data-testid={`compare-failed-${model.cell}`}>
          {t('compare.failed', { step: s.failure.step })}
        </span>
      ) : null}
    </li>
  );
}
