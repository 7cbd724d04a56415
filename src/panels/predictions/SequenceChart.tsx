/**
 * Lines over 1-based timestep positions with the selected timestep as a vertical rule. Hover (or arrow
 * keys once focused) reads every line's value at a timestep; a click or Enter selects that timestep.
 */
import { useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { extent } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { AxisBottom, AxisLeft } from '../../viz/Axis.tsx';
import { formatValue } from '../../viz/format.ts';
import { PLOT_MARGIN as MARGIN, useWidth } from '../../viz/layout.ts';
import '../../viz/viz.css';
import { tooltipPlacement } from '../shared/tooltipPlacement.ts';
import '../shared/chart.css';

export interface ChartLine {
  id: string;
  label: string;
  color: string;
  xs: readonly number[];
  ys: readonly number[];
  width?: number;
  dash?: string;
  /** Mark each point (always done for single points). */
  dots?: boolean;
}

interface Props {
  lines: ChartLine[];
  /** Last position on the x-axis (first is 1). */
  positions: number;
  /** Selected position (1-based), drawn as a rule. */
  rule: number | null;
  /** Points drawn larger on top (the output produced at the selected timestep). */
  highlights?: { x: number; y: number; color: string }[];
  /** Positions after this one are shaded as the forecast (many-to-one outputs). */
  forecastFrom?: number;
  xLabel: string;
  ariaLabel: string;
  /** Extra read-out rows at a position (e.g. the error). */
  extra?: (pos: number) => { label: string; value: number }[];
  onSelect?: (pos: number) => void;
  height?: number;
}

export function SequenceChart(p: Props) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const width = useWidth(wrapRef, 480);
  const height = p.height ?? 200;
  const innerW = Math.max(40, width - MARGIN.left - MARGIN.right);
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const [hover, setHover] = useState<number | null>(null);

  const x = useMemo(() => scaleLinear().domain([0.5, p.positions + 0.5]).range([0, innerW]), [p.positions, innerW]);
  const y = useMemo(() => {
    const [lo, hi] = extent(p.lines.flatMap((l) => l.ys.filter(Number.isFinite)));
    const d: [number, number] = lo === undefined || hi === undefined ? [-1, 1] : lo === hi ? [lo - 1, hi + 1] : [lo, hi];
    const pad = (d[1] - d[0]) * 0.05;
    return scaleLinear().domain([d[0] - pad, d[1] + pad]).range([innerH, 0]).nice();
  }, [p.lines, innerH]);
  const pathOf = (l: ChartLine): string => {
    const gen = line<number>()
      .defined((i) => Number.isFinite(l.ys[i]))
      .x((i) => x(l.xs[i]))
      .y((i) => y(l.ys[i]));
    return gen(l.ys.map((_, i) => i)) ?? '';
  };

  const readout = hover === null ? [] : p.lines.flatMap((l) => {
    const i = l.xs.indexOf(hover);
    return i < 0 ? [] : [{ label: l.label, value: l.ys[i], color: l.color }];
  });
  const extra = hover === null || !p.extra ? [] : p.extra(hover);

  const posAt = (clientX: number, box: DOMRect): number => Math.max(1, Math.min(p.positions, Math.round(x.invert(clientX - box.left))));
  const onPointerMove = (e: MouseEvent<SVGRectElement>): void => setHover(posAt(e.clientX, e.currentTarget.getBoundingClientRect()));
  const onClick = (e: MouseEvent<SVGRectElement>): void => p.onSelect?.(posAt(e.clientX, e.currentTarget.getBoundingClientRect()));
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>): void => {
    const at = hover ?? p.rule ?? 1;
    const next = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 1, End: p.positions }[e.key];
    if (e.key === 'Enter' && hover !== null) p.onSelect?.(hover);
    if (next === undefined) return;
    e.preventDefault();
    setHover(Math.max(1, Math.min(p.positions, next)));
  };

  const cursor = hover === null ? null : x(hover);
  const xTicks = Math.max(2, Math.min(p.positions, Math.floor(innerW / 50)));

  return (
    <div className="chart-frame" ref={wrapRef}>
      <svg width={width} height={height} tabIndex={0} role="img" aria-label={p.ariaLabel} onKeyDown={onKeyDown} onBlur={() => setHover(null)}>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {p.forecastFrom !== undefined ? (
            <rect className="pred-forecast" x={x(p.forecastFrom - 0.5)} width={innerW - x(p.forecastFrom - 0.5)} height={innerH} />
          ) : null}
          <g className="chart-grid" aria-hidden="true">
            {y.ticks(4).map((v) => (
              <line key={v} x2={innerW} y1={y(v)} y2={y(v)} />
            ))}
          </g>
          <AxisLeft scale={y} ticks={4} />
          <g transform={`translate(0,${innerH})`}>
            <AxisBottom scale={x} ticks={xTicks} integer tickFormat={String} label={p.xLabel} />
          </g>
          {p.rule !== null ? <line className="viz-rule" x1={x(p.rule)} x2={x(p.rule)} y2={innerH} /> : null}
          {p.lines.map((l) => (
            <g key={l.id} data-line={l.id} stroke={l.color} fill={l.color}>
              <path d={pathOf(l)} fill="none" strokeWidth={l.width ?? 1.5} strokeDasharray={l.dash} strokeLinejoin="round" />
              {l.dots || l.xs.length === 1
                ? l.ys.map((v, i) => (Number.isFinite(v) ? <circle key={i} cx={x(l.xs[i])} cy={y(v)} r={l.xs.length === 1 ? 4 : 2.2} stroke="none" /> : null))
                : null}
            </g>
          ))}
          {(p.highlights ?? []).map((h, i) =>
            Number.isFinite(h.y) ? <circle key={i} className="pred-highlight" cx={x(h.x)} cy={y(h.y)} r={5} fill={h.color} /> : null,
          )}
          {cursor !== null ? <line x1={cursor} x2={cursor} y2={innerH} stroke="currentColor" strokeOpacity={0.3} pointerEvents="none" /> : null}
          <rect
            width={innerW}
            height={innerH}
            fill="transparent"
            style={{ cursor: p.onSelect ? 'pointer' : undefined }}
            onPointerMove={onPointerMove}
            onPointerLeave={() => setHover(null)}
            onClick={onClick}
          />
        </g>
      </svg>
      {cursor !== null && readout.length > 0 ? (
        <div
          className="viz-tooltip"
          role="status"
          style={tooltipPlacement(cursor, innerW)}
        >
          <div className="chart-tooltip-title">
            {p.xLabel} {hover}
          </div>
          {readout.map((r) => (
            <div key={r.label}>
              <span className="chart-tooltip-swatch" style={{ background: r.color }} />
              {r.label}: {formatValue(r.value)}
            </div>
          ))}
          {extra.map((r) => (
            <div key={r.label}>
              {r.label}: {formatValue(r.value)}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
