/**
 * What the character-level text view draws: which signals a cell has (h_t, c_t, each gate), one unit's values
 * along the text, their colour scale, how a character is written in a coloured cell, and the units whose
 * activation follows a simple text feature (line position, quotes, punctuation) best. Display transforms
 * only, pure, so they are unit-tested.
 */
import type { CellKind } from '../../engine/config.ts';
import { GATE_NAMES, gateIndex, type GateName } from '../../engine/gateLayout.ts';
import { lutIndex, paletteLut, type PaletteName } from '../../viz/colorLut.ts';
import { niceCeil, type Domain } from '../../viz/domain.ts';
import { gridRow, timeMajorBlock, type GridLayout } from '../../viz/grid.ts';
import { UNK } from '../../tasks/text.ts';
import { gateStyle, TEACHING_ORDER } from '../shared/gateViews.ts';

/** Hidden state, cell state, or one gate's activation. */
export type TextSignal = 'h' | 'c' | GateName;

/** The per-layer traces a text view reads (a probe frame's layer, or the long passage's). */
export interface SignalTraces {
  /** [T, H]. */
  h: Float32Array;
  /** [T, H], LSTM only. */
  c: Float32Array | null;
  /** [T, G·H]. */
  act: Float32Array;
}

/** h and c first (what LSTMVis shows), then the gates in teaching order; an RNN's one "gate" is h itself. */
export function signalOptions(cell: CellKind): TextSignal[] {
  if (cell === 'rnn') return ['h'];
  return ['h', ...(cell === 'lstm' ? (['c'] as const) : []), ...TEACHING_ORDER[cell]];
}

/** The signal if the cell has it, else h (e.g. c after switching to a GRU). */
export function validSignal(cell: CellKind, signal: TextSignal): TextSignal {
  return signalOptions(cell).includes(signal) ? signal : 'h';
}

/** Where the signal lives in its trace, as a units × timesteps grid. */
export function signalGrid(traces: SignalTraces, cell: CellKind, signal: TextSignal, H: number): { values: Float32Array; layout: GridLayout } {
  if (signal === 'h') return { values: traces.h, layout: timeMajorBlock(H) };
  if (signal === 'c') {
    if (!traces.c) throw new Error('c_t exists only for an LSTM');
    return { values: traces.c, layout: timeMajorBlock(H) };
  }
  return { values: traces.act, layout: timeMajorBlock(H, GATE_NAMES[cell].length, gateIndex(cell, signal)) };
}

/** One unit's values along the T characters. */
export function unitSeries(traces: SignalTraces, cell: CellKind, signal: TextSignal, H: number, T: number, unit: number): Float32Array {
  const { values, layout } = signalGrid(traces, cell, signal, H);
  return gridRow(values, layout, unit, T);
}

export interface SignalStyle {
  palette: PaletteName;
  domain: Domain;
}

/**
 * Gates keep their natural ranges (sigmoid [0, 1] sequential, candidate [−1, 1] diverging) and h its
 * [−1, 1]; c_t is unbounded, so its diverging scale fits this unit's values (nice-rounded, so it does not
 * jump with every small change).
 */
export function signalStyle(signal: TextSignal, series: ArrayLike<number>): SignalStyle {
  if (signal === 'h') return { palette: 'diverging', domain: [-1, 1] };
  if (signal === 'c') {
    let m = 0;
    for (let i = 0; i < series.length; i++) if (Number.isFinite(series[i])) m = Math.max(m, Math.abs(series[i]));
    const half = niceCeil(m) || 1;
    return { palette: 'diverging', domain: [-half, half] };
  }
  const s = gateStyle(signal, false);
  return { palette: s.palette, domain: s.domain ?? [-1, 1] };
}

/** Background and a legible text colour (dark on light cells, white on dark ones) for a value. */
export function cellColors(value: number, style: SignalStyle): { background: string; color: string } {
  const lut = paletteLut(style.palette);
  const n = lut.length / 4;
  const k = lutIndex(value, style.domain, n);
  if (k < 0) return { background: 'rgb(110,110,110)', color: '#fff' };
  const r = lut[4 * k];
  const g = lut[4 * k + 1];
  const b = lut[4 * k + 2];
  // Relative luminance (sRGB weights, no gamma: enough to pick black or white text).
  const light = 0.2126 * r + 0.7152 * g + 0.0722 * b > 140;
  return { background: `rgb(${r},${g},${b})`, color: light ? '#111827' : '#ffffff' };
}

