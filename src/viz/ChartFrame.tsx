/**
 * The one frame of every line chart (loss, gradient decay, the data pipeline's series, predictions, state
 * lines): its size, the x and y scales (linear or log, over domains that survive any data), axes and grid,
 * the lines — each reduced to at most 2 points per pixel unless the panel brings its own incremental
 * reduction —, a hover and keyboard read-out with its tooltip, an optional title and legend, and the export
 * hook. A panel supplies only its series, its read-out and whatever it draws under or over the lines.
 */
import { useCallback, useContext, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { AxisBottom, AxisLeft } from './Axis.tsx';
import { decadeTicks, formatDecade, linearDomainOf, linearTicks, safeLinearDomain } from './chartScale.ts';
import { ChartExportContext } from './chartExport.ts';
import { Legend, type LegendItem } from './ChartLegend.tsx';
import { logDomain, type Domain } from './domain.ts';
import { compactTickFormat } from './format.ts';
import { PLOT_MARGIN, useWidth, yAxisRoom } from './layout.ts';
import { reduceMinMax } from './reduce.ts';
import './viz.css';
import './chart.css';

type DataAttrs = Record<`data-${string}`, string | number>;
type Margin = Record<keyof typeof PLOT_MARGIN, number>;

export interface ChartLine {
  key: string;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /**
   * The points to draw (increasing indices into xs/ys), or how to get them for a plot this many pixels wide —
   * e.g. an incremental reduction kept by the panel; default: all, reduced here to ≤ 2 per pixel.
   */
  indices?: ArrayLike<number> | ((pixels: number) => ArrayLike<number>);
  color: string;
  width?: number;
  dash?: string;
  opacity?: number;
  className?: string;
  /** data-* attributes of the path (styles, tests). */
  attrs?: DataAttrs;
  /** Radius of a dot on every point (a lone point always gets one). */
  dots?: number;
}

/** Lines drawn in one <g> (a curve's raw and smoothed lines, a series and its dots). */
export interface ChartGroup {
  key: string;
  attrs?: DataAttrs & { className?: string };
  lines: readonly ChartLine[];
}

export interface ChartReadout {
  title: ReactNode;
  rows: readonly { key: string; color?: string; content: ReactNode }[];
}

/** Hover positions 0 … count − 1 (timesteps, rows, history points) and what the read-out shows at each. */
export interface ChartHover {
  count: number;
  /** x value of position i. */
  xOf: (i: number) => number;
  /** The position nearest to x value v (clamped to 0 … count − 1). */
  at: (v: number) => number;
  readout?: (i: number) => ChartReadout | null;
  /** Dots on the hover line (each curve's value there). */
  markers?: (i: number) => readonly { key: string; y: number; color: string }[];
  /** Click or Enter on a position. */
  onPick?: (i: number) => void;
  /** Where the keyboard starts when nothing is hovered; default the last position. */
  start?: number;
  /** Positions per arrow key; default 1. */
  jump?: number;
}

/** What the panel's extra drawing (under or over the lines) gets: the plot's scales and size. */
export interface ChartPlot {
  x: (v: number) => number;
  y: (v: number) => number;
  width: number;
  height: number;
}

export interface ChartFrameProps {
  groups: readonly ChartGroup[];
  /** Height of the plot area in CSS pixels. */
  height: number;
  margin?: Partial<Margin>;
  /** Width before the first measurement. */
  initialWidth?: number;
  xDomain: Domain;
  /** Default: the lines' finite values, padded and nice-rounded (whole decades on a log scale). */
  yDomain?: Domain;
  yScale?: 'linear' | 'log';
  /** A tick count hint or the exact values; default one tick per `xTickSpacing` pixels. */
  xTicks?: number | readonly number[];
  /** Pixels per x tick when xTicks is not given (wide labels want more); default 60. */
  xTickSpacing?: number;
  xTickFormat?: (v: number) => string;
  /** Only whole-number x ticks (timesteps, rows). */
  xInteger?: boolean;
  xLabel?: string;
  yTickCount?: number;
  yTickFormat?: (v: number) => string;
  yLabel?: string;
  yLabelOffset?: number;
  grid?: boolean;
  /** A dotted line at y = 0 when the domain straddles it. */
  zeroLine?: boolean;
  /** A vertical rule at this x value (the selected timestep). */
  rule?: number | null;
  hover?: ChartHover;
  /** Hover shared with another chart (one cursor over two plots); default: the frame's own. */
  hovered?: number | null;
  onHover?: (i: number | null) => void;
  title?: ReactNode;
  legend?: readonly LegendItem[];
  under?: (p: ChartPlot) => ReactNode;
  over?: (p: ChartPlot) => ReactNode;
  ariaLabel: string;
  /** In the tab order (arrow keys move the read-out); default true. */
  focusable?: boolean;
  className?: string;
  testId?: string;
  /** Name under which the SVG is registered for export; default the aria label. */
  exportName?: string;
}

/** Whether v can be placed on the y scale. */
const drawable = (v: number, log: boolean): boolean => Number.isFinite(v) && (!log || v > 0);
const round1 = (v: number): number => Math.round(v * 10) / 10;

function isNonDecreasing(xs: ArrayLike<number>): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i] < xs[i - 1]) return false;
  return true;
}

