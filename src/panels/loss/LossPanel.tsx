/** Training and validation loss over steps or elapsed time, smoothed the TensorBoard way. */
import { useId, useMemo, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import type { LossHistory } from '../../store/appStore.ts';
import { Panel } from '../Panel.tsx';
import { Legend } from './Legend.tsx';
import { LossChart, SERIES_COLOR } from './LossChart.tsx';
import { buildSeries, type XMode } from './lossSeries.ts';
import { useThrottledApp } from './useThrottledApp.ts';
import './loss.css';

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

const selectLoss = (s: { loss: LossHistory }): LossSnapshot => ({ loss: s.loss, n: s.loss.train.length, nv: s.loss.validation.length });
const lossChanged = (a: LossSnapshot, b: LossSnapshot): boolean => a.loss !== b.loss || a.n !== b.n || a.nv !== b.nv;

export function LossPanel() {
  const t = useT();
  const snap = useThrottledApp(selectLoss, lossChanged, REFRESH_MS);
  const [smoothing, setSmoothing] = useState(DEFAULT_SMOOTHING);
  // Log by default: a loss usually falls over several decades, and the late, small changes are the interesting ones.
  const [log, setLog] = useState(true);
  const [xMode, setXMode] = useState<XMode>('step');
  const ids = useId();

  const series = useMemo(() => buildSeries(snap.loss, smoothing, xMode), [snap, smoothing, xMode]);

  const controls = (
    <>
      <label className="loss-control" htmlFor={`${ids}-smooth`}>
        {t('loss.smoothing')}
        <input
          id={`${ids}-smooth`}
          type="range"
          min={0}
          max={0.999}
          step={0.001}
          value={smoothing}
          onChange={(e) => setSmoothing(Number(e.target.value))}
        />
        <output htmlFor={`${ids}-smooth`}>{smoothing.toFixed(3)}</output>
      </label>
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
    <Panel testId="panel-loss" title={t('loss.title')} controls={controls} className="loss-panel">
      {series.length > 0 ? (
        <>
          <Legend
            items={[
              { key: 'train', label: t('loss.train'), color: SERIES_COLOR.train, weight: 'bold' },
              { key: 'validation', label: t('loss.validation'), color: SERIES_COLOR.validation, weight: 'bold' },
              { key: 'raw', label: t('loss.legendNote'), color: 'currentColor', weight: 'faint' },
            ]}
          />
          <LossChart series={series} log={log} xMode={xMode} />
        </>
      ) : (
        <p className="panel-empty">{t('loss.empty')}</p>
      )}
    </Panel>
  );
}
