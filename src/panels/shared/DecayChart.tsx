/**
 * The gradient-decay chart, reusable with any number of series (the layers of one run, or the models of
 * compare mode): ‖∂L_T/∂h_t‖ solid, ‖∂L_T/∂c_t‖ dashed, ‖∂L_T/∂x_t‖ dotted on a log axis, the fitted decay
 * rate of each series written on the chart, marks where a curve vanished or overflowed, and under it, on the
 * same x-axis, the mechanism: the running product the gradient is multiplied by going back in time.
 * Hover (or focus and ←/→) reads out every value at a timestep.
 */
import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useT } from '../../client/useT.ts';
import { AxisBottom, AxisLeft } from '../../viz/Axis.tsx';
import { logDomain, type Domain } from '../../viz/domain.ts';
import { displayTimestep, formatValue } from '../../viz/format.ts';
import { PLOT_MARGIN, useWidth } from '../../viz/layout.ts';
import { decadeTicks } from '../../viz/LineChart.tsx';
import { curveMarks, decayFactorText, mechanismAt, timestepAt, xDomain, xOf, type DecaySeries, type Quantity, type XMode } from './decayView.ts';
import '../../viz/viz.css';
import './decay.css';

export interface DecayChartProps {
  series: readonly DecaySeries[];
  /** Timesteps of the probe sequence. */
  T: number;
  xMode: XMode;
  /** Plot heights in CSS pixels (gradient norms, mechanism). */
  height?: number;
  mechanismHeight?: number;
  /** A demonstration's key picture, drawn faintly under the live curves (‖∂L_T/∂h_t‖ only). */
  reference?: DecayReference | null;
  /** Vertical rule at this 0-based timestep (the timestep cursor). */
  rule?: number | null;
  onTimestepClick?: (t: number) => void;
}

export interface DecayReference {
  series: readonly DecaySeries[];
  /** Says which picture it is, e.g. "at step 0". */
  label: string;
}

const QUANTITY_DASH: Record<Quantity, string | undefined> = { dh: undefined, dc: '6 3', dx: '1.5 3' };
const QUANTITIES: readonly Quantity[] = ['dh', 'dc', 'dx'];

/** The shared plot margins, with room on the left for log ticks such as "1e−24" next to the axis label. */
export const DECAY_MARGIN = { ...PLOT_MARGIN, left: 58 } as const;
const M = DECAY_MARGIN;

const formatDecade = (v: number) => `1e${Math.round(Math.log10(v))}`.replace('-', '−');

/** The path of one curve of T values (indexed by timestep, or by distance k when `byDistance`). */
function curvePath(values: ArrayLike<number>, T: number, mode: XMode, x: (v: number) => number, y: (v: number) => number, byDistance = false): string {
  const points = Array.from(values);
  return (
    line<number>()
      .defined((v) => v > 0 && Number.isFinite(v))
      .x((_, i) => x(xOf(byDistance ? T - 1 - i : i, T, mode)))
      .y(y)(points) ?? ''
  );
}

