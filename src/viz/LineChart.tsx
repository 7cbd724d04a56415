/**
 * A few series over timesteps (x = 1 … n, sharing the heatmaps' margins so they line up under one), with an
 * optional vertical rule at the selected timestep. Paths are rebuilt in requestAnimationFrame from a Source;
 * React re-renders only for props and when the (nice-rounded) y domain changes.
 */
import { useRef, useState, type MouseEvent, type PointerEvent, type ReactNode } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { AxisBottom, AxisLeft } from './Axis.tsx';
import { pow10, sameDomain, type Domain } from './domain.ts';
import { compactTickFormat, formatValue } from './format.ts';
import { cellScale, PLOT_MARGIN as M, useWidth } from './layout.ts';
import { useRepaint, type Source } from '../client/source.ts';
import './viz.css';

export interface LineSeries {
  key: string;
  label: string;
  color: string;
  dashed?: boolean;
  /** Drawn thicker (e.g. the selected unit). */
  emphasis?: boolean;
}

export interface LineData {
  /** One array of n values per series, in the order of the series prop. */
  values: readonly ArrayLike<number>[];
  /** y domain of this frame (nice-rounded, so it rarely changes). */
  domain: Domain;
}

export interface LineChartProps {
  series: readonly LineSeries[];
  /** Points per series (timesteps). */
  n: number;
  source: Source<LineData>;
  yScale?: 'linear' | 'log';
  /** Vertical rule at this 0-based index (the selected timestep). */
  rule?: number | null;
  /** Height of the plot area in CSS pixels. */
  height?: number;
  title?: ReactNode;
  label: string;
  xLabel?: string;
  yLabel?: string;
  /** Click on the chart: the 0-based index under the pointer. */
  onIndexClick?: (i: number) => void;
  /** Tooltip heading for index i; default "i + 1". */
  describeIndex?: (i: number) => string;
}

/** Powers of ten inside a log domain, thinned to at most four. */
export function decadeTicks(domain: Domain): number[] {
  const lo = Math.ceil(Math.log10(domain[0]) - 1e-9);
  const hi = Math.floor(Math.log10(domain[1]) + 1e-9);
  const every = Math.max(1, Math.ceil((hi - lo + 1) / 4));
  const out: number[] = [];
  for (let k = hi; k >= lo; k -= every) out.unshift(pow10(k));
  return out;
}

const formatDecade = (v: number) => `1e${Math.round(Math.log10(v))}`.replace('-', '−');

