/**
 * Lines over 1-based timestep positions with the selected timestep as a vertical rule. Hover (or arrow
 * keys once focused) reads every line's value at a timestep; a click or Enter selects that timestep.
 */
import { useMemo } from 'react';
import { ChartFrame, type ChartGroup, type ChartHover, type ChartPlot } from '../../viz/ChartFrame.tsx';
import { formatValue } from '../../viz/format.ts';
import { PLOT_MARGIN } from '../../viz/layout.ts';

export interface SequenceLine {
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
  lines: SequenceLine[];
  /** Last position on the x-axis (first is 1). */
  positions: number;
  /** Selected position (1-based), drawn as a rule. */
  rule: number | null;
  /** Points drawn larger on top (the output produced at the selected timestep). */
  highlights?: { x: number; y: number; color: string }[];
  /** Positions after this one are shaded as the forecast (many-to-one outputs). */
  forecastFrom?: number;
  xLabel: string;
  /** Leave the axis title out (a strip stacked over a chart that has it). */
  hideXLabel?: boolean;
  ariaLabel: string;
  /** Name of the SVG in the figure export; default "predictions". */
  exportName?: string;
  /** Extra read-out rows at a position (e.g. the error). */
  extra?: (pos: number) => { label: string; value: number }[];
  onSelect?: (pos: number) => void;
  /** Total height in px. */
  height?: number;
}

/** Bottom margin of a chart without an axis title: room for the tick labels only. */
const STRIP_BOTTOM = 20;

export function SequenceChart(p: Props) {
  const groups: ChartGroup[] = useMemo(
    () => p.lines.map((l) => ({ key: l.id, attrs: { 'data-line': l.id }, lines: [{ key: 'line', xs: l.xs, ys: l.ys, color: l.color, width: l.width, dash: l.dash, dots: l.dots ? 2.2 : undefined }] })),
    [p.lines],
  );
  const hover: ChartHover = {
    count: p.positions,
    xOf: (i) => i + 1,
    at: (v) => Math.max(1, Math.min(p.positions, Math.round(v))) - 1,
    start: (p.rule ?? 1) - 1,
    onPick: p.onSelect ? (i) => p.onSelect?.(i + 1) : undefined,
    readout: (i) => {
      const pos = i + 1;
      const rows = p.lines.flatMap((l) => {
        const k = l.xs.indexOf(pos);
        return k < 0 ? [] : [{ key: l.id, color: l.color, content: `${l.label}: ${formatValue(l.ys[k])}` }];
      });
      if (rows.length === 0) return null;
      const extra = (p.extra?.(pos) ?? []).map((r) => ({ key: `extra-${r.label}`, content: `${r.label}: ${formatValue(r.value)}` }));
      return { title: `${p.xLabel} ${pos}`, rows: [...rows, ...extra] };
    },
  };
  const under = p.forecastFrom === undefined ? undefined : ({ x, width, height }: ChartPlot) => {
    const from = x(p.forecastFrom! - 0.5);
    return <rect className="pred-forecast" x={from} width={Math.max(0, width - from)} height={height} />;
  };
  const over = ({ x, y }: ChartPlot) =>
    (p.highlights ?? []).map((h, i) => (Number.isFinite(h.y) ? <circle key={i} className="pred-highlight" cx={x(h.x)} cy={y(h.y)} r={5} fill={h.color} /> : null));

  const bottom = p.hideXLabel ? STRIP_BOTTOM : PLOT_MARGIN.bottom;
  return (
    <ChartFrame
      groups={groups}
      height={(p.height ?? 200) - PLOT_MARGIN.top - bottom}
      margin={{ bottom }}
      xDomain={[0.5, p.positions + 0.5]}
      xInteger
      xTickSpacing={50}
      xTickFormat={String}
      xLabel={p.hideXLabel ? undefined : p.xLabel}
      yTickCount={p.hideXLabel ? 2 : undefined}
      grid
      rule={p.rule}
      hover={hover}
      under={under}
      over={over}
      ariaLabel={p.ariaLabel}
      exportName={p.exportName ?? 'predictions'}
    />
  );
}
