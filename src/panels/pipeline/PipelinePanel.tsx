/**
 * The forecasting pipeline made visible, step by step: raw series → chronological split → normaliser fitted
 * on the training rows → sliding windows → the model → predictions back in original units. One window and
 * its target are highlighted (the probe window at first; the student moves it), with its numbers before and
 * after scaling, and the one-step-ahead and recursive forecasts are drawn over the test part.
 */
import { useMemo, useState } from 'react';
import { useT } from '../../client/useT.ts';
import { useLang } from '../../store/uiStore.ts';
import { useApp } from '../../client/useApp.ts';
import type { ForecastMeta } from '../../tasks/forecast.ts';
import { formatValue } from '../../viz/format.ts';
import type { ForecastEvaluationResult } from '../../contracts/protocol.ts';
import { Legend } from '../../viz/ChartLegend.tsx';
import { Panel } from '../Panel.tsx';
import { DataWaiting } from '../shared/DataWaiting.tsx';
import { columnLabel, datasetTitle, windowDetail, windowForTargetRow, windowIndexOf, windowList, type WindowDetail } from '../shared/pipelineView.ts';
import { SERIES_COLORS, SeriesChart } from './SeriesChart.tsx';
import '../shared/pipeline.css';

type T = ReturnType<typeof useT>;

/** Values of a long window shown as its first and last few. */
function ValueRow(props: { label: string; values: number[]; target: number; predicted?: number | null; t: T }) {
  const vs = props.values;
  const shown = vs.length > 12 ? [...vs.slice(0, 5).map(formatValue), '…', ...vs.slice(-5).map(formatValue)] : vs.map(formatValue);
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td className="pipe-values">
        [{shown.join(', ')}] → <strong className="pipe-target-value">{formatValue(props.target)}</strong>
        {props.predicted !== undefined && props.predicted !== null ? (
          <span className="pipe-predicted">
            {' '}
            · {props.t('pipe.prediction')} {formatValue(props.predicted)}
          </span>
        ) : null}
      </td>
    </tr>
  );
}

function Flow({ meta, t, unit }: { meta: ForecastMeta; t: T; unit: string }) {
  const { split, scaler, spec } = meta;
  return (
    <ol className="pipe-flow" aria-label={t('pipe.title')}>
      <li>{t('pipe.flow.raw', { rows: split.rows })}</li>
      <li>{t('pipe.flow.split', { row: split.testStart + 1, train: split.trainEnd, test: split.rows - split.testStart })}</li>
      {meta.transform !== 'level' ? <li data-testid="pipe-flow-transform">{t(`pipe.flow.transform.${meta.transform}`)}</li> : null}
      <li className={scaler.leakage ? 'pipe-flow-leak' : undefined}>
        {t('pipe.flow.scale', { scaler: t(`cfg.scaler.${scaler.kind}`), fit: t(scaler.leakage ? 'pipe.flow.fitAll' : 'pipe.flow.fitTrain') })}
      </li>
      <li>{t('pipe.flow.windows', { n: meta.windows.train.length, W: spec.window, h: spec.horizon })}</li>
      <li>{t('pipe.flow.inverse', { unit })}</li>
    </ol>
  );
}

