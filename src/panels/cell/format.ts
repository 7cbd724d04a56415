/**
 * Numbers as the cell panel shows them: 2–3 decimals for everyday values, a mantissa and power of ten for the
 * tiny ones gradients often are, and a long form for tooltips.
 */
import { scientific, superscript } from '../../viz/format.ts';
import { format } from 'd3-format';

export interface ShortNumber {
  /** Signed mantissa with a typographic minus, e.g. "−0.35" or "3.2". */
  mantissa: string;
  /** Power of ten, or null when the mantissa is the whole number. */
  exponent: number | null;
}

const MINUS = '\u2212';
const fixed3 = format('.3f');
const fixed2 = format('.2f');
const fixed1 = format('.1f');
const fixed0 = format(',.0f');
const long = format('.7~g');

/** "-4" → "−4" (the typographic minus). */
export function withMinus(s: string): string {
  return s.replace('-', MINUS);
}

export function shortNumber(v: number): ShortNumber {
  if (Number.isNaN(v)) return { mantissa: 'NaN', exponent: null };
  if (!Number.isFinite(v)) return { mantissa: v > 0 ? '∞' : `${MINUS}∞`, exponent: null };
  const a = Math.abs(v);
  if (a === 0) return { mantissa: '0', exponent: null };
  if (a < 0.01 || a >= 1e5) {
    const exponent = Math.floor(Math.log10(a));
    let m = v / 10 ** exponent;
    // Rounding 9.96 to one decimal gives 10.0: carry it into the exponent.
    if (Math.abs(Number(m.toFixed(1))) >= 10) return { mantissa: withMinus((m / 10).toFixed(1)), exponent: exponent + 1 };
    m = Number(m.toFixed(1));
    return { mantissa: withMinus(m.toFixed(1)), exponent };
  }
  const f = a < 0.1 ? fixed3 : a < 10 ? fixed2 : a < 100 ? fixed1 : fixed0;
  return { mantissa: withMinus(f(v)), exponent: null };
}

/** Plain-text short form, e.g. "−0.35", "3.2×10⁻⁴". */
export function fmt(v: number): string {
  const s = shortNumber(v);
  return s.exponent === null ? s.mantissa : `${s.mantissa}×10${superscript(s.exponent)}`;
}

/**
 * In the diagram's slots (between two gate wires, inside a gate box): a power of ten keeps one significant
 * digit, "−9×10⁻⁴", as narrow as the plain forms; the equations and tooltips carry the rest.
 */
export function fmtSlot(v: number): string {
  const s = shortNumber(v);
  if (s.exponent === null) return s.mantissa;
  const m = Math.round(Math.abs(Number(s.mantissa.replace(MINUS, '-'))));
  // 9.6 rounds to 10: one more power of ten.
  const [digit, exponent] = m >= 10 ? [1, s.exponent + 1] : [m, s.exponent];
  return `${v < 0 ? MINUS : ''}${digit}×10${superscript(exponent)}`;
}

/** Tick labels: as short as possible ("1", "−1×10⁻³"). */
export function fmtTick(v: number): string {
  const s = shortNumber(v);
  const m = s.mantissa.replace(/\.0+$|(\.\d*?)0+$/, '$1');
  return s.exponent === null ? m : `${m}×10${superscript(s.exponent)}`;
}

/** Up to 7 significant digits (float32 precision), for tooltips. */
export function fmtFull(v: number): string {
  return Number.isFinite(v) ? scientific(withMinus(long(v))) : fmt(v);
}
