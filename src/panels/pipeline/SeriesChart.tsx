/**
 * The whole series with the pipeline drawn on it: the chronological split as a line (validation and test
 * parts shaded), the selected window as a band with its target marked, and over the test part the
 * one-step-ahead and the recursive forecasts. Hover reads every line at a row; a click picks the window
 * whose target is that row. d3 computes scales and paths, React draws.
 */
import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { extent } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { AxisBottom, AxisLeft } from '../../viz/Axis.tsx';
import { compactTickFormat, formatValue } from '../../viz/format.ts';
import { PLOT_MARGIN as M, useWidth } from '../../viz/layout.ts';
import type { ForecastMeta } from '../../tasks/forecast.ts';
import type { ForecastEvaluationResult } from '../../contracts/protocol.ts';
import { tooltipPlacement } from '../shared/tooltipPlacement.ts';
import { inUnits, thinIndices } from '../shared/pipelineView.ts';
import '../shared/chart.css';
import '../../viz/viz.css';

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
  height?: number;
}

type Pt = [number, number];

export function SeriesChart(p: Props) {
  const { meta, evaluation, scaled } = p;
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useWidth(boxRef, 640);
  const height = p.height ?? 250;
  const innerW = Math.max(60, width - M.left - M.right);
  const innerH = height - M.top - M.bottom - 14;
  const top = M.top + 14;
  const rows = meta.split.rows;
  const series = meta.raw[meta.target];
  const [hover, setHover] = useState<number | null>(null);

  const x = useMemo(() => scaleLinear().domain([0, Math.max(1, rows - 1)]).range([0, innerW]), [rows, innerW]);
  const u = (v: number): number => inUnits(meta, scaled, v);

  const curves = useMemo(() => {
    const pts = (c: { rows: Int32Array; predicted: Float64Array } | null): Pt[] =>
      c ? Array.from(c.rows, (r, k) => [r, inUnits(meta, scaled, c.predicted[k])] as Pt) : [];
    return { oneStep: pts(evaluation?.oneStep ?? null), recursive: pts(evaluation?.recursive ?? null) };
  }, [evaluation, meta, scaled]);

  const y = useMemo(() => {
    const all = [...Array.from(series, (v) => inUnits(meta, scaled, v)), ...curves.oneStep.map((q) => q[1]), ...curves.recursive.map((q) => q[1])];
    const [lo, hi] = extent(all.filter(Number.isFinite));
    const d: [number, number] = lo === undefined || hi === undefined ? [0, 1] : lo === hi ? [lo - 1, hi + 1] : [lo, hi];
    const pad = (d[1] - d[0]) * 0.04;
    return scaleLinear().domain([d[0] - pad, d[1] + pad]).range([innerH, 0]).nice();
  }, [series, curves, meta, scaled, innerH]);

  const path = useMemo(
    () =>
      line<Pt>()
        .defined((q) => Number.isFinite(q[1]))
        .x((q) => x(q[0]))
        .y((q) => y(q[1])),
    [x, y],
  );
  // A long series is thinned to the pixels it covers (min and max of each column keep its shape).
  const actualPath = useMemo(
    () => path(thinIndices(series, 0, rows, innerW).map((r) => [r, inUnits(meta, scaled, series[r])] as Pt)) ?? '',
    [path, series, rows, innerW, meta, scaled],
  );

  const w = meta.spec.window;
  const start = p.windowStart;
  const targetRow = start + w - 1 + meta.spec.horizon;
  const bandX = x(start - 0.5);
  const bandW = Math.max(2, x(start + w - 0.5) - bandX);
  const splitX = x(meta.split.testStart - 0.5);
  const valX = x(meta.split.trainEnd - 0.5);
  const label = (r: number): string => meta.timeLabels?.[r] ?? `${p.labels.row} ${r + 1}`;
  const tickFormat = meta.timeLabels ? (v: number) => meta.timeLabels?.[Math.round(v)] ?? '' : (v: number) => String(v + 1);
  const xTicks = x.ticks(Math.max(2, Math.floor(innerW / 90))).filter((v) => Number.isInteger(v) && v >= 0 && v < rows);

  const rowAt = (clientX: number, box: DOMRect): number => Math.max(0, Math.min(rows - 1, Math.round(x.invert(clientX - box.left))));
  const onMove = (e: PointerEvent<SVGRectElement>): void => setHover(rowAt(e.clientX, e.currentTarget.getBoundingClientRect()));
  const onKey = (e: KeyboardEvent<SVGSVGElement>): void => {
    const at = hover ?? targetRow;
    const next = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: rows - 1 }[e.key];
    if (e.key === 'Enter' && hover !== null) p.onPickRow(hover);
    if (next === undefined) return;
    e.preventDefault();
    setHover(Math.max(0, Math.min(rows - 1, next)));
  };

  const readout = hover === null ? [] : [
    { key: 'actual', label: p.labels.actual, color: SERIES_COLORS.actual, value: u(series[hover]) },
    ...(['oneStep', 'recursive'] as const).flatMap((k) => {
      const hit = curves[k].find((q) => q[0] === hover);
      return hit ? [{ key: k, label: p.labels[k], color: SERIES_COLORS[k], value: hit[1] }] : [];
    }),
  ];

  return (
    <div className="chart-frame pipe-chart" ref={boxRef}>
      <svg width={width} height={height} tabIndex={0} role="img" aria-label={p.labels.aria} onKeyDown={onKey} onBlur={() => setHover(null)}>
        <g transform={`translate(${M.left},${top})`}>
          {meta.split.trainEnd < meta.split.testStart ? <rect className="pipe-part-validation" x={valX} width={splitX - valX} height={innerH} /> : null}
          <rect className="pipe-part-test" x={splitX} width={innerW - splitX} height={innerH} />
          <g className="chart-grid" aria-hidden="true">
            {y.ticks(4).map((v) => (
              <line key={v} x2={innerW} y1={y(v)} y2={y(v)} />
            ))}
          </g>
          <AxisLeft scale={y} ticks={4} tickFormat={compactTickFormat(y.domain() as [number, number])} />
          <g transform={`translate(0,${innerH})`}>
            <AxisBottom scale={x} ticks={xTicks} tickFormat={tickFormat} />
          </g>
          <rect className="pipe-window" x={bandX} width={bandW} y={0} height={innerH} fill={SERIES_COLORS.window} data-testid="pipeline-window" />
          <path d={actualPath} fill="none" stroke={SERIES_COLORS.actual} strokeWidth={1.4} data-line="actual" />
          <path d={path(curves.oneStep) ?? ''} fill="none" stroke={SERIES_COLORS.oneStep} strokeWidth={2} data-line="oneStep" />
          <path d={path(curves.recursive) ?? ''} fill="none" stroke={SERIES_COLORS.recursive} strokeWidth={1.8} strokeDasharray="5 3" data-line="recursive" />
          {w <= 60
            ? Array.from({ length: w }, (_, k) => start + k).map((r) => <circle key={r} cx={x(r)} cy={y(u(series[r]))} r={2.6} fill={SERIES_COLORS.window} />)
            : null}
          <circle className="pipe-target" cx={x(targetRow)} cy={y(u(series[targetRow]))} r={5} fill={SERIES_COLORS.target} />
          <line className="pipe-split" x1={splitX} x2={splitX} y1={-12} y2={innerH} />
          <text className="pipe-part-label" x={splitX - 6} y={-3} textAnchor="end">
            ← {p.labels.train}
          </text>
          <text className="pipe-part-label" x={splitX + 6} y={-3}>
            {p.labels.test} →
          </text>
          {hover !== null ? <line x1={x(hover)} x2={x(hover)} y2={innerH} stroke="currentColor" strokeOpacity={0.3} pointerEvents="none" /> : null}
          <rect width={innerW} height={innerH} fill="transparent" style={{ cursor: 'pointer' }} onPointerMove={onMove} onPointerLeave={() => setHover(null)} onClick={(e) => p.onPickRow(rowAt(e.clientX, e.currentTarget.getBoundingClientRect()))} />
        </g>
      </svg>
      {hover !== null ? (
        <div className="viz-tooltip" role="status" style={tooltipPlacement(x(hover), innerW)}>
          <div className="chart-tooltip-title">
            {label(hover)} · {hover < meta.split.trainEnd ? p.labels.train : hover < meta.split.testStart ? p.labels.validation : p.labels.test}
          </div>
          {readout.map((r) => (
            <div key={r.key}>
              <span className="chart-tooltip-swatch" style={{ background: r.color }} />
              {r.label}: {formatValue(r.value)}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
