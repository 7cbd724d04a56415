/**
 * Colour lookup tables for heatmaps: an interpolator is sampled once into an RGBA table, so painting a cell
 * is an index computation and four byte copies (no colour strings per frame).
 */
import { interpolateRdBu, interpolateViridis } from 'd3-scale-chromatic';
import type { Domain } from './domain.ts';

export type Interpolator = (t: number) => string;
/** RGBA bytes, [n, 4]. */
export type Lut = Uint8ClampedArray;

export type PaletteName = 'diverging' | 'sequential';

/** Diverging for signed values (negative blue, 0 near-white, positive red); sequential for gates in [0, 1]. */
export const PALETTES: Record<PaletteName, Interpolator> = {
  diverging: (t) => interpolateRdBu(1 - t),
  sequential: interpolateViridis,
};

/** Colour of a NaN/±Inf cell: a grey that neither palette uses. */
export const NON_FINITE_RGBA = [110, 110, 110, 255] as const;

/** Parse the colour strings d3 interpolators return: "#rrggbb", "#rgb" or "rgb(r, g, b)". */
export function parseColor(s: string): [number, number, number] {
  const hex = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(s.trim());
  if (hex) {
    const h = hex[1].length === 3 ? hex[1].replace(/./g, (c) => c + c) : hex[1];
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }
  const rgb = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)/i.exec(s.trim());
  if (rgb) return [Math.round(+rgb[1]), Math.round(+rgb[2]), Math.round(+rgb[3])];
  throw new Error(`unsupported colour string: ${s}`);
}

/** Sample `interpolator` at n evenly spaced points of [0, 1] into an RGBA table. */
export function colorLut(interpolator: Interpolator, n = 256): Lut {
  if (!Number.isInteger(n) || n < 1) throw new Error(`a colour table needs n ≥ 1 entries, got ${n}`);
  const lut = new Uint8ClampedArray(n * 4);
  for (let k = 0; k < n; k++) {
    const [r, g, b] = parseColor(interpolator(n === 1 ? 0.5 : k / (n - 1)));
    lut.set([r, g, b, 255], k * 4);
  }
  return lut;
}

const cache = new Map<PaletteName, Lut>();

/** The shared 256-entry table of a named palette (built on first use). */
export function paletteLut(name: PaletteName): Lut {
  let lut = cache.get(name);
  if (!lut) cache.set(name, (lut = colorLut(PALETTES[name])));
  return lut;
}

/**
 * Table entry of value v for a table of n entries spanning `domain` (values outside are clamped to the ends);
 * −1 for a non-finite value. An empty or infinite domain maps everything to the middle entry.
 */
export function lutIndex(v: number, domain: Domain, n: number): number {
  if (!Number.isFinite(v)) return -1;
  const [lo, hi] = domain;
  const span = hi - lo;
  // An empty, reversed or overflowing (±1e308) domain has no colours to spread over.
  if (!(span > 0 && span < Infinity)) return n >> 1;
  const k = Math.floor(((v - lo) / span) * n);
  return k < 0 ? 0 : k >= n ? n - 1 : k;
}
