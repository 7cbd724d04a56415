/** Reading single cells: missing-value markers, numbers (with an optional decimal comma) and ISO-like dates. */

/** Cells that mean "no value" in the exports of R, pandas, Excel and databases (compared case-insensitively). */
const MISSING = new Set(['', 'na', 'n/a', '#n/a', 'nan', 'null', 'none', '-', '?', 'missing']);

export function isMissing(cell: string): boolean {
  return cell.length <= 7 && MISSING.has(cell.toLowerCase());
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
/** How spreadsheets, R, NumPy and JavaScript write an infinite value. */
const INFINITE = /^([+-]?)(?:inf|infinity|∞)$/i;

/**
 * The number a (trimmed) cell holds, or NaN. A decimal comma ("3,14") is read only when the delimiter is not
 * a comma, as in European exports that separate fields with ";". A written infinity ("Infinity", "-inf") is
 * read as ±Infinity, like "1e999", so both get the same message (outOfRange) rather than two different ones.
 */
export function parseNumber(cell: string, allowDecimalComma: boolean): number {
  if (NUMBER.test(cell)) return Number(cell);
  if (allowDecimalComma && DECIMAL_COMMA.test(cell)) return Number(cell.replace(',', '.'));
  const inf = INFINITE.exec(cell);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  return NaN;
}

/**
 * The magnitudes the page reads (and 0). Beyond them a value does not survive training: scaling divides by a
 * range or a variance that overflows (±1e308 gives NaN at step 1), and the panels draw float32 copies, which
 * turn anything above ~3.4e38 into Infinity and anything below ~1.2e-38 into a subnormal or 0.
 */
export const NUMBER_RANGE = { max: 1e30, min: 1e-30 } as const;

export type RangeProblem = 'tooLarge' | 'tooSmall';

/**
 * Why a number read from `cell` cannot be used, or null. A cell like "1e-400" reads as 0 but is not zero:
 * that underflow is caught by its digits.
 */
export function outOfRange(value: number, cell: string): RangeProblem | null {
  const size = Math.abs(value);
  if (size > NUMBER_RANGE.max) return 'tooLarge';
  if (size === 0) return /[1-9]/.test(cell.split(/[eE]/)[0]) ? 'tooSmall' : null;
  return size < NUMBER_RANGE.min ? 'tooSmall' : null;
}

/**
 * The first invisible character in a cell (control characters, zero-width spaces, a stray byte-order mark),
 * as "U+200B", or null. They make "2001-01" look like a date and not be one.
 */
export function hiddenCharacter(cell: string): string | null {
  const m = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/.exec(cell);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}

export function isDecimalComma(cell: string): boolean {
  return DECIMAL_COMMA.test(cell);
}

// YYYY-MM, YYYY-MM-DD, YYYY/MM/DD, optionally with a time (T or space) and a zone (Z or ±hh:mm).
const DATE = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?$/;

/**
 * Milliseconds since 1970 (UTC; local times without a zone are read as UTC, which keeps their order and
 * spacing) or NaN when the cell is not such a date or names an impossible day.
 */
export function parseDate(cell: string): number {
  const m = DATE.exec(cell);
  if (!m) return NaN;
  const year = +m[1];
  const month = +m[2];
  const day = m[3] === undefined ? 1 : +m[3];
  const hour = m[4] === undefined ? 0 : +m[4];
  const minute = m[5] === undefined ? 0 : +m[5];
  const second = m[6] === undefined ? 0 : +m[6];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return NaN;
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  return Date.UTC(year, month - 1, day, hour, minute, second) + ms - zoneOffsetMs(m[8]);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}
