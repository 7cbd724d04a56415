/**
 * Compare mode's panel: the racers' loss curves in one chart, their gradients back through time in another,
 * and a small look inside each model (its memory gate and hidden state, on the shared timestep cursor). The
 * single-run panels below follow the model chosen here.
 */
import { useCallback, useMemo, useState } from 'react';
import { variantLabel } from '../../compare/compareSet.ts';
import { compareStore, useCompare, useCompareModels } from '../../compare/compareStore.ts';
import type { CompareModel } from '../../compare/session.ts';
import { useT } from '../../i18n/useT.ts';
import { useThrottledVersion } from '../../viz/useThrottled.ts';
import { Panel } from '../Panel.tsx';
import { formatLoss, LossChart, type LossCurve } from '../loss/LossChart.tsx';
import { LossControls } from '../loss/LossControls.tsx';
import { buildSeries, type XMode } from '../loss/lossSeries.ts';
import { CompareDecay } from './CompareDecay.tsx';
import { ModelView } from './ModelView.tsx';
import { useModelsValue } from './modelFrames.ts';
import './compare.css';

/** TensorBoard's default smoothing, as in the loss panel. */
const SMOOTHING = 0.6;
/** The loss chart's height in px. */
const LOSS_HEIGHT = 200;

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
  const [log, setLog] = useState(true);
  const [xMode, setXMode] = useState<XMode>('step');
  const focus = useCompare((s) => s.focus);
  const focused = focus !== null && models.some((m) => m.id === focus) ? focus : models[0].id;
  const subscribeStores = useCallback((onChange: () => void) => {
    const offs = models.map((m) => m.store.subscribe(onChange));
    return () => offs.forEach((off) => off());
  }, [models]);
  const version = useThrottledVersion(subscribeStores);
  const T = useModelsValue(models, (frames) => frames.find((f) => f !== null)?.T ?? null);

  const losses: LossCurve[] = useMemo(() => {
    void version; // the stores' states are read afresh at each throttled change
    return models.flatMap((m) => {
      const train = buildSeries(m.store.getState().loss, SMOOTHING, xMode).find((s) => s.key === 'train');
      if (!train) return [];
      const group = { className: 'compare-loss-series', 'data-cell': m.cell, 'data-racer': m.id, 'data-points': train.xs.length, 'data-last': train.raw[train.raw.length - 1] };
      return [{ key: m.id, label: variantLabel(t, m.variant), color: m.color, series: train, group, smoothClass: 'compare-loss-smooth' }];
    });
  }, [models, version, xMode, t]);

  const controls = (
    <>
      <div className="compare-focus" role="group" aria-label={t('compare.focus')} title={t('compare.focusHint')}>
        <span className="compare-focus-label">{t('compare.focus')}</span>
        <div className="segmented">
          {models.map((m) => (
            <button
              key={m.id}
              type="button"
              className="segmented-option"
              data-testid={`compare-focus-${m.id}`}
              aria-pressed={m.id === focused}
              onClick={() => compareStore.setState({ focus: m.id })}
            >
              {variantLabel(t, m.variant)}
            </button>
          ))}
        </div>
      </div>
      <LossControls log={log} onLog={setLog} xMode={xMode} onXMode={setXMode} />
    </>
  );

  return (
    <Panel testId="panel-compare" title={t('compare.title')} subtitle={t('compare.subtitle')} controls={controls} className="compare-panel">
      <div className="compare-charts">
        <figure className="compare-figure">
          <figcaption className="compare-figure-title">{t('compare.loss')}</figcaption>
          <ul className="compare-legend">
            {models.map((m) => (
              <ModelStats key={m.id} model={m} version={version} />
            ))}
          </ul>
          <LossChart curves={losses} log={log} xMode={xMode} height={LOSS_HEIGHT} initialWidth={420} ariaLabel={t('compare.lossAria')} />
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
            <ModelView key={m.id} model={m} focused={m.id === focused} />
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
    <li className="compare-legend-item" data-testid={`compare-legend-${model.id}`} data-step={s.step} data-loss={s.lastLoss ?? ''}>
      <svg width={18} height={8} aria-hidden="true">
        <line x1={0} x2={18} y1={4} y2={4} stroke={model.color} strokeWidth={3} />
      </svg>
      <b>{variantLabel(t, model.variant)}</b>
      <span className="compare-legend-stats">{t('compare.stats', { step: s.step.toLocaleString(), loss: s.lastLoss === null ? '—' : formatLoss(s.lastLoss) })}</span>
      {s.failure ? (
        <span className="compare-failed" data-testid={`compare-failed-${model.id}`}>
          {t('compare.failed', { step: s.failure.step })}
        </span>
      ) : null}
    </li>
  );
}
