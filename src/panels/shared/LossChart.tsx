/**
 * Loss curves as TensorBoard draws them: each curve's smoothed line bold over its raw line, faint, both
 * min/max-downsampled to ≤ 2 points per pixel. Hover (or arrow keys) reads out step, time, raw and smoothed
 * values of every curve at the first curve's point. The loss panel draws train (+ validation), compare
 * mode one training curve per racer.
 */
import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { bisectCenter } from 'd3-array';
import { format } from 'd3-format';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useT } from '../../client/useT.ts';
import '../../viz/viz.css';
import './chart.css';
import { AxisBottom, AxisLeft } from '../../viz/Axis.tsx';
import { PLOT_MARGIN as MARGIN, useWidth } from '../../viz/layout.ts';
import { drawable, lossDomain, minMaxDownsample } from './lossMath.ts';
import { tooltipPlacement } from './tooltipPlacement.ts';
import type { LossSeries, SeriesKey, XMode } from './lossSeries.ts';

export const SERIES_COLOR: Record<SeriesKey, string> = {
  train: 'var(--loss-train, #d95f02)',
  validation: 'var(--loss-validation, #1b7fb3)',
};

export const formatLoss = format('.4~g');
const formatStep = format(',');
const formatStepTick = format('~s');
const formatSeconds = format('.3~f');

export interface LossCurve {
  key: string;
  label: string;
  color: string;
  /** Non-empty. */
  series: LossSeries;
  /** Class and data attributes of the curve's group, for styles and tests. */
  group: { className?: string } & Record<`data-${string}`, string | number>;
  /** An extra class for the smoothed line. */
  smoothClass?: string;
}

interface Props {
  curves: readonly LossCurve[];
  log: boolean;
  xMode: XMode;
  height: number;
  /** Width before the first measurement. */
  initialWidth: number;
  /** Defaults to the first curve's latest step and loss. */
  ariaLabel?: string;
}

