/** Number and index formatting shared by the panels. */
import { format } from 'd3-format';

const sig4 = format('.4g');
const sig4e = format('.3e');

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '−': '⁻', '+': '', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/** An integer as superscript characters (−21 → ⁻²¹): typeset in plain text, SVG and tooltips alike. */
export function superscript(n: number | string): string {
  return [...String(n)].map((c) => SUPERSCRIPT[c] ?? c).join('');
}

/**
 * A number in e-notation from d3-format ("1.022e-5", "2e+3") written as people write it: 1.022×10⁻⁵, 2×10³;
 * a mantissa of 1 is left out (10⁻⁶). Anything else passes through.
 */
export function scientific(text: string): string {
  const m = /^([−-]?)(\d+(?:\.\d+)?)e([+−-]?\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, mantissa, exp] = m;
  const power = `10${superscript(Number(exp.replace('−', '-')))}`;
  return `${sign}${Number(mantissa) === 1 ? power : `${mantissa}×${power}`}`;
}

/** A value with 4 significant digits (hover tooltips), in powers of ten when tiny (gradients) or huge. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e6) ? scientific(sig4e(v)) : sig4(v);
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

/** Tick labels that stay short for tiny gradients (2×10⁻⁵ rather than 0.00002) and for large values. */
export function compactTickFormat(domain: readonly [number, number]): (v: number) => string {
  const m = Math.max(Math.abs(domain[0]), Math.abs(domain[1]));
  const small = m > 0 && m < 1e-2;
  return (v) => (v === 0 ? '0' : small || m >= 1e4 ? scientific(sci(v)) : plain(v));
}