export function DecayChart(p: DecayChartProps) {
  const t = useT();
  const boxRef = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<number | null>(null);
  const width = useWidth(boxRef, 480);
  const plotW = Math.max(40, width - M.left - M.right);
  const gradH = p.height ?? 170;
  const mechH = p.mechanismHeight ?? 90;
  const { T, xMode, series, reference } = p;

  const x = scaleLinear().domain(xDomain(T, xMode)).range([0, plotW]);
  const gradDomain: Domain = useMemo(
    () =>
      logDomain([
        ...series.flatMap((s) => QUANTITIES.map((q) => s[q]).filter((c): c is ArrayLike<number> => c !== null)),
        ...(reference?.series.map((s) => s.dh) ?? []),
      ]) ?? [1e-6, 1],
    [series, reference],
  );
  const mechanisms = series.filter((s) => s.mechanism !== null);
  const mechDomain: Domain = useMemo(() => {
    const d = logDomain(series.flatMap((s) => (s.mechanism ? [s.mechanism] : []))) ?? [0.1, 1];
    return [Math.min(d[0], 0.1), Math.max(d[1], 1)];
  }, [series]);
  const yGrad = scaleLog().domain(gradDomain).range([gradH, 0]).clamp(true);
  const yMech = scaleLog().domain(mechDomain).range([mechH, 0]).clamp(true);
  const marks = useMemo(() => curveMarks(series), [series]);
  const xTicks = Math.min(T, Math.max(2, Math.floor(plotW / 45)));
  const xLabel = xMode === 'timestep' ? t('gs.axisTimestep') : t('decay.axisDistance');
  const curveName = (q: Quantity) => t(`decay.${q}`);
  const rateLine = (s: DecaySeries) => `${s.label}: ${t('decay.rate', { factor: decayFactorText(s.slope) })}`;

  const pointer = (e: PointerEvent<SVGRectElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    setHover(timestepAt(x.invert(e.clientX - r.left), T, xMode));
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    // ←/→ move along the axis, whichever way it runs.
    const dir = { ArrowLeft: -1, ArrowRight: 1 }[e.key];
    if (dir === undefined) return;
    e.preventDefault();
    const along = xMode === 'timestep' ? dir : -dir;
    setHover((h) => Math.max(0, Math.min(T - 1, (h ?? T - 1) + along)));
  };
  const hoverX = hover === null ? null : x(xOf(hover, T, xMode));
  const ruleX = p.rule === null || p.rule === undefined || p.rule >= T ? null : x(xOf(p.rule, T, xMode));

  /** A plot of height h under its header line (which wraps when there are many series). */
  const plot = (kind: 'grad' | 'mech', h: number, header: ReactNode, children: ReactNode) => (
    <>
      <div className="decay-header" style={{ paddingLeft: M.left }} data-testid={kind === 'grad' ? 'decay-rates' : undefined}>
        {header}
      </div>
      <svg
        width={width}
        height={h + M.top + M.bottom}
        role="img"
        tabIndex={kind === 'grad' ? 0 : -1}
        aria-label={kind === 'grad' ? t('decay.aria', { rates: series.map(rateLine).join('; ') }) : t('decay.mechanismTitle')}
        onKeyDown={kind === 'grad' ? onKeyDown : undefined}
        onBlur={() => setHover(null)}
        className="decay-svg"
      >
        <g transform={`translate(${M.left},${M.top})`}>
          {children}
          {ruleX !== null ? <line className="viz-rule" x1={ruleX} x2={ruleX} y2={h} /> : null}
          {hoverX !== null ? <line className="decay-hover" x1={hoverX} x2={hoverX} y2={h} /> : null}
          <g transform={`translate(0,${h})`}>
            <AxisBottom scale={x} ticks={xTicks} integer tickFormat={(v) => String(v)} label={xLabel} />
          </g>
          <rect
            className="viz-hit"
            width={plotW}
            height={h}
            onPointerMove={pointer}
            onPointerLeave={() => setHover(null)}
            onClick={() => (hover !== null ? p.onTimestepClick?.(hover) : undefined)}
          />
        </g>
      </svg>
    </>
  );

  return (
    <figure className="decay-chart" data-testid="decay-chart">
      <figcaption className="viz-series-legend decay-legend">
        {series.map((s) => (
          <span key={s.key} className="viz-series-key">
            <svg width={14} height={10} aria-hidden="true">
              <rect width={14} height={10} rx={2} fill={s.color} />
            </svg>
            {s.label}
          </span>
        ))}
        {reference ? (
          <span className="viz-series-key decay-reference-key" data-testid="decay-reference-key">
            <svg width={22} height={8} aria-hidden="true">
              <line x1={0} x2={22} y1={4} y2={4} stroke="currentColor" strokeWidth={4} className="decay-reference" />
            </svg>
            {reference.label}
          </span>
        ) : null}
        {QUANTITIES.filter((q) => series.some((s) => s[q] !== null)).map((q) => (
          <span key={q} className="viz-series-key">
            <svg width={22} height={8} aria-hidden="true">
              <line x1={0} x2={22} y1={4} y2={4} stroke="currentColor" strokeWidth={2} strokeDasharray={QUANTITY_DASH[q]} />
            </svg>
            {curveName(q)}
          </span>
        ))}
      </figcaption>
      <div className="viz-plot" ref={boxRef}>
        {plot(
          'grad',
          gradH,
          <>
            <span className="decay-header-title">{t('decay.rateTitle')}:</span>
            {series.map((s) => (
              <span key={s.key} style={{ color: s.color }} className="decay-rate" data-slope={s.slope ?? ''}>
                {rateLine(s)}
              </span>
            ))}
          </>,
          <>
            <AxisLeft scale={yGrad} ticks={decadeTicks(gradDomain)} tickFormat={formatDecade} label={t('decay.normAxis')} labelOffset={46} />
            {reference?.series.map((s) => (
              <path key={`ref-${s.key}`} className="decay-reference" data-curve={`ref-${s.key}`} d={curvePath(s.dh, T, xMode, x, yGrad)} fill="none" stroke={s.color} strokeWidth={4} />
            ))}
            {series.map((s) =>
              QUANTITIES.map((q) => {
                const c = s[q];
                return c ? (
                  <path key={`${s.key}-${q}`} data-curve={`${s.key}-${q}`} d={curvePath(c, T, xMode, x, yGrad)} fill="none" stroke={s.color} strokeWidth={q === 'dh' ? 2 : 1.5} strokeDasharray={QUANTITY_DASH[q]} />
                ) : null;
              }),
            )}
            {marks.map((m, k) => {
              const s = series.find((v) => v.key === m.series);
              const mx = x(xOf(m.t, T, xMode));
              // Labels of several series' marks stack upwards instead of overprinting.
              const row = marks.slice(0, k).filter((o) => o.quantity === 'dh').length;
              return (
                <g key={`${m.series}-${m.quantity}-${m.kind}`} className={`decay-mark decay-mark-${m.kind}`} data-mark={m.kind}>
                  <line x1={mx} x2={mx} y1={0} y2={gradH} stroke={s?.color} strokeDasharray={m.quantity === 'dh' ? '3 3' : '1 4'} />
                  {m.quantity === 'dh' ? (
                    <text x={mx} y={gradH - 4 - 13 * row} dx={xMode === 'timestep' ? 3 : -3} textAnchor={xMode === 'timestep' ? 'start' : 'end'} fill={s?.color}>
                      {t(m.kind === 'vanished' ? 'decay.markVanished' : 'decay.markOverflow')}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </>,
        )}
        {mechanisms.length > 0 ? (
          <>
            <div className="decay-subtitle">{t('decay.mechanismTitle')}</div>
            {plot(
              'mech',
              mechH,
              mechanisms.map((s) => (
                <span key={s.key} style={{ color: s.color }} className="decay-rate">
                  {`${s.label}: ${t(`decay.mech.${s.cell}`)}`}
                </span>
              )),
              <>
                <AxisLeft scale={yMech} ticks={decadeTicks(mechDomain)} tickFormat={formatDecade} label={t('decay.mechanismAxis')} labelOffset={46} />
                {mechanisms.map((s) => (
                  <path key={s.key} d={curvePath(s.mechanism!, T, xMode, x, yMech, true)} fill="none" stroke={s.color} strokeWidth={2} />
                ))}
              </>,
            )}
          </>
        ) : null}
        {hover !== null && hoverX !== null ? (
          <div className="viz-tooltip" style={{ left: M.left + hoverX + 12, top: 24, transform: hoverX > plotW * 0.6 ? 'translateX(calc(-100% - 24px))' : undefined }}>
            {[
              `t = ${displayTimestep(hover)} · T − t = ${T - 1 - hover}`,
              ...series.flatMap((s) => [
                ...QUANTITIES.filter((q) => s[q] !== null).map((q) => `${s.label} ${curveName(q)} = ${formatValue(s[q]![hover])}`),
                ...(s.mechanism ? [`${s.label} ${t(`decay.mech.${s.cell}`)} = ${formatValue(mechanismAt(s.mechanism, hover, T))}`] : []),
              ]),
            ].join('\n')}
          </div>
        ) : null}
      </div>
      <ul className="decay-marks" data-testid="decay-marks">
        {marks.length === 0 ? <li>{t('decay.noMarks')}</li> : null}
        {marks.map((m) => (
          <li key={`${m.series}-${m.quantity}-${m.kind}`} data-kind={m.kind} data-t={m.t} style={{ color: series.find((s) => s.key === m.series)?.color }}>
            {t(m.kind === 'vanished' ? 'decay.vanished' : 'decay.overflow', {
              curve: curveName(m.quantity),
              series: series.find((s) => s.key === m.series)?.label ?? m.series,
              t: displayTimestep(m.t),
            })}
          </li>
        ))}
        {marks.some((m) => m.kind === 'vanished') ? <li className="viz-note">{t('decay.vanishNote')}</li> : null}
        {marks.some((m) => m.kind === 'overflow') ? <li className="viz-note">{t('decay.overflowNote')}</li> : null}
      </ul>
    </figure>
  );
}