/** How the unknown symbol (the characters a restricted vocabulary leaves out) is written. */
export const UNK_MARK = '□';

/** How a character is written in its cell: invisible ones get a visible mark; a newline also breaks the line. */
export function displayChar(ch: string): { text: string; breakAfter: boolean; mark: boolean } {
  if (ch === UNK) return { text: UNK_MARK, breakAfter: false, mark: true };
  if (ch === '\n') return { text: '↵', breakAfter: true, mark: true };
  if (ch === '\t') return { text: '⇥', breakAfter: false, mark: true };
  if (ch === ' ') return { text: '\u00a0', breakAfter: false, mark: false };
  if (ch === '\r') return { text: '␍', breakAfter: false, mark: true };
  return { text: ch, breakAfter: false, mark: false };
}

/** Generated text as shown: the unknown symbol and control characters marked, spaces and line breaks kept. */
export function sampleText(text: string): string {
  return Array.from(text, (ch) => (ch === '\n' || !displayChar(ch).mark ? ch : displayChar(ch).text)).join('');
}

/** A character named in a tooltip: invisible ones by name. */
export function charName(ch: string): string {
  if (ch === UNK) return UNK_MARK;
  if (ch === '\n') return '\\n';
  if (ch === '\t') return '\\t';
  if (ch === ' ') return '␣';
  return ch;
}

// ---------- finding units ----------

/** Text features a unit may track. */
export type TextFeature = 'linePosition' | 'quote' | 'punctuation';
export const TEXT_FEATURES: readonly TextFeature[] = ['linePosition', 'quote', 'punctuation'];

const OPEN_QUOTES = new Set(['"', '“', '「', '『', '«']);
const CLOSE_QUOTES = new Set(['"', '”', '」', '』', '»']);
const PUNCTUATION = /[\p{P}]/u;

/**
 * The feature at each character: how far into its line it is (0 at a line start, 1 at the line's last
 * character), whether it is inside a quotation, or whether it is punctuation (Tang lines end in ，and 。).
 */
export function featureSeries(chars: readonly string[], feature: TextFeature): Float64Array {
  const T = chars.length;
  const out = new Float64Array(T);
  if (feature === 'punctuation') {
    chars.forEach((ch, t) => (out[t] = PUNCTUATION.test(ch) ? 1 : 0));
    return out;
  }
  if (feature === 'quote') {
    let inside = false;
    chars.forEach((ch, t) => {
      // A straight " both opens and closes; typographic quotes say which they do.
      if (inside && CLOSE_QUOTES.has(ch)) inside = false;
      else if (!inside && OPEN_QUOTES.has(ch)) inside = true;
      out[t] = inside ? 1 : 0;
    });
    return out;
  }
  let start = 0;
  for (let t = 0; t <= T; t++) {
    if (t === T || chars[t] === '\n') {
      const len = t - start;
      for (let k = start; k < t; k++) out[k] = len > 1 ? (k - start) / (len - 1) : 0;
      if (t < T) out[t] = 1;
      start = t + 1;
    }
  }
  return out;
}

/** Pearson correlation; null when either side is constant. */
export function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  const n = Math.min(a.length, b.length);
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (!(saa > 1e-12) || !(sbb > 1e-12)) return null;
  return sab / Math.sqrt(saa * sbb);
}

/** The `count` units whose signal correlates most strongly (either sign) with the feature; empty if it never varies. */
export function unitsTracking(
  traces: SignalTraces, cell: CellKind, signal: TextSignal, H: number, chars: readonly string[], feature: TextFeature, count = 3,
): { unit: number; r: number }[] {
  const T = chars.length;
  const f = featureSeries(chars, feature);
  const row = new Float32Array(T);
  const { values, layout } = signalGrid(traces, cell, signal, H);
  const scored: { unit: number; r: number }[] = [];
  for (let u = 0; u < H; u++) {
    const r = correlation(gridRow(values, layout, u, T, row), f);
    if (r !== null && Number.isFinite(r)) scored.push({ unit: u, r });
  }
  return scored.sort((a, b) => Math.abs(b.r) - Math.abs(a.r) || a.unit - b.unit).slice(0, count);
}
