/**
 * A few series over timesteps (x = 1 … n, sharing the heatmaps' margins so they line up under one), with an
 * optional vertical rule at the selected timestep, read from a per-frame Source. The chart frame draws it; the
 * Source is read at most once per animation frame, and the axes move only when the (nice-rounded) y domain does.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { ChartFrame, type ChartGroup, type ChartHover } from './ChartFrame.tsx';
import type { Domain } from './domain.ts';
import { formatValue } from './format.ts';
import type { Source } from '../client/source.ts';

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

const raf: (cb: () => void) => number =
  typeof requestAnimationFrame === 'function' ? (cb) => requestAnimationFrame(cb) : (cb) => setTimeout(cb, 16) as unknown as number;
const cancelRaf: (id: number) => void = typeof cancelAnimationFrame === 'function' ? (id) => cancelAnimationFrame(id) : (id) => clearTimeout(id);

/** The source's value, read again at most once per animation frame after it signals a change. */
function useFrameRateValue<T>(source: Source<T>): T | null {
  const [value, setValue] = useState<T | null>(() => source.read());
  useEffect(() => {
    setValue(source.read());
    let id = 0;
    const off = source.subscribe(() => {
      if (id) return;
      id = raf(() => {
        id = 0;
        setValue(source.read());
      });
    });
    return () => {
      off();
      if (id) cancelRaf(id);
    };
  }, [source]);
  return value;
}

export function LineChart(p: LineChartProps) {
  const data = useFrameRateValue(p.source);
  const log = p.yScale === 'log';
  const xs = useMemo(() => Float64Array.from({ length: p.n }, (_, i) => i + 1), [p.n]);
  const groups: ChartGroup[] = useMemo(
    () =>
      p.series.map((s, k) => ({
        key: s.key,
        lines: [{ key: 'line', xs, ys: data?.values[k] ?? [], color: s.color, width: s.emphasis ? 2.5 : 1.5, dash: s.dashed ? '5 3' : undefined }],
      })),
    [p.series, data, xs],
  );
  const hover: ChartHover = {
    count: p.n,
    xOf: (i) => i + 1,
    at: (v) => Math.max(0, Math.min(p.n - 1, Math.round(v) - 1)),
    onPick: p.onIndexClick,
    readout: (i) => ({
      title: p.describeIndex ? p.describeIndex(i) : String(i + 1),
      rows: p.series.map((s, k) => ({ key: s.key, color: s.color, content: `${s.label}: ${formatValue(data?.values[k]?.[i] ?? NaN)}` })),
    }),
  };

  return (
    <ChartFrame
      className="viz-linechart"
      groups={groups}
      height={p.height ?? 90}
      xDomain={[0.5, p.n + 0.5]}
      xInteger
      xTickSpacing={45}
      xLabel={p.xLabel}
      yScale={p.yScale}
      yDomain={data?.domain ?? (log ? [1e-3, 1] : [-1, 1])}
      yTickCount={3}
      yLabel={p.yLabel}
      zeroLine
      rule={p.rule === null || p.rule === undefined || p.rule >= p.n ? null : p.rule + 1}
      hover={hover}
      title={p.title}
      legend={p.series.map((s) => ({ key: s.key, label: s.label, color: s.color, dashed: s.dashed, weight: s.emphasis ? 'bold' : undefined }))}
      ariaLabel={p.label}
    />
  );
}
