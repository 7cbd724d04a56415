/**
 * RFC 4180 records: fields separated by one delimiter, records by CRLF, LF or CR; a field in double quotes may
 * hold delimiters, line breaks and doubled quotes (""). Lenient where it costs nothing: spaces before an
 * opening quote are skipped, and characters after a closing quote are kept.
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

export type ScanResult = { ok: true } | { ok: false; unterminatedQuoteLine: number };

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
  while (i < n) {
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
  return { ok: true };
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
