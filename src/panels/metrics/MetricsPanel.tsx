/**
 * How the current weights do on the held-out test split, next to the score to beat: RMSE, MAE and MAPE in the
 * data's original units beside the naive "tomorrow = today" forecast (and the recursive forecast), with a
 * plain "beats naive?" verdict; for a classifier, accuracy beside always guessing the majority class, and
 * per-class precision and recall.
 */
import { useT } from '../../client/useT.ts';
import { useLang } from '../../store/uiStore.ts';
import { useApp } from '../../client/useApp.ts';
import type { ClassificationMeta } from '../../tasks/classification.ts';
import type { RegressionMetrics } from '../../tasks/data/metrics.ts';
import type { ForecastMeta } from '../../tasks/forecast.ts';
import { formatValue } from '../../viz/format.ts';
import type { ClassificationEvaluationResult, ForecastEvaluationResult } from '../../contracts/protocol.ts';
import { Panel } from '../Panel.tsx';
import { DataWaiting } from '../shared/DataWaiting.tsx';
import { ForecastHonesty } from './ForecastHonesty.tsx';
import { classLabels, columnLabel, relativeToNaive } from '../shared/pipelineView.ts';
import '../shared/pipeline.css';

type T = ReturnType<typeof useT>;

const pct = (v: number): string => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '—');
const num = (v: number): string => (Number.isFinite(v) ? formatValue(v) : '—');

function Verdict(props: { good: boolean; text: string; testId: string }) {
  return (
    <p className={`metrics-verdict ${props.good ? 'is-good' : 'is-bad'}`} data-testid={props.testId} data-beats={props.good ? 'yes' : 'no'} role="status">
      <span aria-hidden="true">{props.good ? '✓' : '✗'}</span> {props.text}
    </p>
  );
}

function ForecastMetrics({ meta, ev, t }: { meta: ForecastMeta; ev: ForecastEvaluationResult; t: T }) {
  const lang = useLang();
  const columns: { key: string; label: string; m: RegressionMetrics | null }[] = [
    { key: 'model', label: t('metrics.model'), m: ev.oneStep.metrics },
    { key: 'naive', label: t('metrics.naive'), m: ev.naive.metrics },
    { key: 'recursive', label: t('metrics.recursive'), m: ev.recursive?.metrics ?? null },
  ];
  const rows: { key: keyof RegressionMetrics; label: string; format: (v: number) => string }[] = [
    { key: 'rmse', label: 'RMSE', format: num },
    { key: 'mae', label: 'MAE', format: num },
    { key: 'mape', label: 'MAPE', format: (v) => (Number.isFinite(v) ? `${v.toFixed(2)}%` : '—') },
  ];
  const rel = relativeToNaive(ev.oneStep.metrics.rmse, ev.naive.metrics.rmse);
  const beats = rel < 0;
  const best = (key: keyof RegressionMetrics): string => (ev.oneStep.metrics[key] < ev.naive.metrics[key] ? 'model' : 'naive');
  const unit = columnLabel(meta.source, meta.columns[meta.target], lang);
  return (
    <>
      <Verdict good={beats} testId="metrics-beats-naive" text={t(beats ? 'metrics.beats' : 'metrics.loses', { pct: Math.abs(100 * rel).toFixed(1) })} />
      <ForecastHonesty meta={meta} unit={unit} />
      <table className="data-table metrics-table" data-testid="metrics-table">
        <thead>
          <tr>
            <th scope="col">{t('metrics.metric')}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {columns.map((c) => (
                <td key={c.key} className={c.key === best(r.key) ? 'is-best' : undefined} data-metric={`${c.key}-${r.key}`} data-value={c.m ? c.m[r.key] : ''}>
                  {c.m ? r.format(c.m[r.key]) : '—'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-hint">{t('metrics.unitsNote', { unit })}</p>
      {ev.oneStep.metrics.mapeSkipped > 0 ? <p className="field-hint">{t('metrics.mapeSkipped', { n: ev.oneStep.metrics.mapeSkipped })}</p> : null}
    </>
  );
}

function ClassificationMetricsView({ meta, ev, t }: { meta: ClassificationMeta; ev: ClassificationEvaluationResult; t: T }) {
  const lang = useLang();
  const names = classLabels(meta, lang);
  const test = ev.balance.test;
  const total = test.reduce((a, b) => a + b, 0);
  const majority = test.indexOf(Math.max(...test));
  const majorityAcc = total > 0 ? test[majority] / total : NaN;
  const beats = ev.metrics.accuracy > majorityAcc;
  return (
    <>
      <p className="metrics-headline">
        {t('metrics.accuracy')}: <strong data-testid="metrics-accuracy" data-value={ev.metrics.accuracy}>{pct(ev.metrics.accuracy)}</strong>
      </p>
      <p className="field-hint">{t('metrics.majority', { cls: names[majority] ?? '', acc: pct(majorityAcc) })}</p>
      <Verdict good={beats} testId="metrics-beats-majority" text={t(beats ? 'metrics.beatsMajority' : 'metrics.losesMajority')} />
      <table className="data-table metrics-table" data-testid="metrics-table">
        <thead>
          <tr>
            <th scope="col">{t('metrics.class')}</th>
            <th scope="col">{t('metrics.precision')}</th>
            <th scope="col">{t('metrics.recall')}</th>
            <th scope="col">{t('metrics.support')}</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name, k) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{pct(ev.metrics.precision[k])}</td>
              <td>{pct(ev.metrics.recall[k])}</td>
              <td>{ev.metrics.support[k]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-hint">{t('metrics.classNote')}</p>
    </>
  );
}

export function MetricsPanel() {
  const t = useT();
  const meta = useApp((s) => s.taskMeta);
  const ev = useApp((s) => s.evaluation);
  const n = ev?.kind === 'forecast' ? ev.oneStep.metrics.count : ev?.kind === 'classification' ? ev.metrics.total : 0;
  return (
    <Panel testId="panel-metrics" title={t('metrics.title')} subtitle={ev && ev.kind !== 'text' ? t('metrics.subtitle', { step: ev.step, n }) : undefined}>
      {meta?.kind === 'forecast' && ev?.kind === 'forecast' ? (
        <ForecastMetrics meta={meta} ev={ev} t={t} />
      ) : meta?.kind === 'classification' && ev?.kind === 'classification' ? (
        <ClassificationMetricsView meta={meta} ev={ev} t={t} />
      ) : (
        <DataWaiting />
      )}
    </Panel>
  );
}
