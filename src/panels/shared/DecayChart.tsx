/**
 * The gradient-decay chart, reusable with any number of series (the layers of one run, or the models of
 * compare mode): ‖∂L_T/∂h_t‖ solid, ‖∂L_T/∂c_t‖ dashed, ‖∂L_T/∂x_t‖ dotted on a log axis, the fitted decay
 * rate of each series written on the chart, marks where a curve vanished or overflowed, and under it, on the
 * same x-axis, the mechanism: the running product the gradient is multiplied by going back in time.
 * Hover (or focus and ←/→) reads out every value at a timestep.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useT } from '../../client/useT.ts';
import { ChartFrame, type ChartGroup, type ChartHover, type ChartPlot } from '../../viz/ChartFrame.tsx';
import { Legend } from '../../viz/ChartLegend.tsx';
import { logDomain, type Domain } from '../../viz/domain.ts';
import { displayTimestep, formatValue } from '../../viz/format.ts';
import { PLOT_MARGIN } from '../../viz/layout.ts';
import { Notation } from '../../viz/Notation.tsx';
import { seriesSwatch } from '../../viz/seriesSwatch.ts';
import { curveMarks, decayFactorText, mechanismAt, timestepAt, xDomain, xOf, type DecaySeries, type Quantity, type DecayAxis } from './decayView.ts';
import '../../viz/viz.css';
import './decay.css';

export interface DecayChartProps {
  series: readonly DecaySeries[];
  /** Timesteps of the probe sequence. */
  T: number;
  xMode: DecayAxis;
  /** Plot heights in CSS pixels (gradient norms, mechanism). */
  height?: number;
  mechanismHeight?: number;
  /** A picture kept from another moment (a demonstration's key frame), drawn faintly under the live curves. */
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

/** The shared plot margins, with room on the left for log ticks such as "10⁻²⁴" next to the axis label. */
export const DECAY_MARGIN = { ...PLOT_MARGIN, left: 58 } as const;

/** Axis positions of a curve of T values (indexed by timestep, or by distance k when `byDistance`). */
function positions(T: number, mode: DecayAxis, byDistance = false): Float64Array {
  return Float64Array.from({ length: T }, (_, i) => xOf(byDistance ? T - 1 - i : i, T, mode));
}

