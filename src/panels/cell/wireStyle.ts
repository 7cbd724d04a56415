/**
 * How a wire encodes its number: colour from the shared diverging palette (negative blue, positive red) and
 * width growing with the size. Forward values live in a fixed range, so their scale is linear; gradients span
 * orders of magnitude within one step, so the backward scale is logarithmic over a few decades below the
 * step's largest gradient (a linear one would leave most wires blank).
 */
import { PALETTES } from '../../viz/colorLut.ts';
import { fmtTick } from './format.ts';

export interface WireScale {
  kind: 'linear' | 'log';
  /** |v| at which colour and width saturate. */
  max: number;
}

/** Decades below max that the log scale still tells apart; anything smaller draws as 0. */
export const LOG_DECADES = 3;

const MIN_WIDTH = 3;
const MAX_WIDTH = 13;

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Where |v| sits on the scale, 0 … 1. */
export function magnitude(v: number, s: WireScale): number {
  const a = Math.abs(v);
  if (s.kind === 'linear') return clamp01(a / s.max);
  return a > 0 ? clamp01((Math.log10(a / s.max) + LOG_DECADES) / LOG_DECADES) : 0;
}

export function wireColor(v: number, s: WireScale): string {
  if (!Number.isFinite(v)) return '#6e6e6e';
  return PALETTES.diverging(0.5 + (Math.sign(v) * magnitude(v, s)) / 2);
}

export function wireWidth(v: number, s: WireScale): number {
  if (!Number.isFinite(v)) return MIN_WIDTH;
  const m = magnitude(v, s);
  return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * (s.kind === 'linear' ? Math.sqrt(m) : m);
}

/** Fill of a gate box at activation a ∈ [0, 1]. */
export function gateColor(a: number): string {
  return PALETTES.sequential(clamp01(a));
}

/**
 * The legend over scale positions p ∈ [−1, 1] (what the colour bar is linear in): the value at each position,
 * the inner tick positions, and the end values (written beside the bar, where a tick label would be clipped).
 */
export function legendOf(s: WireScale): { ticks: number[]; format: (p: number) => string; ends: [string, string] } {
  const valueAt = (p: number) =>
    s.kind === 'linear' || p === 0 ? p * s.max : Math.sign(p) * s.max * 10 ** (LOG_DECADES * (Math.abs(p) - 1));
  const format = (p: number) => fmtTick(valueAt(p));
  const inner = s.kind === 'linear' ? [0] : [-1 / LOG_DECADES, 0, 1 / LOG_DECADES];
  return { ticks: inner, format, ends: [format(-1), format(1)] };
}
