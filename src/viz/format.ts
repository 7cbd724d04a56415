/** Number and index formatting shared by the panels. */
import { format } from 'd3-format';

const sig4 = format('.4g');
const sig4e = format('.3e');

/** A value with 4 significant digits (hover tooltips), in e-notation when tiny (gradients) or huge. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e6) ? sig4e(v) : sig4(v);
}

/** Timesteps are shown 1-based (x_1 … x_T, as in the equations); selection.t is 0-based. */
export function displayTimestep(t: number): number {
  return t + 1;
}

/** Units are shown 1-based (h_t[1] … h_t[H]); selection.unit is 0-based. */
export function displayUnit(u: number): number {
  return u + 1;
}

const sci = format('.0e');
const plain = format('~g');

/** Tick labels that stay short for tiny gradients (2e-5 rather than 0.00002) and for large values. */
export function compactTickFormat(domain: readonly [number, number]): (v: number) => string {
  const m = Math.max(Math.abs(domain[0]), Math.abs(domain[1]));
  const small = m > 0 && m < 1e-2;
  return (v) => (v === 0 ? '0' : small || m >= 1e4 ? sci(v) : plain(v));
}
