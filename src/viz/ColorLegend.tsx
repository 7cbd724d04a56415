import { useId } from 'react';
import { scaleLinear } from 'd3-scale';
import { PALETTES, type PaletteName } from './colorLut.ts';
import type { Domain } from './domain.ts';
import { AxisBottom } from './Axis.tsx';
import { compactTickFormat } from './format.ts';

const STOPS = 16;

/** A horizontal gradient bar of a palette over `domain`, with tick values under it. */
export function ColorLegend(props: { palette: PaletteName; domain: Domain; width?: number; barHeight?: number; /** Default: both ends and the middle. */ ticks?: number | readonly number[]; label?: string; tickFormat?: (v: number) => string }) {
  // useId's characters are not all valid in url(#…).
  const id = `legend${useId().replace(/[^\w-]/g, '')}`;
  const width = props.width ?? 150;
  const bar = props.barHeight ?? 8;
  const pad = 12;
  const scale = scaleLinear().domain(props.domain).range([0, width - 2 * pad]);
  const interpolate = PALETTES[props.palette];
  return (
    <svg className="viz-legend" width={width} height={bar + 22} role="img" aria-label={`${props.label ?? ''} ${props.domain[0]} … ${props.domain[1]}`.trim()}>
      <defs>
        <linearGradient id={id}>
          {Array.from({ length: STOPS }, (_, k) => (
            <stop key={k} offset={`${(100 * k) / (STOPS - 1)}%`} stopColor={interpolate(k / (STOPS - 1))} />
          ))}
        </linearGradient>
      </defs>
      <g transform={`translate(${pad},1)`}>
        <rect width={width - 2 * pad} height={bar} fill={`url(#${id})`} />
        <g transform={`translate(0,${bar})`}>
          <AxisBottom scale={scale} ticks={props.ticks ?? [props.domain[0], (props.domain[0] + props.domain[1]) / 2, props.domain[1]]} tickFormat={props.tickFormat ?? compactTickFormat(props.domain)} tickSize={3} />
        </g>
      </g>
    </svg>
  );
}
