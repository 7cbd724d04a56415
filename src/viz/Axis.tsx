/**
 * SVG axes rendered by React from a d3 scale (d3 computes, React draws). Place them with a parent
 * <g transform>: AxisBottom draws along y = 0 downwards, AxisLeft along x = 0 leftwards.
 */
import { tickable } from './chartScale.ts';

/** What the axes need of a scale; d3's linear and log scales fit. */
export interface AxisScale {
  (v: number): number | undefined;
  ticks(count?: number): number[];
  tickFormat(count?: number, specifier?: string): (d: number) => string;
  range(): number[];
  domain(): number[];
}

export interface AxisProps {
  scale: AxisScale;
  /** A tick count hint, or the exact tick values. */
  ticks?: number | readonly number[];
  tickFormat?: (v: number) => string;
  label?: string;
  tickSize?: number;
  /** Keep only whole-number ticks (cell indices). */
  integer?: boolean;
}

function tickValues(p: AxisProps): { values: number[]; format: (v: number) => string } {
  const count = typeof p.ticks === 'number' ? p.ticks : 5;
  // A domain d3 cannot tick (subnormal or overflowing span) is labelled at its ends only.
  const domain = p.scale.domain();
  const auto = (): number[] => (tickable(domain) ? p.scale.ticks(count) : domain.filter(Number.isFinite));
  let values = (Array.isArray(p.ticks) ? [...(p.ticks as readonly number[])] : auto()).filter(Number.isFinite);
  if (p.integer) values = values.filter(Number.isInteger);
  return { values, format: p.tickFormat ?? p.scale.tickFormat(count) };
}

export function AxisBottom(p: AxisProps) {
  const { values, format } = tickValues(p);
  const [r0, r1] = p.scale.range();
  const size = p.tickSize ?? 4;
  return (
    <g className="viz-axis" aria-hidden="true">
      <line className="viz-axis-domain" x1={r0} x2={r1} y1={0} y2={0} />
      {values.map((v) => {
        const x = p.scale(v) ?? 0;
        return (
          <g key={v} transform={`translate(${x},0)`}>
            <line y2={size} />
            <text y={size + 2} dy="0.71em" textAnchor="middle">
              {format(v)}
            </text>
          </g>
        );
      })}
      {p.label ? (
        <text className="viz-axis-label" x={(r0 + r1) / 2} y={size + 26} textAnchor="middle">
          {p.label}
        </text>
      ) : null}
    </g>
  );
}

export function AxisLeft(p: AxisProps & { /** Distance of the rotated label from the axis. */ labelOffset?: number }) {
  const { values, format } = tickValues(p);
  const [r0, r1] = p.scale.range();
  const size = p.tickSize ?? 4;
  return (
    <g className="viz-axis" data-axis="y" aria-hidden="true">
      <line className="viz-axis-domain" x1={0} x2={0} y1={r0} y2={r1} />
      {values.map((v) => {
        const y = p.scale(v) ?? 0;
        return (
          <g key={v} transform={`translate(0,${y})`}>
            <line x2={-size} />
            <text className="viz-tick-label" x={-size - 2} dy="0.32em" textAnchor="end">
              {format(v)}
            </text>
          </g>
        );
      })}
      {p.label ? (
        <text className="viz-axis-label" transform={`translate(${-(p.labelOffset ?? 30)},${(r0 + r1) / 2}) rotate(-90)`} textAnchor="middle">
          {p.label}
        </text>
      ) : null}
    </g>
  );
}