function ScalerTable({ meta, t }: { meta: ForecastMeta; t: T }) {
  const s = meta.scaler;
  const minmax = s.kind === 'minmax';
  return (
    <div className="pipe-scaler">
      <h3>{t('pipe.scaler')}</h3>
      <p className="pipe-formula">{t(minmax ? 'pipe.scaler.minmax' : 'pipe.scaler.zscore')}</p>
      <table className="data-table" data-testid="pipeline-scaler">
        <thead>
          <tr>
            <th scope="col">{t('pipe.scaler.column')}</th>
            <th scope="col">{t(minmax ? 'pipe.scaler.min' : 'pipe.scaler.mean')}</th>
            <th scope="col">{t(minmax ? 'pipe.scaler.range' : 'pipe.scaler.std')}</th>
          </tr>
        </thead>
        <tbody>
          {meta.columns.map((c, k) => (
            <tr key={c}>
              <th scope="row">{c}</th>
              <td>{formatValue(s.offset[k])}</td>
              <td>{formatValue(s.scale[k])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-hint">{t(s.leakage ? 'pipe.fitAll' : 'pipe.fitTrain', { n: s.fitRows })}</p>
      {s.leakage ? (
        <p className="data-leakage" role="alert" data-testid="pipeline-leakage">
          ⚠ {t('data.leakage')}
        </p>
      ) : null}
    </div>
  );
}

function WindowPicker(props: { meta: ForecastMeta; index: number; count: number; detail: WindowDetail; part: string; probe: number; onPick: (k: number) => void; t: T }) {
  const { t, index, count, detail } = props;
  const label = (r: number) => props.meta.timeLabels?.[r] ?? `${t('pipe.row')} ${r + 1}`;
  return (
    <div className="pipe-window-picker">
      <span className="field-label">{t('pipe.windowPick')}</span>
      <button type="button" className="btn btn-small" aria-label={t('pipe.prevWindow')} disabled={index === 0} onClick={() => props.onPick(index - 1)}>
        ◀
      </button>
      <input
        type="range"
        className="slider"
        min={0}
        max={count - 1}
        value={index}
        aria-label={t('pipe.windowPick')}
        aria-valuetext={t('pipe.windowOf', { from: label(detail.start), to: label(detail.end - 1), target: label(detail.targetRow), part: props.part })}
        data-testid="pipeline-window-slider"
        onChange={(e) => props.onPick(Number(e.target.value))}
      />
      <button type="button" className="btn btn-small" aria-label={t('pipe.nextWindow')} disabled={index === count - 1} onClick={() => props.onPick(index + 1)}>
        ▶
      </button>
      <button type="button" className="btn btn-small" title={t('pipe.toProbeTitle')} disabled={index === props.probe} onClick={() => props.onPick(props.probe)}>
        {t('pipe.toProbe')}
      </button>
      <span className="pipe-window-text" data-testid="pipeline-window-text">
        {t('pipe.windowOf', { from: label(detail.start), to: label(detail.end - 1), target: label(detail.targetRow), part: props.part })}
      </span>
    </div>
  );
}

function PipelineView({ meta, evaluation }: { meta: ForecastMeta; evaluation: ForecastEvaluationResult | null }) {
  const t = useT();
  const lang = useLang();
  const [scaled, setScaled] = useState(false);
  const list = useMemo(() => windowList(meta), [meta]);
  const probe = useMemo(() => windowIndexOf(list, meta.probe.start), [list, meta]);
  const [picked, setPicked] = useState(probe);
  const index = Math.min(picked, list.starts.length - 1);
  const detail = windowDetail(meta, list.starts[index], evaluation?.oneStep ?? null);
  const unit = columnLabel(meta.source, meta.columns[meta.target], lang);
  const part = t(`pipe.${list.parts[index]}`);
  const levels = meta.transform === 'level';

  return (
    <div className="pipe">
      <Flow meta={meta} t={t} unit={unit} />
      <div className="pipe-toolbar">
        <Legend
          items={[
            { key: 'actual', label: t('pipe.actual'), color: SERIES_COLORS.actual },
            { key: 'window', label: t('pipe.window'), color: SERIES_COLORS.window, weight: 'bold' },
            { key: 'target', label: t('pipe.windowTarget'), color: SERIES_COLORS.target, weight: 'bold' },
            { key: 'oneStep', label: t('pipe.oneStep'), color: SERIES_COLORS.oneStep, weight: 'bold' },
            { key: 'recursive', label: t('pipe.recursive'), color: SERIES_COLORS.recursive, dashed: true },
          ]}
        />
        {/* A model of changes sees no scaled levels: the chart stays in original units. */}
        {levels ? (
          <div className="segmented pipe-units" role="group" aria-label={t('pipe.view')}>
            {([false, true] as const).map((v) => (
              <button key={String(v)} type="button" className="segmented-option" aria-pressed={scaled === v} data-testid={v ? 'pipeline-view-scaled' : 'pipeline-view-original'} onClick={() => setScaled(v)}>
                {t(v ? 'pipe.view.scaled' : 'pipe.view.original')}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      <SeriesChart
        meta={meta}
        evaluation={evaluation}
        scaled={levels && scaled}
        windowStart={detail.start}
        onPickRow={(row) => setPicked(windowForTargetRow(list, meta, row))}
        labels={{
          actual: t('pipe.actual'),
          oneStep: t('pipe.oneStep'),
          recursive: t('pipe.recursive'),
          train: t('pipe.train'),
          validation: t('pipe.validation'),
          test: t('pipe.test'),
          row: t('pipe.row'),
          aria: t('pipe.aria'),
        }}
      />
      {evaluation && !evaluation.recursive ? <p className="field-hint">{t('pipe.noRecursive')}</p> : null}
      <WindowPicker meta={meta} index={index} count={list.starts.length} detail={detail} part={part} probe={probe} onPick={setPicked} t={t} />
      <div className="pipe-details">
        <table className="data-table pipe-window-values" data-testid="pipeline-window-values">
          <caption>{meta.columns[meta.target]}</caption>
          <tbody>
            <ValueRow label={t('pipe.inputs')} values={detail.raw} target={detail.target} predicted={detail.predicted} t={t} />
            <ValueRow label={t('pipe.normalised')} values={detail.scaled} target={detail.targetScaled} t={t} />
          </tbody>
        </table>
        <ScalerTable meta={meta} t={t} />
      </div>
    </div>
  );
}

export function PipelinePanel() {
  const t = useT();
  const lang = useLang();
  const meta = useApp((s) => s.taskMeta);
  const evaluation = useApp((s) => s.evaluation);
  const runId = useApp((s) => s.runId);
  const forecast = meta?.kind === 'forecast' ? meta : null;
  const title = forecast ? (datasetTitle(forecast.source, lang) ?? forecast.source) : null;
  return (
    <Panel testId="panel-pipeline" title={t('pipe.title')} subtitle={forecast && title ? t('pipe.subtitle', { dataset: title, rows: forecast.split.rows }) : undefined}>
      {forecast ? (
        // A new run starts again from its probe window.
        <PipelineView key={runId} meta={forecast} evaluation={evaluation?.kind === 'forecast' ? evaluation : null} />
      ) : (
        <DataWaiting />
      )}
    </Panel>
  );
}
