/**
 * The pieces every cell diagram is drawn with (colah's vocabulary): wires that carry a number, gate boxes
 * filled by their activation, and pointwise operations as circles. d3-shape computes the paths; React draws.
 */
import { createContext, use, useId, type ReactNode } from 'react';
import { line } from 'd3-shape';
import type { WalkMode } from '../../store/appStore.ts';
import { fmtFull, fmtSlot } from './format.ts';
import { SvgSym } from './svgMath.tsx';
import { gateColor, wireColor, wireWidth, type WireScale } from './wireStyle.ts';

export type Pt = readonly [number, number];

export const VIEW = { width: 940, height: 470 } as const;

interface DiagramContextValue {
  walk: WalkMode;
  scale: WireScale;
  arrowId: string;
}

const DiagramContext = createContext<DiagramContextValue>({ walk: 'forward', scale: { kind: 'linear', max: 1 }, arrowId: '' });

/** The SVG canvas, its arrow marker, and the context (walk direction, scale) the parts read. */
export function DiagramSvg(props: { walk: WalkMode; scale: WireScale; label: string; /** First y drawn (the RNN needs less height). */ top: number; children: ReactNode }) {
  const arrowId = `cell-arrow${useId().replace(/[^\w-]/g, '')}`;
  return (
    <svg className="cell-diagram" viewBox={`0 ${props.top} ${VIEW.width} ${VIEW.height - props.top}`} role="img" aria-label={props.label} data-walk={props.walk}>
      <defs>
        <marker id={arrowId} viewBox="0 0 10 10" refX="8" refY="5" markerWidth="13" markerHeight="13" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="cell-arrowhead" />
        </marker>
      </defs>
      <DiagramContext value={{ walk: props.walk, scale: props.scale, arrowId }}>{props.children}</DiagramContext>
    </svg>
  );
}

const polyline = line<Pt>();

/**
 * A wire from points[0] to the last point, in the forward direction of data flow. Its sheath encodes the value
 * (colour = sign, width = size); a thin dark core keeps the topology visible at 0. In the backward walk the
 * arrow flips, since the gradient travels against the data.
 */
export function Wire(props: { points: readonly Pt[]; value: number | null; arrow?: boolean; dashed?: boolean; name?: string }) {
  const { walk, scale, arrowId } = use(DiagramContext);
  const d = polyline(props.points as Pt[]) ?? '';
  const marker = `url(#${arrowId})`;
  const arrow = props.arrow ?? true;
  return (
    <g className={props.dashed ? 'cell-wire cell-wire-dashed' : 'cell-wire'}>
      {props.name ? <title>{fullTitle(props.name, props.value)}</title> : null}
      {props.value === null ? null : (
        <path d={d} className="cell-wire-sheath" stroke={wireColor(props.value, scale)} strokeWidth={wireWidth(props.value, scale)} />
      )}
      <path
        d={d}
        className="cell-wire-core"
        markerEnd={arrow && walk === 'forward' ? marker : undefined}
        markerStart={arrow && walk === 'backward' ? marker : undefined}
      />
    </g>
  );
}

/** Tooltip text "name = all digits". */
export function fullTitle(name: string, value: number | null): string {
  const plain = name.replace(/[{}]/g, '');
  return value === null ? plain : `${plain} = ${fmtFull(value)}`;
}

/**
 * "name = value" next to a wire, with all digits on hover; `stack` puts the value on a second line for labels
 * beside vertical wires, where width is scarce. Backward, the stacked value drops its "= ": gradients such as
 * "−2×10⁻³" are wider than forward values and must fit between two gate wires.
 */
export function WireLabel(props: { at: Pt; name: string; value: number | null; anchor?: 'start' | 'middle' | 'end'; strong?: boolean; stack?: boolean }) {
  const { walk } = use(DiagramContext);
  const [x, y] = props.at;
  const cls = props.strong ? 'cell-label cell-label-strong' : 'cell-label';
  const bare = props.stack && walk === 'backward';
  const value = props.value === null ? null : `${bare ? '' : '= '}${fmtSlot(props.value)}`;
  return (
    <text x={x} y={y} textAnchor={props.anchor ?? 'start'} className={cls}>
      <title>{fullTitle(props.name, props.value)}</title>
      {props.stack || value === null ? <SvgSym s={props.name} /> : <SvgSym s={`${props.name} ${value}`} />}
      {props.stack && value !== null ? (
        // In ems, so the subscript above (t of f_t), lowered and with its halo, stays clear of this line at every font size.
        <tspan x={x} dy="1.6em" className="cell-label-value">
          {value}
        </tspan>
      ) : null}
    </text>
  );
}

