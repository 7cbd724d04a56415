/** Training and validation loss over steps or elapsed time, smoothed the TensorBoard way. */
import { useMemo, useState } from 'react';
import { useT } from '../../client/useT.ts';
import { useScheduledValue } from '../../client/scheduled.ts';
import { type AppStore } from '../../store/appStore.ts';
import { type LossHistory } from '../../contracts/runControls.ts';
import { Legend } from '../../viz/ChartLegend.tsx';
import { Panel } from '../Panel.tsx';
import { useApp, useAppStore } from '../../client/useApp.ts';
import { chanceLevel } from '../shared/chanceLevel.ts';
import { LossChart, seriesColor, type LossCurve } from '../shared/LossChart.tsx';
import { LossControls } from '../shared/LossControls.tsx';
import { buildSeries, type LossAxis } from '../shared/lossSeries.ts';
import './loss.css';

/** The chart's height in px. */
const HEIGHT = 220;
/** Re-render the curve at most this often while training (the worker streams losses much faster). */
const REFRESH_MS = 100;
/** TensorBoard's default smoothing. */
const DEFAULT_SMOOTHING = 0.6;

interface LossSnapshot {
  loss: LossHistory;
  /** Lengths at snapshot time: the client may append to the arrays in place. */
  n: number;
  nv: number;
}

const readLoss = (store: AppStore): LossSnapshot => {
  const { loss } = store.getState();
  return { loss, n: loss.train.length, nv: loss.validation.length };
};
const lossChanged = (a: LossSnapshot, b: LossSnapshot): boolean => a.loss !== b.loss || a.n !== b.n || a.nv !== b.nv;

export function LossPanel() {
  const t = useT();
  const store = useAppStore();
  const snap = useScheduledValue(store.subscribe, () => readLoss(store), { minIntervalMs: REFRESH_MS, changed: lossChanged });
  const [smoothing, setSmoothing] = useState(DEFAULT_SMOOTHING);
  // Log by default: a loss usually falls over several decades, and the late, small changes are the interesting ones.
  const [log, setLog] = useState(true);
  const [xMode, setXMode] = useState<LossAxis>('step');
  const summary = useApp((s) => s.summary);
  const cell = useApp((s) => s.summary?.cell ?? s.config.cell);
  const chance = useMemo(() => chanceLevel(summary), [summary]);

  const curves: LossCurve[] = useMemo(
    () =>
      buildSeries(snap.loss, smoothing, xMode).map((s) => ({
        key: s.key,
        label: t(s.key === 'train' ? 'loss.train' : 'loss.validation'),
        color: seriesColor(s.key, cell),
        series: s,
        group: { 'data-series': s.key },
      })),
    [snap, smoothing, xMode, t, cell],
  );

  const controls = <LossControls smoothing={smoothing} onSmoothing={setSmoothing} log={log} onLog={setLog} xMode={xMode} onXMode={setXMode} />;

  return (
    <Panel testId="panel-loss" title={t('loss.title')} controls={controls} className="loss-panel">
      {curves.length > 0 ? (
        <>
          <Legend
            items={[
              { key: 'train', label: t('loss.train'), color: seriesColor('train', cell), weight: 'bold' },
              { key: 'validation', label: t('loss.validation'), color: seriesColor('validation', cell), weight: 'bold' },
              { key: 'raw', label: t('loss.legendNote'), color: 'currentColor', weight: 'faint' },
            ]}
          />
          <LossChart curves={curves} log={log} xMode={xMode} height={HEIGHT} initialWidth={480} chance={chance} />
        </>
      ) : (
        <p className="panel-empty">{t('loss.empty')}</p>
      )}
    </Panel>
  );
}