export function LossChart({ curves, log, xMode, height, initialWidth, ariaLabel }: Props) {
  const t = useT();
  const wrapRef = useRef<HTMLDivElement>(null);
  const width = useWidth(wrapRef, initialWidth);
  const innerW = Math.max(40, width - MARGIN.left - MARGIN.right);
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const series = useMemo(() => curves.map((c) => c.series), [curves]);
  const [hover, setHover] = useState<number | null>(null);

  const x = useMemo(() => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of series) {
      lo = Math.min(lo, s.xs[0]);
      hi = Math.max(hi, s.xs[s.xs.length - 1]);
    }
    if (!(hi > lo)) [lo, hi] = [Number.isFinite(lo) ? lo - 1 : 0, Number.isFinite(hi) ? hi + 1 : 1];
    return scaleLinear().domain([lo, hi]).range([0, innerW]);
  }, [series, innerW]);

  const y = useMemo(() => {
    const domain = lossDomain(series.map((s) => s.raw), log);
    const s = log ? scaleLog().domain(domain) : scaleLinear().domain(domain);
    return s.range([innerH, 0]).nice();
  }, [series, log, innerH]);

  const paths = useMemo(() => {
    return series.map((s) => {
      const draw = (ys: ArrayLike<number>): string => {
        const idx = minMaxDownsample(s.xs, ys, Math.round(innerW));
        const path = line<number>()
          .defined((i) => drawable(ys[i], log))
          .x((i) => x(s.xs[i]))
          .y((i) => y(ys[i]));
        return path(idx) ?? '';
      };
      return { raw: draw(s.raw), smooth: draw(s.smooth) };
    });
  }, [series, x, y, log, innerW]);

  const yTicks = useMemo(() => {
    if (!log) return y.ticks(5);
    // Log ticks come nine per decade; keep the ones d3 would label.
    const label = y.tickFormat(5);
    return y.ticks(5).filter((v) => label(v) !== '');
  }, [y, log]);

  const primary = series[0];
  const hovered = hover !== null && primary ? readout(curves, primary.xs[Math.min(hover, primary.xs.length - 1)]) : [];
  const cursorX = hovered.length > 0 ? x(hovered[0].x) : null;

  const onPointerMove = (e: PointerEvent<SVGRectElement>): void => {
    if (!primary) return;
    const box = e.currentTarget.getBoundingClientRect();
    setHover(bisectCenter(primary.xs, x.invert(e.clientX - box.left)));
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>): void => {
    if (!primary) return;
    const n = primary.xs.length;
    const jump = Math.max(1, Math.round(n / 100));
    const at = hover ?? n - 1;
    const next = { ArrowLeft: at - jump, ArrowRight: at + jump, Home: 0, End: n - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    setHover(Math.max(0, Math.min(n - 1, next)));
  };

  const xLabel = xMode === 'step' ? t('loss.step') : t('loss.timeAxis');
  const last = primary ? primary.raw[primary.raw.length - 1] : NaN;

  return (
    <div className="chart-frame" ref={wrapRef}>
      <svg
        width={width}
        height={height}
        tabIndex={0}
        role="img"
        aria-label={ariaLabel ?? (primary ? t('loss.ariaSummary', { step: formatStep(primary.steps[primary.steps.length - 1]), loss: formatLoss(last) }) : t('loss.title'))}
        onKeyDown={onKeyDown}
        onBlur={() => setHover(null)}
      >
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          <g className="chart-grid" aria-hidden="true">
            {yTicks.map((v) => (
              <line key={v} x2={innerW} y1={y(v)} y2={y(v)} />
            ))}
          </g>
          <AxisLeft scale={y} ticks={yTicks} tickFormat={formatLoss} />
          <g transform={`translate(0,${innerH})`}>
            <AxisBottom scale={x} ticks={Math.max(2, Math.floor(innerW / 80))} tickFormat={xMode === 'step' ? formatStepTick : formatSeconds} label={xLabel} />
          </g>
          {curves.map((c, k) => (
            <g key={c.key} {...c.group} fill="none" stroke={c.color} strokeLinejoin="round">
              <path className="loss-raw" d={paths[k].raw} strokeOpacity={0.25} strokeWidth={1} />
              <path className={c.smoothClass ? `loss-smooth ${c.smoothClass}` : 'loss-smooth'} d={paths[k].smooth} strokeWidth={2} />
            </g>
          ))}
          {cursorX !== null ? (
            <g className="loss-cursor" pointerEvents="none">
              <line x1={cursorX} x2={cursorX} y2={innerH} stroke="currentColor" strokeOpacity={0.35} />
              {hovered.map((r) =>
                drawable(r.smooth, log) ? <circle key={r.curve.key} cx={x(r.x)} cy={y(r.smooth)} r={3.5} fill={r.curve.color} /> : null,
              )}
            </g>
          ) : null}
          <rect width={innerW} height={innerH} fill="transparent" onPointerMove={onPointerMove} onPointerLeave={() => setHover(null)} />
        </g>
      </svg>
      {cursorX !== null && hovered.length > 0 ? (
        <div className="viz-tooltip" style={tooltipPlacement(cursorX, innerW)} role="status">
          <div className="chart-tooltip-title">
            {t('loss.step')} {formatStep(hovered[0].step)}
            {xMode === 'time' ? ` · ${t('loss.seconds', { v: formatSeconds(hovered[0].x) })}` : ''}
          </div>
          {hovered.map((r) => (
            <div key={r.curve.key}>
              <div>
                <span className="chart-tooltip-swatch" style={{ background: r.curve.color }} />
                {r.curve.label}
                {r.step !== hovered[0].step ? ` (${t('loss.step')} ${formatStep(r.step)})` : ''}
              </div>
              <div className="chart-tooltip-values">
                <b>{formatLoss(r.smooth)}</b> {t('loss.smoothed')} · {formatLoss(r.raw)} {t('loss.raw')}
              </div>
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

interface Readout {
  curve: LossCurve;
  x: number;
  step: number;
  raw: number;
  smooth: number;
}

/** Each curve's point nearest to x. */
function readout(curves: readonly LossCurve[], xv: number): Readout[] {
  return curves.map((curve) => {
    const s = curve.series;
    const i = bisectCenter(s.xs, xv);
    return { curve, x: s.xs[i], step: s.steps[i], raw: s.raw[i], smooth: s.smooth[i] };
  });
}
