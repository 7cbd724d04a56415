/**
 * Loss curves as TensorBoard draws them: each curve's smoothed line bold over its raw line, faint, both
 * reduced (incrementally) to ≤ 2 points per pixel. Hover (or arrow keys) reads out step, time, raw and
 * smoothed values of every curve at the first curve's point. The loss panel draws train (+ validation),
 * compare mode one training curve per racer.
 */
import { useMemo } from 'react';
import { bisectCenter } from 'd3-array';
import { format } from 'd3-format';
import { useT } from '../../client/useT.ts';
import { ChartFrame, type ChartGroup, type ChartHover } from '../../viz/ChartFrame.tsx';
import { niceDomain, safeLinearDomain } from '../../viz/chartScale.ts';
import { logDomain, type Domain } from '../../viz/domain.ts';
import { PLOT_MARGIN } from '../../viz/layout.ts';
import type { CellKind } from '../../engine/config.ts';
import { archColor, NEUTRAL_SERIES_COLOR } from '../../viz/archColors.ts';
import type { ChanceLevel } from './chanceLevel.ts';
import type { LossSeries, SeriesKey, LossAxis } from './lossSeries.ts';
import './lossChart.css';

/** Training in the architecture's colour (as in the race); validation in a colour no architecture has. */
export function seriesColor(key: SeriesKey, cell: CellKind): string {
  return key === 'train' ? archColor(cell) : NEUTRAL_SERIES_COLOR;
}

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
  xMode: LossAxis;
  /** Total height in px (plot and axes). */
  height: number;
  /** Width before the first measurement. */
  initialWidth: number;
  /** Defaults to the first curve's latest step and loss. */
  ariaLabel?: string;
  /** A classification task's chance level, drawn dashed and labelled (and kept inside the y domain). */
  chance?: ChanceLevel | null;
  /** Mark where each curve ends with its step (racers sharing the cores end at different steps). */
  endLabels?: boolean;
}

/** The y domain from the curves' running extents (no pass over the points): decades on a log axis. */
function yDomainOf(curves: readonly LossCurve[], log: boolean, chance: number | null): Domain {
  let lo = chance ?? Infinity;
  let hi = chance ?? -Infinity;
  let minPositive = chance ?? Infinity;
  for (const c of curves) {
    lo = Math.min(lo, c.series.extent.lo);
    hi = Math.max(hi, c.series.extent.hi);
    minPositive = Math.min(minPositive, c.series.extent.minPositive);
  }
  if (log) return logDomain([[minPositive, hi]]) ?? [0.01, 1];
  return lo <= hi ? niceDomain(safeLinearDomain(lo, hi)) : [0, 1];
}