export function LineChart(p: LineChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const pathRefs = useRef<(SVGPathElement | null)[]>([]);
  const tipRef = useRef<HTMLDivElement>(null);
  const data = useRef<LineData | null>(null);
  const hover = useRef<{ i: number; x: number; y: number } | null>(null);
  const domainRef = useRef<Domain | null>(null);
  const [domain, setDomain] = useState<Domain | null>(null);

  const width = useWidth(boxRef);
  const plotW = Math.max(10, width - M.left - M.right);
  const plotH = p.height ?? 90;
  const x = cellScale(p.n, plotW);
  const yDomain = domain ?? (p.yScale === 'log' ? [1e-3, 1] : [-1, 1]);
  const y = (p.yScale === 'log' ? scaleLog() : scaleLinear()).domain(yDomain).range([plotH, 0]).clamp(true);

  const showTooltip = () => {
    const tip = tipRef.current;
    const at = hover.current;
    const d = data.current;
    if (!tip) return;
    if (!at || !d) {
      tip.hidden = true;
      return;
    }
    tip.hidden = false;
    const head = p.describeIndex ? p.describeIndex(at.i) : String(at.i + 1);
    tip.textContent = [head, ...p.series.map((s, k) => `${s.label}: ${formatValue(d.values[k]?.[at.i] ?? NaN)}`)].join('\n');
    tip.style.left = `${M.left + at.x + 14}px`;
    tip.style.top = `${M.top + at.y}px`;
    tip.style.transform = at.x > plotW * 0.6 ? 'translateX(calc(-100% - 28px))' : '';
  };

  const paint = () => {
    const d = (data.current = p.source.read());
    if (d && !sameDomain(d.domain, domainRef.current)) {
      domainRef.current = d.domain;
      setDomain(d.domain); // re-renders axes; this paint already uses the new domain below
    }
    const yNow = d ? y.copy().domain(d.domain) : y;
    const path = line<number>()
      .defined((v) => Number.isFinite(v) && (p.yScale !== 'log' || v > 0))
      .x((_, i) => x(i + 1))
      .y((v) => yNow(v));
    p.series.forEach((_, k) => {
      const el = pathRefs.current[k];
      const vals = d?.values[k];
      if (el) el.setAttribute('d', vals ? (path(Array.from(vals)) ?? '') : '');
    });
    showTooltip();
  };
  useRepaint(p.source, paint);

  const indexAt = (e: PointerEvent<SVGRectElement> | MouseEvent<SVGRectElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const px = e.clientX - r.left;
    return { i: Math.max(0, Math.min(p.n - 1, Math.floor((px / plotW) * p.n))), x: px, y: e.clientY - r.top };
  };

  const total = plotH + M.top + M.bottom;
  return (
    <figure className="viz-linechart">
      {p.title !== undefined ? (
        <figcaption className="viz-figure-head">
          <span className="viz-figure-title">{p.title}</span>
          <span className="viz-series-legend">
            {p.series.map((s) => (
              <span key={s.key} className="viz-series-key">
                <svg width={18} height={8} aria-hidden="true">
                  <line x1={0} x2={18} y1={4} y2={4} stroke={s.color} strokeWidth={s.emphasis ? 3 : 2} strokeDasharray={s.dashed ? '4 3' : undefined} />
                </svg>
                {s.label}
              </span>
            ))}
          </span>
        </figcaption>
      ) : null}
      <div className="viz-plot" ref={boxRef} style={{ height: total }}>
        <svg width={width} height={total} role="img" aria-label={p.label}>
          <g transform={`translate(${M.left},${M.top})`}>
            {p.yScale !== 'log' && yDomain[0] < 0 && yDomain[1] > 0 ? <line className="viz-zero" x1={0} x2={plotW} y1={y(0)} y2={y(0)} /> : null}
            {p.rule !== null && p.rule !== undefined && p.rule < p.n ? <line className="viz-rule" x1={x(p.rule + 1)} x2={x(p.rule + 1)} y1={0} y2={plotH} /> : null}
            {p.series.map((s, k) => (
              <path
                key={s.key}
                ref={(el) => {
                  pathRefs.current[k] = el;
                }}
                fill="none"
                stroke={s.color}
                strokeWidth={s.emphasis ? 2.5 : 1.5}
                strokeDasharray={s.dashed ? '5 3' : undefined}
              />
            ))}
            <g transform={`translate(0,${plotH})`}>
              <AxisBottom scale={x} integer ticks={Math.min(p.n, Math.max(2, Math.floor(plotW / 45)))} label={p.xLabel} />
            </g>
            <AxisLeft scale={y} ticks={p.yScale === 'log' ? decadeTicks(yDomain) : 3} tickFormat={p.yScale === 'log' ? formatDecade : compactTickFormat(yDomain)} label={p.yLabel} labelOffset={38} />
            <rect
              className="viz-hit"
              width={plotW}
              height={plotH}
              onPointerMove={(e) => {
                hover.current = indexAt(e);
                showTooltip();
              }}
              onPointerLeave={() => {
                hover.current = null;
                showTooltip();
              }}
              onClick={(e) => p.onIndexClick?.(indexAt(e).i)}
            />
          </g>
        </svg>
        <div ref={tipRef} className="viz-tooltip" hidden />
      </div>
    </figure>
  );
}