export function DecayChart(p: DecayChartProps) {
  const t = useT();
  const [hover, setHover] = useState<number | null>(null);
  const gradH = p.height ?? 170;
  const mechH = p.mechanismHeight ?? 90;
  const { T, xMode, series, reference } = p;

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
  const marks = useMemo(() => curveMarks(series), [series]);
  const gradGroups: ChartGroup[] = useMemo(() => {
    const xs = positions(T, xMode);
    // The kept key picture (e.g. at step 0) is drawn wide and faint under the live curves.
    const kept: ChartGroup[] = (reference?.series ?? []).map((s) => ({
      key: `ref-${s.key}`,
      lines: [{ key: 'dh', xs, ys: s.dh, color: s.color, width: 4, className: 'decay-reference', attrs: { 'data-curve': `ref-${s.key}` } }],
    }));
    return [
      ...kept,
      ...series.map((s) => ({
        key: s.key,
        lines: QUANTITIES.flatMap((q) => {
          const c = s[q];
          return c ? [{ key: q, xs, ys: c, color: s.color, width: q === 'dh' ? 2 : 1.5, dash: QUANTITY_DASH[q], attrs: { 'data-curve': `${s.key}-${q}` } }] : [];
        }),
      })),
    ];
  }, [series, reference, T, xMode]);
  const mechGroups: ChartGroup[] = useMemo(() => {
    const xs = positions(T, xMode, true);
    return series.flatMap((s) => (s.mechanism ? [{ key: s.key, lines: [{ key: 'mechanism', xs, ys: s.mechanism, color: s.color, width: 2 }] }] : []));
  }, [series, T, xMode]);

  const curveName = (q: Quantity) => t(`decay.${q}`);
  const rateLine = (s: DecaySeries) => `${s.label}: ${t('decay.rate', { factor: decayFactorText(s.slope) })}`;
  const xLabel = xMode === 'timestep' ? t('gs.axisTimestep') : t('decay.axisDistance');
  const ruleX = p.rule === null || p.rule === undefined || p.rule >= T ? null : xOf(p.rule, T, xMode);

  const pointer: ChartHover = {
    count: T,
    xOf: (i) => xOf(i, T, xMode),
    at: (v) => timestepAt(v, T, xMode),
    onPick: p.onTimestepClick,
  };
  const withReadout: ChartHover = {
    ...pointer,
    readout: (h) => ({
      title: `t = ${displayTimestep(h)} · T − t = ${T - 1 - h}`,
      rows: series.flatMap((s) => [
        ...QUANTITIES.filter((q) => s[q] !== null).map((q) => ({ key: `${s.key}-${q}`, color: s.color, content: `${s.label} ${curveName(q)} = ${formatValue(s[q]![h])}` })),
        ...(s.mechanism ? [{ key: `${s.key}-m`, color: s.color, content: `${s.label} ${t(`decay.mech.${s.cell}`)} = ${formatValue(mechanismAt(s.mechanism, h, T))}` }] : []),
      ]),
    }),
  };

  const markLayer = ({ x }: ChartPlot) =>
    marks.map((m, k) => {
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
    });

  /** The two plots share the x axis and one hover cursor; the read-out shows in the upper one. */
  const plot = (kind: 'grad' | 'mech', header: ReactNode) => (
    <>
      <div className="decay-header" style={{ paddingLeft: DECAY_MARGIN.left }} data-testid={kind === 'grad' ? 'decay-rates' : undefined}>
        {header}
      </div>
      <ChartFrame
        className="decay-plot"
        groups={kind === 'grad' ? gradGroups : mechGroups}
        height={kind === 'grad' ? gradH : mechH}
        margin={DECAY_MARGIN}
        xDomain={xDomain(T, xMode)}
        xInteger
        xTickSpacing={45}
        xTickFormat={String}
        xLabel={xLabel}
        yScale="log"
        yDomain={kind === 'grad' ? gradDomain : mechDomain}
        yLabel={kind === 'grad' ? t('decay.normAxis') : t('decay.mechanismAxis')}
        yLabelOffset={46}
        rule={ruleX}
        hover={kind === 'grad' ? withReadout : pointer}
        hovered={hover}
        onHover={setHover}
        over={kind === 'grad' ? markLayer : undefined}
        focusable={kind === 'grad'}
        ariaLabel={kind === 'grad' ? t('decay.aria', { rates: series.map(rateLine).join('; ') }) : t('decay.mechanismTitle')}
        exportName={kind === 'grad' ? 'gradient-decay' : 'gradient-decay-mechanism'}
      />
    </>
  );

  return (
    <figure className="decay-chart" data-testid="decay-chart">
      <Legend
        className="decay-legend"
        items={[
          ...series.map((s) => ({ key: s.key, label: s.label, color: s.color, box: true })),
          ...(reference ? [{ key: 'reference', label: reference.label, color: 'currentColor', weight: 'bold' as const, className: 'decay-reference-key', testId: 'decay-reference-key' }] : []),
          ...QUANTITIES.filter((q) => series.some((s) => s[q] !== null)).map((q) => ({ key: q, label: curveName(q), color: 'currentColor', dash: QUANTITY_DASH[q] })),
        ]}
      />
      {plot(
        'grad',
        <>
          <span className="decay-header-title">
            <Notation text={t('decay.rateTitle')} />:
          </span>
          {series.map((s) => (
            <span key={s.key} style={seriesSwatch(s.color)} className="decay-rate series-swatch" data-slope={s.slope ?? ''}>
              {rateLine(s)}
            </span>
          ))}
        </>,
      )}
      {mechanisms.length > 0 ? (
        <>
          <div className="decay-subtitle">{t('decay.mechanismTitle')}</div>
          {plot(
            'mech',
            mechanisms.map((s) => (
              <span key={s.key} style={seriesSwatch(s.color)} className="decay-rate series-swatch">
                <Notation text={`${s.label}: ${t(`decay.mech.${s.cell}`)}`} />
              </span>
            )),
          )}
        </>
      ) : null}
      <ul className="decay-marks" data-testid="decay-marks">
        {marks.length === 0 ? <li>{t('decay.noMarks')}</li> : null}
        {marks.map((m) => (
          <li key={`${m.series}-${m.quantity}-${m.kind}`} data-kind={m.kind} data-t={m.t} className="series-swatch" style={seriesSwatch(series.find((s) => s.key === m.series)?.color)}>
            <Notation
              text={t(m.kind === 'vanished' ? 'decay.vanished' : 'decay.overflow', {
                curve: curveName(m.quantity),
                series: series.find((s) => s.key === m.series)?.label ?? m.series,
                t: displayTimestep(m.t),
              })}
            />
          </li>
        ))}
        {marks.some((m) => m.kind === 'vanished') ? <li className="viz-note">{t('decay.vanishNote')}</li> : null}
        {marks.some((m) => m.kind === 'overflow') ? <li className="viz-note">{t('decay.overflowNote')}</li> : null}
      </ul>
    </figure>
  );
}
