/**
 * Compare mode's panel: the racers' loss curves in one chart, their gradients back through time in another,
 * and a small look inside each model (its memory gate and hidden state, on the shared timestep cursor). The
 * single-run panels below follow the model chosen here.
 */
import { useCallback, useMemo, useState } from 'react';
import { variantLabel } from '../../contracts/compareSet.ts';
import { racerColor } from '../../viz/archColors.ts';
import { useT } from '../../client/useT.ts';
import { useApp } from '../../client/useApp.ts';
import { useView, useViewStore } from '../../store/viewStore.ts';
import { chanceLevel } from '../shared/chanceLevel.ts';
import { useFrameValue } from '../shared/frameSource.ts';
import { racerOf, type Run } from '../../client/run.ts';
import { useRun } from '../../client/runContext.ts';
import { HEAVY_INTERVAL_MS } from '../../client/scheduler.ts';
import { useScheduledVersion } from '../../client/scheduled.ts';
import { useRunController, useWorkspace } from '../../client/workspaceContext.ts';
import { Panel } from '../Panel.tsx';
import { formatLoss, LossChart, type LossCurve } from '../shared/LossChart.tsx';
import { LossControls } from '../shared/LossControls.tsx';
import { buildSeries, type LossAxis } from '../shared/lossSeries.ts';
import { CompareDecay } from './CompareDecay.tsx';
import { ModelView } from './ModelView.tsx';
import { HeatmapKey } from '../shared/HeatmapKey.tsx';
import './compare.css';

/** TensorBoard's default smoothing, as in the loss panel. */
const SMOOTHING = 0.6;
/** The loss chart's height in px. */
const LOSS_HEIGHT = 200;

export function ComparePanel() {
  const racing = useWorkspace((s) => s.racing);
  const runs = useWorkspace((s) => s.runs);
  const models = racing ? runs : null;
  return models ? (
    <div className="compare-slot">
      <CompareBody models={models} />
    </div>
  ) : null;
}

function CompareBody({ models }: { models: readonly Run[] }) {
  const t = useT();
  const [log, setLog] = useState(true);
  const xMode = useView((s) => s.raceAxis);
  const view = useViewStore();
  const setXMode = (m: LossAxis) => view.setState({ raceAxis: m });
  const controller = useRunController();
  const focusedRun = useRun();
  const focused = (focusedRun.racer ?? racerOf(models[0])).variant.id;
  const subscribeStores = useCallback((onChange: () => void) => {
    const offs = models.map((m) => m.store.subscribe(onChange));
    return () => offs.forEach((off) => off());
  }, [models]);
  const version = useScheduledVersion(subscribeStores, { minIntervalMs: HEAVY_INTERVAL_MS });
  const T = useFrameValue((f) => f?.T ?? null);
  // The racers share the task, so the focused one's head tells the chance level of all.
  const summary = useApp((s) => s.summary);
  const chance = useMemo(() => chanceLevel(summary), [summary]);

  const losses: LossCurve[] = useMemo(() => {
    void version; // the stores' states are read afresh at each scheduled change
    return models.flatMap((m) => {
      const racer = racerOf(m);
      const train = buildSeries(m.store.getState().loss, SMOOTHING, xMode).find((s) => s.key === 'train');
      if (!train) return [];
      const group = { className: 'compare-loss-series', 'data-cell': racer.cell, 'data-racer': racer.variant.id, 'data-points': train.xs.length, 'data-last': train.raw[train.raw.length - 1] };
      return [{ key: racer.variant.id, label: variantLabel(t, racer.variant), color: racerColor(racer), series: train, group, smoothClass: 'compare-loss-smooth' }];
    });
  }, [models, version, xMode, t]);

  const controls = (
    <>
      <div className="compare-focus" role="group" aria-label={t('compare.focus')} title={t('compare.focusHint')}>
        <span className="compare-focus-label">{t('compare.focus')}</span>
        <div className="segmented">
          {models.map((m) => (
            <button
              key={racerOf(m).variant.id}
              type="button"
              className="segmented-option"
              data-testid={`compare-focus-${racerOf(m).variant.id}`}
              aria-pressed={racerOf(m).variant.id === focused}
              onClick={() => controller?.setFocus(racerOf(m).variant.id)}
            >
              {variantLabel(t, racerOf(m).variant)}
            </button>
          ))}
        </div>
      </div>
      <LossControls log={log} onLog={setLog} xMode={xMode} onXMode={setXMode} testId="race" />
    </>
  );

  return (
    <Panel testId="panel-compare" title={t('compare.title')} subtitle={t('compare.subtitle')} controls={controls} className="compare-panel">
      <div className="compare-charts">
        <figure className="compare-figure">
          <figcaption className="compare-figure-title">{t('compare.loss')}</figcaption>
          <ul className="compare-legend">
            {models.map((m) => (
              <ModelStats key={racerOf(m).variant.id} model={m} version={version} />
            ))}
          </ul>
          <LossChart curves={losses} log={log} xMode={xMode} height={LOSS_HEIGHT} initialWidth={420} ariaLabel={t('compare.lossAria')} chance={chance} endLabels />
        </figure>
        <figure className="compare-figure">
          <figcaption className="compare-figure-title">{t('compare.decay')}</figcaption>
          <CompareDecay models={models} />
        </figure>
      </div>
      <h3 className="compare-views-title">{t('compare.views')}</h3>
      <HeatmapKey />
      {T === null ? (
        <p className="viz-note">{t('compare.waiting')}</p>
      ) : (
        <div className="compare-models" style={{ gridTemplateColumns: `repeat(${models.length}, minmax(0, 1fr))` }}>
          {models.map((m) => (
            <ModelView key={racerOf(m).variant.id} model={m} focused={racerOf(m).variant.id === focused} />
          ))}
        </div>
      )}
    </Panel>
  );
}

/** A legend entry: the model's colour and name, its step and latest loss, and a NaN/Inf stop if there was one. */
function ModelStats({ model, version }: { model: Run; version: number }) {
  const t = useT();
  void version;
  const s = model.store.getState();
  const racer = racerOf(model);
  const id = racer.variant.id;
  return (
    <li className="compare-legend-item" data-testid={`compare-legend-${id}`} data-step={s.step} data-loss={s.lastLoss ?? ''}>
      <svg width={18} height={8} aria-hidden="true">
        <line x1={0} x2={18} y1={4} y2={4} stroke={racerColor(racer)} strokeWidth={3} />
      </svg>
      <b>{variantLabel(t, racer.variant)}</b>
      <span className="compare-legend-stats">{t('compare.stats', { step: s.step, loss: s.lastLoss === null ? '—' : formatLoss(s.lastLoss) })}</span>
      {s.workerLost !== null ? (
        <span className="compare-failed" data-testid={`compare-worker-lost-${id}`} title={t('worker.lost', { message: s.workerLost })}>
          {t('worker.lostShort')}
        </span>
      ) : null}
      {s.failure ? (
        <span className="compare-failed" data-testid={`compare-failed-${id}`}>
          {t('compare.failed', { step: s.failure.step })}
        </span>
      ) : s.divergence ? (
        <span className="compare-failed" data-testid={`compare-diverging-${id}`}>
          {t('divergence.compare')}
        </span>
      ) : null}
    </li>
  );
}
