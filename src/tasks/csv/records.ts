/**
 * RFC 4180 records: fields separated by one delimiter, records by CRLF, LF or CR; a field in double quotes may
 * hold delimiters, line breaks and doubled quotes (""). Lenient where it costs nothing: spaces before an
 * opening quote are skipped, and characters after a closing quote are kept; "#" comment lines are skipped.
 */

export type CsvDelimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/** Called per record with its fields and the (1-based) line it starts on; return false to stop. */
export type RecordSink = (fields: string[], line: number, end: number) => boolean | void;

/** `comments`: lines skipped because they start with "#" (see isCommentAt). */
export type ScanResult = { ok: true; comments: number } | { ok: false; unterminatedQuoteLine: number };

const HASH = 35;

/**
 * A record that starts with "#" is a comment line (as pandas' comment='#' and R's comment.char read them),
 * except "#N/A", Excel's missing-value marker, which is data.
 */
function isCommentAt(text: string, i: number): boolean {
  return text.charCodeAt(i) === HASH && text.slice(i, i + 4).toUpperCase() !== '#N/A';
}

/** Index just past the line break that ends the line containing `i` (or the end of the text). */
function nextLineStart(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i++);
    if (c === LF) break;
    if (c === CR) {
      if (text.charCodeAt(i) === LF) i++;
      break;
    }
  }
  return i;
}

/** Line breaks in text[a, b): LF, CRLF and lone CR each count once. */
function countBreaks(text: string, a: number, b: number): number {
  let k = 0;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) k++;
  }
  return k;
}

export function scanRecords(text: string, delimiter: CsvDelimiter, sink: RecordSink): ScanResult {
  const D = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  let comments = 0;
  while (i < n) {
    if (isCommentAt(text, i)) {
      i = nextLineStart(text, i);
      line++;
      comments++;
      continue;
    }
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      // A quoted field, possibly after blanks ("1, "a,b"" is common in hand-written files).
      let q = i;
      while (q < n && (text.charCodeAt(q) === SPACE || (text.charCodeAt(q) === TAB && D !== TAB))) q++;
      if (text.charCodeAt(q) === QUOTE) {
        let value = '';
        let from = q + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) return { ok: false, unterminatedQuoteLine: recordLine };
          line += countBreaks(text, from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += text.slice(from, close + 1);
            from = close + 2;
          } else {
            value += text.slice(from, close);
            i = close + 1;
            break;
          }
        }
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === D || c === LF || c === CR) break;
          j++;
        }
        fields.push(j > i ? value + text.slice(i, j) : value);
        i = j;
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === D || c === LF || c === CR) break;
          j++;
        }
        fields.push(text.slice(i, j));
        i = j;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      i++;
      if (c === D) continue;
      if (c === CR && text.charCodeAt(i) === LF) i++;
      line++;
      break;
    }
    if (sink(fields, recordLine, i) === false) break;
  }
  return { ok: true, comments };
}

export function isBlankRecord(fields: readonly string[]): boolean {
  return fields.length === 1 && fields[0].trim() === '';
}

export type Detection =
  | { kind: 'found'; delimiter: CsvDelimiter }
  | { kind: 'ambiguous'; candidates: CsvDelimiter[] }
  /** Every candidate gives one field per record. */
  | { kind: 'none' };

/** Records looked at to detect the delimiter. */
const SAMPLE_RECORDS = 50;

interface FieldCounts {
  delimiter: CsvDelimiter;
  /** The most common field count and the share of sampled records that have it. */
  modal: number;
  share: number;
}

function fieldCounts(text: string, delimiter: CsvDelimiter): FieldCounts | null {
  const counts: number[] = [];
  const res = scanRecords(text, delimiter, (fields) => {
    if (!isBlankRecord(fields)) counts.push(fields.length);
    return counts.length < SAMPLE_RECORDS;
  });
  if (!res.ok || counts.length === 0) return null;
  const freq = new Map<number, number>();
  for (const k of counts) freq.set(k, (freq.get(k) ?? 0) + 1);
  let modal = counts[0];
  for (const [k, f] of freq) if (f > freq.get(modal)! || (f === freq.get(modal)! && k > modal)) modal = k;
  return { delimiter, modal, share: freq.get(modal)! / counts.length };
}

/**
 * The delimiter that splits the first records into the same number (≥ 2) of fields. Two such delimiters are
 * ambiguous; none, but an uneven split, picks the most regular one (the parser then names the ragged row).
 */
export function detectDelimiter(text: string): Detection {
  const stats = DELIMITERS.map((d) => fieldCounts(text, d)).filter((s): s is FieldCounts => s !== null && s.modal >= 2);
  const clean = stats.filter((s) => s.share === 1);
  if (clean.length === 1) return { kind: 'found', delimiter: clean[0].delimiter };
  if (clean.length > 1) return { kind: 'ambiguous', candidates: clean.map((s) => s.delimiter) };
  if (stats.length === 0) return { kind: 'none' };
  stats.sort((a, b) => b.share - a.share || b.modal - a.modal);
  return { kind: 'found', delimiter: stats[0].delimiter };
}

/** How a delimiter is named in messages. */
export function delimiterLabel(d: CsvDelimiter): string {
  return d === '\t' ? 'Tab' : `“${d}”`;
}

/** The longest line the parser reads: a file of one huge line is refused before it is split into fields. */
export const MAX_LINE_CHARS = 1_000_000;
/** The most columns the parser reads: the preview, the pickers and the task all grow with the column count. */
export const MAX_COLUMNS = 1_000;

/** The first line longer than `limit` characters (1-based line number and its length), or null. */
export function firstLongLine(text: string, limit: number = MAX_LINE_CHARS): { line: number; length: number } | null {
  let line = 1;
  let from = 0;
  for (;;) {
    const lf = text.indexOf('\n', from);
    const end = lf < 0 ? text.length : lf;
    if (end - from > limit) {
      // Old Mac files end lines with a lone CR: only pieces between CRs count then.
      let start = from;
      for (let cr = text.indexOf('\r', start); start < end; cr = text.indexOf('\r', start)) {
        const pieceEnd = cr < 0 || cr > end ? end : cr;
        if (pieceEnd - start > limit) return { line, length: pieceEnd - start };
        if (pieceEnd === end) break;
        start = pieceEnd + 1;
        if (start < end) line++;
      }
    }
    if (lf < 0) return null;
    line++;
    from = lf + 1;
  }
}

/**
 * How many columns the first non-blank, non-comment line would have with its most frequent candidate
 * delimiter (quotes ignored: only used to refuse very wide files before splitting them).
 */
export function widestSplit(text: string): number {
  let i = 0;
  for (;;) {
    const next = nextLineStart(text, i);
    const line = text.slice(i, next);
    if (next >= text.length || (line.trim() !== '' && !isCommentAt(text, i))) {
      let most = 0;
      for (const d of DELIMITERS) most = Math.max(most, line.split(d).length);
      return most;
    }
    i = next;
  }
}