/** The points of a line to draw: the panel's own reduction, else ≤ 2 per pixel (all of them when x runs backwards). */
function drawnIndices(l: ChartLine, pixels: number): ArrayLike<number> {
  if (typeof l.indices === 'function') return l.indices(pixels);
  if (l.indices) return l.indices;
  if (isNonDecreasing(l.xs)) return reduceMinMax(l.xs, l.ys, Math.max(1, Math.round(pixels)));
  return Int32Array.from({ length: Math.min(l.xs.length, l.ys.length) }, (_, i) => i);
}

/** An SVG path through the drawable points, broken where a value cannot be drawn (NaN, ≤ 0 on a log axis). */
function linePath(l: Pick<ChartLine, 'xs' | 'ys'>, idx: ArrayLike<number>, x: (v: number) => number, y: (v: number) => number, log: boolean): string {
  const parts: string[] = [];
  let pen = false;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k];
    const u = l.xs[i];
    const v = l.ys[i];
    if (!Number.isFinite(u) || !drawable(v, log)) {
      pen = false;
      continue;
    }
    parts.push(`${pen ? 'L' : 'M'}${round1(x(u))},${round1(y(v))}`);
    pen = true;
  }
  return parts.join('');
}

/** The tooltip in the plot's top corner away from the cursor: it never covers the hovered point nor leaves a narrow panel. */
function tooltipPlacement(cursorX: number, plotW: number, m: Margin): CSSProperties {
  return cursorX > plotW / 2 ? { left: m.left + 4, top: m.top + 2 } : { right: m.right + 4, top: m.top + 2 };
}

/** The tick (4 px) and the gap before its label, as AxisLeft draws them. */
const Y_TICK_SPACE = 6;

/** The widest y tick label's reach left of the axis, measured in the svg (0 where text cannot be measured). */
function measureYTicks(svg: SVGSVGElement): number {
  let w = 0;
  for (const el of svg.querySelectorAll<SVGTextElement>('[data-axis="y"] .viz-tick-label')) {
    if (typeof el.getComputedTextLength === 'function') w = Math.max(w, el.getComputedTextLength());
  }
  return w > 0 ? w + Y_TICK_SPACE : 0;
}

