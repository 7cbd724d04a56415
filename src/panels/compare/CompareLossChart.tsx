/**
 * The racers' training losses in one chart: per model its smoothed curve bold over the raw one, faint (the
 * loss panel's maths: debiased EMA, min/max downsampling, log-safe domains), one colour per architecture.
 * Hover or the arrow keys read every model's loss at the same step.
 */
import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { bisectCenter } from 'd3-array';
import { format } from 'd3-format';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import type { CellKind } from '../../engine/config.ts';
import { MODEL_COLOR } from '../../compare/compareSet.ts';
import { useT } from '../../i18n/useT.ts';
import { AxisBottom, AxisLeft } from '../../viz/Axis.tsx';
import { PLOT_MARGIN as MARGIN, useWidth } from '../../viz/layout.ts';
import { drawable, lossDomain, minMaxDownsample } from '../loss/lossMath.ts';
import type { LossSeries, XMode } from '../loss/lossSeries.ts';
import { formatLoss } from '../loss/LossChart.tsx';
import { tooltipPlacement } from '../loss/tooltipPlacement.ts';
import '../../viz/viz.css';
import '../loss/chart.css';

export interface ModelLoss {
  cell: CellKind;
  label: string;
  /** The model's training-loss series; null before its first step. */
  series: LossSeries | null;
}

const HEIGHT = 200;
const formatStep = format(',');
const formatStepTick = format('~s');
const formatSeconds = format('.3~f');

export function CompareLossChart(props: { models: readonly ModelLoss[]; log: boolean; xMode: XMode }) {
  const { models, log, xMode } = props;
  const t = useT();
  const wrapRef = useRef<HTMLDivElement>(null);
  const width = useWidth(wrapRef, 420);
  const innerW = Math.max(40, width - MARGIN.left - MARGIN.right);
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const [hoverX, setHoverX] = useState<number | null>(null);
  const drawn = useMemo(() => models.filter((m): m is ModelLoss & { series: LossSeries } => m.series !== null && m.series.xs.length > 0), [models]);

  const x = useMemo(() => {
    let hi = 1;
    let lo = Infinity;
    for (const m of drawn) {
      lo = Math.min(lo, m.series.xs[0]);
      hi = Math.max(hi, m.series.xs[m.series.xs.length - 1]);
    }
    return scaleLinear().domain([Number.isFinite(lo) && lo < hi ? lo : 0, hi]).range([0, innerW]);
  }, [drawn, innerW]);

  const y = useMemo(() => {
    const domain = lossDomain(drawn.map((m) => m.series.raw), log);
    return (log ? scaleLog() : scaleLinear()).domain(domain).range([innerH, 0]).nice();
  }, [drawn, log, innerH]);

  const paths = useMemo(
    () =>
      drawn.map((m) => {
        const s = m.series;
        const draw = (ys: ArrayLike<number>): string => {
          const idx = minMaxDownsample(s.xs, ys, Math.round(innerW));
          return (
            line<number>()
              .defined((i) => drawable(ys[i], log))
              .x((i) => x(s.xs[i]))
              .y((i) => y(ys[i]))(idx) ?? ''
          );
        };
        return { cell: m.cell, raw: draw(s.raw), smooth: draw(s.smooth), points: s.xs.length, last: s.raw[s.raw.length - 1] };
      }),
    [drawn, x, y, log, innerW],
  );

  const yTicks = useMemo(() => {
    if (!log) return y.ticks(5);
    const label = y.tickFormat(5);
    return y.ticks(5).filter((v) => label(v) !== '');
  }, [y, log]);

  const readout =
    hoverX === null
      ? []
      : drawn.map((m) => {
          const i = bisectCenter(m.series.xs, hoverX);
          return { cell: m.cell, label: m.label, step: m.series.steps[i], x: m.series.xs[i], raw: m.series.raw[i], smooth: m.series.smooth[i] };
        });
  const cursorX = hoverX === null ? null : x(hoverX);

  const onPointerMove = (e: PointerEvent<SVGRectElement>): void => {
    const box = e.currentTarget.getBoundingClientRect();
    setHoverX(x.invert(e.clientX - box.left));
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>): void => {
    const [lo, hi] = x.domain();
    const jump = (hi - lo) / 50;
    const at = hoverX ?? hi;
    const next = { ArrowLeft: at - jump, ArrowRight: at + jump, Home: lo, End: hi }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    setHoverX(Math.max(lo, Math.min(hi, next)));
  };

  return (
    <div className="chart-frame" ref={wrapRef}>
      <svg width={width} height={HEIGHT} tabIndex={0} role="img" aria-label={t('compare.lossAria')} onKeyDown={onKeyDown} onBlur={() => setHoverX(null)}>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          <g className="chart-grid" aria-hidden="true">
            {yTicks.map((v) => (
              <line key={v} x2={innerW} y1={y(v)} y2={y(v)} />
            ))}
          </g>
          <AxisLeft scale={y} ticks={yTicks} tickFormat={formatLoss} />
          <g transform={`translate(0,${innerH})`}>
            <AxisBottom
              scale={x}
              ticks={Math.max(2, Math.floor(innerW / 80))}
              tickFormat={xMode === 'step' ? formatStepTick : formatSeconds}
              label={xMode === 'step' ? t('loss.step') : t('loss.timeAxis')}
            />
          </g>
          {paths.map((p) => (
            <g key={p.cell} className="compare-loss-series" data-cell={p.cell} data-points={p.points} data-last={p.last} fill="none" stroke={MODEL_COLOR[p.cell]} strokeLinejoin="round">
              <path d={p.raw} strokeOpacity={0.22} strokeWidth={1} />
              <path className="compare-loss-smooth" d={p.smooth} strokeWidth={2.2} />
            </g>
          ))}
          {cursorX !== null ? (
            <g pointerEvents="none">
              <line x1={cursorX} x2={cursorX} y2={innerH} stroke="currentColor" strokeOpacity={0.35} />
              {readout.map((r) => (drawable(r.smooth, log) ? <circle key={r.cell} cx={x(r.x)} cy={y(r.smooth)} r={3.5} fill={MODEL_COLOR[r.cell]} /> : null))}
            </g>
          ) : null}
          <rect width={innerW} height={innerH} fill="transparent" onPointerMove={onPointerMove} onPointerLeave={() => setHoverX(null)} />
        </g>
      </svg>
      {cursorX !== null && readout.length > 0 ? (
        <div className="viz-tooltip" style={tooltipPlacement(cursorX, innerW)} role="status">
          {readout.map((r) => (
            <div key={r.cell}>
              <span className="chart-tooltip-swatch" style={{ background: MODEL_COLOR[r.cell] }} />
              {r.label} · {t('loss.step')} {formatStep(r.step)}
              {xMode === 'time' ? ` · ${t('loss.seconds', { v: formatSeconds(r.x) })}` : ''}
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