const BOX = { w: 96, h: 60 } as const;
export const GATE_BOX = BOX;

/**
 * A gate's layer: a box filled from the bottom by its activation (σ gates, [0, 1]) or from the middle up or down
 * (tanh-like, [−1, 1]). Shows the activation symbol, the gate's name and, in the backward walk, its δ.
 */
export function GateBox(props: { at: Pt; symbol: string; name: string; act: number; signed: boolean; delta: number | null; highlight?: boolean }) {
  const { scale } = use(DiagramContext);
  const [cx, cy] = props.at;
  const x = cx - BOX.w / 2;
  const y = cy - BOX.h / 2;
  const a = Math.max(-1, Math.min(1, props.act));
  const fill = props.signed
    ? { y: a >= 0 ? cy - (a * BOX.h) / 2 : cy, h: (Math.abs(a) * BOX.h) / 2, color: wireColor(a, { kind: 'linear', max: 1 }) }
    : { y: y + BOX.h * (1 - Math.max(0, a)), h: BOX.h * Math.max(0, a), color: gateColor(a) };
  return (
    <g className="cell-gate">
      <title>{`${props.name}: ${fmtFull(props.act)}${props.delta === null ? '' : ` · δ = ${fmtFull(props.delta)}`}`}</title>
      <rect x={x} y={y} width={BOX.w} height={BOX.h} rx={7} className="cell-gate-box" />
      <rect x={x + 1.5} y={fill.y} width={BOX.w - 3} height={fill.h} fill={fill.color} className="cell-gate-fill" />
      {props.signed ? <line x1={x} x2={x + BOX.w} y1={cy} y2={cy} className="cell-gate-mid" /> : null}
      <rect x={x} y={y} width={BOX.w} height={BOX.h} rx={7} className="cell-gate-outline" />
      <text x={cx} y={cy - 6} textAnchor="middle" className={props.symbol.length > 5 ? 'cell-gate-symbol cell-gate-symbol-long' : 'cell-gate-symbol'}>
        {props.symbol}
      </text>
      <text x={cx} y={cy + 19} textAnchor="middle" className={props.delta === null ? 'cell-gate-name' : 'cell-gate-name cell-gate-delta'}>
        {props.delta === null ? props.name : `δ = ${fmtSlot(props.delta)}`}
      </text>
      {props.delta !== null ? (
        <rect x={x - 3} y={y - 3} width={BOX.w + 6} height={BOX.h + 6} rx={9} fill="none" stroke={wireColor(props.delta, scale)} strokeWidth={wireWidth(props.delta, scale) * 0.6} />
      ) : null}
    </g>
  );
}

export const OP_R = 17;

/** A pointwise operation (×, +, tanh, 1−) as a circle. */
export function Op(props: { at: Pt; symbol: string; wide?: boolean }) {
  const [cx, cy] = props.at;
  return (
    <g className="cell-op">
      {props.wide ? (
        <ellipse cx={cx} cy={cy} rx={Math.max(OP_R * 1.7, props.symbol.length * 7.5)} ry={OP_R} className="cell-op-circle" />
      ) : (
        <circle cx={cx} cy={cy} r={OP_R} className="cell-op-circle" />
      )}
      <text x={cx} y={cy} dy="0.35em" textAnchor="middle" className={props.wide ? 'cell-op-symbol cell-op-word' : 'cell-op-symbol'}>
        {props.symbol}
      </text>
    </g>
  );
}

/** The cell's body: the rounded rectangle the wires run through. */
export function CellBody(props: { x0: number; x1: number; y0: number; y1: number }) {
  return <rect x={props.x0} y={props.y0} width={props.x1 - props.x0} height={props.y1 - props.y0} rx={22} className="cell-body" />;
}