export function ChartFrame(p: ChartFrameProps) {
  const asked: Margin = { ...PLOT_MARGIN, ...p.margin };
  const boxRef = useRef<HTMLDivElement>(null);
  const svgEl = useRef<SVGSVGElement | null>(null);
  const width = useWidth(boxRef, p.initialWidth ?? 480);
  // The left margin grows to the widest tick label, so no label ("0.00001", "1e−24") is cut at the svg's edge.
  const [yTicksWidth, setYTicksWidth] = useState(0);
  const room = yAxisRoom(yTicksWidth, { left: asked.left, labelOffset: p.yLabelOffset ?? 38 }, Boolean(p.yLabel));
  const M: Margin = { ...asked, left: room.left };
  const plotW = Math.max(40, width - M.left - M.right);
  const plotH = p.height;
  const log = p.yScale === 'log';
  const [ownHover, setOwnHover] = useState<number | null>(null);
  const hovered = p.onHover ? (p.hovered ?? null) : ownHover;
  const setHover = p.onHover ?? setOwnHover;

  const register = useContext(ChartExportContext);
  const exportName = p.exportName ?? p.ariaLabel;
  const svgRef = useCallback(
    (el: SVGSVGElement | null) => {
      svgEl.current = el;
      if (!register) return;
      register(exportName, el);
      return () => register(exportName, null);
    },
    [register, exportName],
  );

  const [x0, x1] = safeLinearDomain(p.xDomain[0], p.xDomain[1], [0, 1]);
  const x = useMemo(() => scaleLinear().domain([x0, x1]).range([0, plotW]), [x0, x1, plotW]);
  const autoDomain = useMemo(() => {
    if (p.yDomain) return null;
    const ys = p.groups.flatMap((g) => g.lines.map((l) => l.ys));
    return log ? (logDomain(ys) ?? ([0.01, 1] as Domain)) : linearDomainOf(ys, 0.05, p.yTickCount ?? 4);
  }, [p.yDomain, p.groups, log, p.yTickCount]);
  const [y0, y1] = log ? (p.yDomain ?? autoDomain!) : safeLinearDomain(...(p.yDomain ?? autoDomain!));
  const y = useMemo(() => (log ? scaleLog() : scaleLinear()).domain([y0, y1]).range([plotH, 0]).clamp(true), [log, y0, y1, plotH]);
  const yTicks = useMemo(() => (log ? decadeTicks([y0, y1]) : linearTicks([y0, y1], p.yTickCount ?? 4)), [log, y0, y1, p.yTickCount]);
  const yFormat = p.yTickFormat ?? (log ? formatDecade : compactTickFormat([y0, y1]));
  const yLabels = yTicks.map(yFormat).join('|');
  // Measured again only when the labels or the size change (a font change on resize: presenter mode, zoom).
  useLayoutEffect(() => {
    if (!svgEl.current) return;
    const w = measureYTicks(svgEl.current);
    setYTicksWidth((old) => (Math.abs(old - w) > 0.5 ? w : old));
  }, [yLabels, width]);

  const paths = useMemo(
    () => p.groups.map((g) => g.lines.map((l) => ({ line: l, idx: drawnIndices(l, plotW) })).map(({ line, idx }) => ({ line, idx, d: linePath(line, idx, x, y, log) }))),
    [p.groups, x, y, log, plotW],
  );

  const hover = p.hover;
  const at = hovered !== null && hover ? Math.min(hovered, hover.count - 1) : null;
  const cursorX = at !== null && hover ? x(hover.xOf(at)) : null;
  const readout = at !== null ? (hover?.readout?.(at) ?? null) : null;
  const plot: ChartPlot = { x, y, width: plotW, height: plotH };

  const positionAt = (e: MouseEvent<SVGRectElement>): number | null => {
    if (!hover || hover.count === 0) return null;
    const r = e.currentTarget.getBoundingClientRect();
    return hover.at(x.invert(e.clientX - r.left));
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>): void => {
    if (!hover || hover.count === 0) return;
    if (e.key === 'Enter') {
      if (at !== null) hover.onPick?.(at);
      return;
    }
    // Arrows move along the axis, whichever way the positions run on it.
    const forward = hover.xOf(hover.count - 1) >= hover.xOf(0);
    const step = (hover.jump ?? 1) * (forward ? 1 : -1);
    const from = at ?? hover.start ?? hover.count - 1;
    const next = { ArrowLeft: from - step, ArrowRight: from + step, Home: forward ? 0 : hover.count - 1, End: forward ? hover.count - 1 : 0 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    setHover(Math.max(0, Math.min(hover.count - 1, next)));
  };

  const total = plotH + M.top + M.bottom;
  const ruleX = p.rule === null || p.rule === undefined ? null : x(p.rule);
  return (
    <figure className={`chart-frame ${p.className ?? ''}`} data-testid={p.testId}>
      {p.title !== undefined || p.legend ? (
        <figcaption className="viz-figure-head">
          {p.title !== undefined ? <span className="viz-figure-title">{p.title}</span> : null}
          {p.legend ? <Legend items={p.legend} /> : null}
        </figcaption>
      ) : null}
      <div className="viz-plot" ref={boxRef}>
        <svg
          ref={svgRef}
          width={width}
          height={total}
          role="img"
          aria-label={p.ariaLabel}
          tabIndex={p.focusable === false ? -1 : 0}
          onKeyDown={onKeyDown}
          onBlur={() => setHover(null)}
        >
          <g transform={`translate(${M.left},${M.top})`}>
            {p.under?.(plot)}
            {p.grid ? (
              <g className="chart-grid" aria-hidden="true">
                {yTicks.map((v) => (
                  <line key={v} x2={plotW} y1={y(v)} y2={y(v)} />
                ))}
              </g>
            ) : null}
            {p.zeroLine && !log && y0 < 0 && y1 > 0 ? <line className="viz-zero" x1={0} x2={plotW} y1={y(0)} y2={y(0)} /> : null}
            <AxisLeft scale={y} ticks={yTicks} tickFormat={yFormat} label={p.yLabel} labelOffset={room.labelOffset} />
            <g transform={`translate(0,${plotH})`}>
              <AxisBottom scale={x} ticks={p.xTicks ?? Math.max(2, Math.floor(plotW / (p.xTickSpacing ?? 60)))} integer={p.xInteger} tickFormat={p.xTickFormat} label={p.xLabel} />
            </g>
            {ruleX !== null && ruleX >= 0 && ruleX <= plotW ? <line className="viz-rule" x1={ruleX} x2={ruleX} y1={0} y2={plotH} /> : null}
            {p.groups.map((g, gi) => {
              const { className, ...attrs } = g.attrs ?? {};
              return (
                <g key={g.key} className={className} {...attrs}>
                  {paths[gi].map(({ line: l, idx, d }) => (
                    <g key={l.key}>
                      <path
                        className={l.className}
                        {...l.attrs}
                        d={d}
                        fill="none"
                        stroke={l.color}
                        strokeWidth={l.width ?? 1.5}
                        strokeOpacity={l.opacity}
                        strokeDasharray={l.dash}
                        strokeLinejoin="round"
                      />
                      {l.dots || idx.length === 1 ? <Dots line={l} idx={idx} r={idx.length === 1 ? 4 : (l.dots ?? 0)} x={x} y={y} log={log} /> : null}
                    </g>
                  ))}
                </g>
              );
            })}
            {p.over?.(plot)}
            {cursorX !== null && at !== null ? (
              <g className="chart-cursor" pointerEvents="none">
                <line x1={cursorX} x2={cursorX} y2={plotH} />
                {(hover?.markers?.(at) ?? []).map((m) => (drawable(m.y, log) ? <circle key={m.key} cx={cursorX} cy={y(m.y)} r={3.5} fill={m.color} /> : null))}
              </g>
            ) : null}
            <rect
              className="viz-hit"
              width={plotW}
              height={plotH}
              style={hover?.onPick ? { cursor: 'pointer' } : undefined}
              onPointerMove={(e) => setHover(positionAt(e))}
              onPointerLeave={() => setHover(null)}
              onClick={(e) => {
                const i = positionAt(e);
                if (i !== null) hover?.onPick?.(i);
              }}
            />
          </g>
        </svg>
        {readout && cursorX !== null ? (
          <div className="viz-tooltip chart-tooltip" role="status" style={tooltipPlacement(cursorX, plotW, M)}>
            <div className="chart-tooltip-title">{readout.title}</div>
            {readout.rows.map((r) => (
              <div key={r.key}>
                {r.color ? <span className="chart-tooltip-swatch" style={{ background: r.color }} /> : null}
                {r.content}
              </div>
            ))}
          </div>
        ) : null}
      </div>
    </figure>
  );
}

function Dots(p: { line: ChartLine; idx: ArrayLike<number>; r: number; x: (v: number) => number; y: (v: number) => number; log: boolean }) {
  const out: ReactNode[] = [];
  for (let k = 0; k < p.idx.length; k++) {
    const i = p.idx[k];
    const v = p.line.ys[i];
    if (drawable(v, p.log) && Number.isFinite(p.line.xs[i])) out.push(<circle key={i} cx={p.x(p.line.xs[i])} cy={p.y(v)} r={p.r} fill={p.line.color} stroke="none" />);
  }
  return <>{out}</>;
}
