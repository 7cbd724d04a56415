/**
 * The whole series with the pipeline drawn on it: the chronological split as a line (validation and test
 * parts shaded), the selected window as a band with its target marked, and over the test part the
 * one-step-ahead and the recursive forecasts. Hover reads every line at a row; a click picks the window
 * whose target is that row. The chart frame draws axes, lines and the read-out; this file the pipeline.
 */
import { useMemo } from 'react';
import { ChartFrame, type ChartGroup, type ChartHover, type ChartPlot } from '../../viz/ChartFrame.tsx';
import { formatValue } from '../../viz/format.ts';
import { PLOT_MARGIN as M } from '../../viz/layout.ts';
import type { ForecastMeta } from '../../tasks/forecast.ts';
import type { ForecastEvaluationResult } from '../../contracts/protocol.ts';
import { inUnits } from '../shared/pipelineView.ts';

export const SERIES_COLORS = {
  actual: 'var(--pipe-actual, #495057)',
  oneStep: 'var(--pred-output, #7048e8)',
  recursive: 'var(--pipe-recursive, #e8590c)',
  window: 'var(--accent, #1f5fd6)',
  target: 'var(--pred-target, #2b8a3e)',
} as const;

export interface SeriesLabels {
  actual: string;
  oneStep: string;
  recursive: string;
  train: string;
  validation: string;
  test: string;
  row: string;
  aria: string;
}

interface Props {
  meta: ForecastMeta;
  evaluation: ForecastEvaluationResult | null;
  /** Normalised units instead of the original ones. */
  scaled: boolean;
  /** Start row of the highlighted window. */
  windowStart: number;
  labels: SeriesLabels;
  onPickRow: (row: number) => void;
  /** Total height in px. */
  height?: number;
}

/** Room above the plot for the "← train | test →" labels. */
const LABEL_ROOM = 14;
const FORECASTS = ['oneStep', 'recursive'] as const;

export function SeriesChart(p: Props) {
  const { meta, evaluation, scaled } = p;
  const rows = meta.split.rows;
  const series = meta.raw[meta.target];

  const lines = useMemo(() => {
    const actual = Float64Array.from(series, (v) => inUnits(meta, scaled, v));
    const forecast = (c: { rows: Int32Array; predicted: Float64Array } | null) =>
      c ? { xs: c.rows, ys: c.predicted.map((v) => inUnits(meta, scaled, v)), at: new Map(Array.from(c.rows, (r, k) => [r, k])) } : null;
    return { actual, rowXs: Float64Array.from({ length: actual.length }, (_, i) => i), oneStep: forecast(evaluation?.oneStep ?? null), recursive: forecast(evaluation?.recursive ?? null) };
  }, [series, evaluation, meta, scaled]);

  const groups: ChartGroup[] = useMemo(
    () => [
      { key: 'actual', lines: [{ key: 'actual', xs: lines.rowXs, ys: lines.actual, color: SERIES_COLORS.actual, width: 1.4, attrs: { 'data-line': 'actual' } }] },
      ...FORECASTS.map((k) => ({
        key: k,
        lines: [
          {
            key: k,
            xs: lines[k]?.xs ?? [],
            ys: lines[k]?.ys ?? [],
            color: SERIES_COLORS[k],
            width: k === 'oneStep' ? 2 : 1.8,
            dash: k === 'recursive' ? '5 3' : undefined,
            attrs: { 'data-line': k },
          },
        ],
      })),
    ],
    [lines],
  );

  const label = (r: number): string => meta.timeLabels?.[r] ?? `${p.labels.row} ${r + 1}`;
  const partOf = (r: number): string => (r < meta.split.trainEnd ? p.labels.train : r < meta.split.testStart ? p.labels.validation : p.labels.test);
  const w = meta.spec.window;
  const start = p.windowStart;
  const targetRow = start + w - 1 + meta.spec.horizon;

  const hover: ChartHover = {
    count: rows,
    xOf: (i) => i,
    at: (v) => Math.max(0, Math.min(rows - 1, Math.round(v))),
    start: targetRow,
    onPick: p.onPickRow,
    readout: (r) => ({
      title: `${label(r)} · ${partOf(r)}`,
      rows: [
        { key: 'actual', color: SERIES_COLORS.actual, content: `${p.labels.actual}: ${formatValue(lines.actual[r])}` },
        ...FORECASTS.flatMap((k) => {
          const f = lines[k];
          const at = f?.at.get(r);
          return f && at !== undefined ? [{ key: k, color: SERIES_COLORS[k], content: `${p.labels[k]}: ${formatValue(f.ys[at])}` }] : [];
        }),
      ],
    }),
  };

  const under = ({ x, height }: ChartPlot) => {
    const splitX = x(meta.split.testStart - 0.5);
    const valX = x(meta.split.trainEnd - 0.5);
    const bandX = x(start - 0.5);
    return (
      <>
        {meta.split.trainEnd < meta.split.testStart ? <rect className="pipe-part-validation" x={valX} width={splitX - valX} height={height} /> : null}
        <rect className="pipe-part-test" x={splitX} width={Math.max(0, x(rows - 1) - splitX)} height={height} />
        <rect className="pipe-window" x={bandX} width={Math.max(2, x(start + w - 0.5) - bandX)} y={0} height={height} fill={SERIES_COLORS.window} data-testid="pipeline-window" />
      </>
    );
  };
  const over = ({ x, y, height }: ChartPlot) => {
    const splitX = x(meta.split.testStart - 0.5);
    const at = (r: number) => y(lines.actual[r]);
    return (
      <>
        {w <= 60 ? Array.from({ length: w }, (_, k) => start + k).map((r) => <circle key={r} cx={x(r)} cy={at(r)} r={2.6} fill={SERIES_COLORS.window} />) : null}
        {Number.isFinite(lines.actual[targetRow]) ? <circle className="pipe-target" cx={x(targetRow)} cy={at(targetRow)} r={5} fill={SERIES_COLORS.target} /> : null}
        <line className="pipe-split" x1={splitX} x2={splitX} y1={-12} y2={height} />
        <text className="pipe-part-label" x={splitX - 6} y={-3} textAnchor="end">
          ← {p.labels.train}
        </text>
        <text className="pipe-part-label" x={splitX + 6} y={-3}>
          {p.labels.test} →
        </text>
      </>
    );
  };

  return (
    <ChartFrame
      className="pipe-chart"
      groups={groups}
      height={(p.height ?? 250) - M.top - M.bottom - LABEL_ROOM}
      margin={{ top: M.top + LABEL_ROOM }}
      initialWidth={640}
      xDomain={[0, Math.max(1, rows - 1)]}
      xInteger
      xTickSpacing={90}
      xTickFormat={meta.timeLabels ? (v) => meta.timeLabels?.[Math.round(v)] ?? '' : (v) => String(v + 1)}
      grid
      hover={hover}
      under={under}
      over={over}
      ariaLabel={p.labels.aria}
      exportName="series"
    />
  );
}