export function LossChart({ curves, log, xMode, height, initialWidth, ariaLabel, chance = null, endLabels = false }: Props) {
  const t = useT();
  const primary = curves[0]?.series;

  const xDomain = useMemo((): Domain => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const c of curves) {
      lo = Math.min(lo, c.series.xs[0]);
      hi = Math.max(hi, c.series.xs[c.series.xs.length - 1]);
    }
    return hi > lo ? [lo, hi] : [Number.isFinite(lo) ? lo - 1 : 0, Number.isFinite(hi) ? hi + 1 : 1];
  }, [curves]);
  const yDomain = useMemo(() => yDomainOf(curves, log, chance?.value ?? null), [curves, log, chance]);

  const groups: ChartGroup[] = useMemo(
    () =>
      curves.map((c) => ({
        key: c.key,
        attrs: c.group,
        lines: [
          { key: 'raw', xs: c.series.xs, ys: c.series.raw, indices: (px: number) => c.series.drawn(px).raw, color: c.color, width: 1, opacity: 0.25, className: 'loss-raw' },
          {
            key: 'smooth',
            xs: c.series.xs,
            ys: c.series.smooth,
            indices: (px: number) => c.series.drawn(px).smooth,
            color: c.color,
            width: 2,
            className: c.smoothClass ? `loss-smooth ${c.smoothClass}` : 'loss-smooth',
          },
        ],
      })),
    [curves],
  );

  const hover: ChartHover | undefined = useMemo(() => {
    if (!primary) return undefined;
    const n = primary.xs.length;
    // Each curve's point nearest to the hovered x of the first curve.
    const nearest = (i: number) =>
      curves.map((curve) => {
        const s = curve.series;
        const k = bisectCenter(s.xs, primary.xs[i]);
        return { curve, x: s.xs[k], step: s.steps[k], raw: s.raw[k], smooth: s.smooth[k] };
      });
    return {
      count: n,
      xOf: (i) => primary.xs[i],
      at: (v) => bisectCenter(primary.xs, v),
      jump: Math.max(1, Math.round(n / 100)),
      markers: (i) => nearest(i).map((r) => ({ key: r.curve.key, y: r.smooth, color: r.curve.color })),
      readout: (i) => {
        const rows = nearest(i);
        return {
          title: `${t('loss.step')} ${formatStep(rows[0].step)}${xMode === 'time' ? ` · ${t('loss.seconds', { v: formatSeconds(rows[0].x) })}` : ''}`,
          rows: rows.map((r) => ({
            key: r.curve.key,
            color: r.curve.color,
            content: (
              <>
                {r.curve.label}
                {r.step !== rows[0].step ? ` (${t('loss.step')} ${formatStep(r.step)})` : ''}
                <div className="chart-tooltip-values">
                  <b>{formatLoss(r.smooth)}</b> {t('loss.smoothed')} · {formatLoss(r.raw)} {t('loss.raw')}
                </div>
              </>
            ),
          })),
        };
      },
    };
  }, [curves, primary, t, xMode]);

  const last = primary ? primary.raw[primary.raw.length - 1] : NaN;
  return (
    <ChartFrame
      groups={groups}
      height={height - PLOT_MARGIN.top - PLOT_MARGIN.bottom}
      initialWidth={initialWidth}
      xDomain={xDomain}
      yDomain={yDomain}
      yScale={log ? 'log' : 'linear'}
      xTickSpacing={80}
      xTickFormat={xMode === 'step' ? formatStepTick : formatSeconds}
      xInteger={xMode === 'step'}
      xLabel={xMode === 'step' ? t('loss.step') : t('loss.timeAxis')}
      yTickCount={5}
      yTickFormat={formatLoss}
      grid
      hover={hover}
      over={({ x, y, width }) => (
        <>
          {chance ? (
            <g className="loss-chance" data-testid="loss-chance" data-value={chance.value} data-classes={chance.classes}>
              <line x1={0} x2={width} y1={y(chance.value)} y2={y(chance.value)} />
              <text x={width - 4} y={y(chance.value) - 4} textAnchor="end">
                {t('chart.chance', { k: chance.classes, value: formatLoss(chance.value) })}
              </text>
            </g>
          ) : null}
          {endLabels
            ? curves.map((c) => {
                const k = c.series.xs.length - 1;
                const ex = x(c.series.xs[k]);
                const ey = y(c.series.smooth[k]);
                if (!Number.isFinite(ex) || !Number.isFinite(ey)) return null;
                const step = c.series.steps[k];
                return (
                  <g key={c.key} className="loss-end" data-testid={`loss-end-${c.key}`} data-step={step}>
                    <circle cx={ex} cy={ey} r={3.5} fill={c.color} />
                    <text x={ex > width - 60 ? ex - 6 : ex + 6} y={ey - 6} textAnchor={ex > width - 60 ? 'end' : 'start'}>
                      {t('compare.racerStep', { step })}
                    </text>
                  </g>
                );
              })
            : null}
        </>
      )}
      ariaLabel={ariaLabel ?? (primary ? t('loss.ariaSummary', { step: formatStep(primary.steps[primary.steps.length - 1]), loss: formatLoss(last) }) : t('loss.title'))}
      exportName="loss"
    />
  );
}
