/**
 * CSV file → typed table, as one pure function over the file's bytes so it can run in a worker
 * (csvParse.worker.ts). Failures that make the file unreadable as a table come back as a CsvMessage; problems
 * with the values themselves are recorded per column for validate.ts to report.
 */
import { isDecimalComma, isMissing, outOfRange, parseDate, parseNumber } from './cells.ts';
import { decodeCsvBytes, type CsvEncoding } from './decode.ts';
import { csvMessage, type CsvMessage } from './messages.ts';
import { DELIMITERS, delimiterLabel, detectDelimiter, firstLongLine, isBlankRecord, MAX_COLUMNS, MAX_LINE_CHARS, scanRecords, widestSplit, type CsvDelimiter } from './records.ts';

export type ColumnType = 'numeric' | 'date' | 'text' | 'empty';

/** A cell that does not fit its column's type; `index` is the data-row index (see CsvTable.rowNumbers). */
export interface CsvBadCell {
  index: number;
  value: string;
}

export interface CsvColumn {
  name: string;
  type: ColumnType;
  /** numeric: the numbers; date: ms since 1970 (UTC). NaN = missing or invalid. null for text/empty. */
  values: Float64Array | null;
  /** The cells as written (trimmed), kept for date, text and empty columns (axis labels); null for numeric. */
  raw: string[] | null;
  /** Empty or NA-like cells. */
  missing: number;
  /** Data-row index of the first missing cell, −1 if none. */
  firstMissing: number;
  /** Cells of a numeric or date column that are neither of that type nor missing. */
  invalid: CsvBadCell[];
  /** Some numbers were written with a decimal comma. */
  decimalComma: boolean;
}

export interface CsvTable {
  columns: CsvColumn[];
  rowCount: number;
  /** The file line (1-based, header = 1) where each data row starts: what messages call "row". */
  rowNumbers: Int32Array;
  delimiter: CsvDelimiter;
  encoding: CsvEncoding;
  hasHeader: boolean;
  /** Header (or generated names) and the first rows, as written. */
  preview: string[][];
  /** Non-fatal notes for the user. */
  warnings: CsvMessage[];
}

export type CsvParseResult =
  | { ok: true; table: CsvTable }
  /** `suggestedEncoding` is set for an encoding error: parse again with it to read the file anyway. */
  | { ok: false; error: CsvMessage; suggestedEncoding: CsvEncoding | null };

export interface CsvProgress {
  rows: number;
  /** Share of the text read, 0–1. */
  fraction: number;
}

export interface CsvParseOptions {
  /** 'auto' (default) detects , ; Tab or |. */
  delimiter?: CsvDelimiter | 'auto';
  encoding?: CsvEncoding;
  previewRows?: number;
  /** onProgress is called every `progressEvery` data rows (default 5,000) and once at the end. */
  progressEvery?: number;
  onProgress?: (p: CsvProgress) => void;
}

function fail(error: CsvMessage, suggestedEncoding: CsvEncoding | null = null): CsvParseResult {
  return { ok: false, error, suggestedEncoding };
}

/** Header names made usable: trimmed, blanks named by position, repeats numbered. */
function columnNames(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((h, k) => {
    const base = h.trim() || `column ${k + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** Numbers win over dates (a column of years is numeric); a type held by most cells wins over text. */
function typeColumn(name: string, cells: string[], allowDecimalComma: boolean): CsvColumn {
  const n = cells.length;
  const numbers = new Float64Array(n);
  let missing = 0;
  let firstMissing = -1;
  let numeric = 0;
  let unusable = 0;
  let commas = false;
  for (let r = 0; r < n; r++) {
    const cell = cells[r];
    if (isMissing(cell)) {
      numbers[r] = NaN;
      if (missing++ === 0) firstMissing = r;
      continue;
    }
    const v = parseNumber(cell, allowDecimalComma);
    // A number out of range still makes the column numeric, but is kept as an invalid cell (NaN) for the validator to name.
    numbers[r] = v === v && outOfRange(v, cell) !== null ? NaN : v;
    if (v === v) {
      numeric++;
      if (numbers[r] !== numbers[r]) unusable++;
      if (allowDecimalComma && !commas && isDecimalComma(cell)) commas = true;
    }
  }
  const present = n - missing;
  const base = { name, missing, firstMissing, decimalComma: false };
  if (present === 0) return { ...base, type: 'empty', values: null, raw: cells, invalid: [] };
  const badOf = (values: Float64Array): CsvBadCell[] => {
    const bad: CsvBadCell[] = [];
    for (let r = 0; r < n; r++) if (values[r] !== values[r] && !isMissing(cells[r])) bad.push({ index: r, value: cells[r] });
    return bad;
  };
  if (numeric * 2 > present) return { ...base, type: 'numeric', values: numbers, raw: null, invalid: numeric === present && unusable === 0 ? [] : badOf(numbers), decimalComma: commas };
  const dates = new Float64Array(n);
  let dated = 0;
  for (let r = 0; r < n; r++) {
    dates[r] = isMissing(cells[r]) ? NaN : parseDate(cells[r]);
    if (dates[r] === dates[r]) dated++;
  }
  if (dated * 2 > present) return { ...base, type: 'date', values: dates, raw: cells, invalid: dated === present ? [] : badOf(dates) };
  return { ...base, type: 'text', values: null, raw: cells, invalid: [] };
}

function chooseDelimiter(text: string, requested: CsvDelimiter | 'auto'): { delimiter: CsvDelimiter; singleColumn: boolean } | CsvMessage {
  const detected = detectDelimiter(text);
  if (requested !== 'auto') {
    // A delimiter the user chose that splits nothing, while another one would: say which.
    const splits = scanFirstRecordWidth(text, requested) > 1;
    if (!splits && detected.kind === 'found') {
      return csvMessage('csv.delimiterMismatch', { given: delimiterLabel(requested), suggested: delimiterLabel(detected.delimiter) });
    }
    return { delimiter: requested, singleColumn: !splits };
  }
  if (detected.kind === 'ambiguous') return csvMessage('csv.delimiterAmbiguous', { candidates: detected.candidates.map(delimiterLabel).join(', ') });
  if (detected.kind === 'none') return { delimiter: DELIMITERS[0], singleColumn: true };
  return { delimiter: detected.delimiter, singleColumn: false };
}

function scanFirstRecordWidth(text: string, delimiter: CsvDelimiter): number {
  let width = 0;
  scanRecords(text, delimiter, (fields) => {
    if (isBlankRecord(fields)) return true;
    width = fields.length;
    return false;
  });
  return width;
}

/**
 * Excel's "sep=;" first line names the delimiter. It is blanked (not removed, so row numbers stay the file's)
 * and its delimiter used unless the user chose one.
 */
function withoutSepLine(text: string): { text: string; sep: CsvDelimiter | null } {
  const m = /^"?sep=(.)"?[ \t]*(?=\r|\n|$)/i.exec(text);
  const sep = m ? DELIMITERS.find((d) => d === m[1]) : undefined;
  if (!m || sep === undefined) return { text, sep: null };
  return { text: ' '.repeat(m[0].length) + text.slice(m[0].length), sep };
}

export function parseCsv(buffer: ArrayBuffer, options: CsvParseOptions = {}): CsvParseResult {
  const { previewRows = 20, progressEvery = 5000, onProgress } = options;
  const decoded = decodeCsvBytes(buffer, options.encoding);
  if (!decoded.ok) return fail(decoded.error, decoded.suggested);
  const { text, sep } = withoutSepLine(decoded.text);
  if (text.trim() === '') return fail(csvMessage('csv.empty'));
  // Limits first, before anything splits the text into fields: a 50 MB line or 100,000 columns would take
  // gigabytes of small strings to split.
  const long = firstLongLine(text);
  if (long) return fail(csvMessage('csv.lineTooLong', { row: long.line, length: long.length, limit: MAX_LINE_CHARS }));
  const width = widestSplit(text);
  if (width > MAX_COLUMNS) return fail(csvMessage('csv.tooManyColumns', { columns: width, limit: MAX_COLUMNS }));

  const requested = options.delimiter ?? 'auto';
  const choice = chooseDelimiter(text, requested === 'auto' ? (sep ?? 'auto') : requested);
  if ('key' in choice) return fail(choice);
  const { delimiter, singleColumn } = choice;

  // `as`: assigned in the callback, so the type must not narrow to null here.
  let header = null as string[] | null;
  let headerLine = 1;
  let cells: string[][] = [];
  const lines: number[] = [];
  let ragged = null as CsvMessage | null;
  // In a one-column file an empty line is an empty cell; it counts once a value follows (not at the end).
  const blankLines: number[] = [];
  const scan = scanRecords(text, delimiter, (fields, line, end) => {
    if (isBlankRecord(fields)) {
      if (header?.length === 1) blankLines.push(line);
      return true;
    }
    for (const blank of blankLines) {
      cells[0].push('');
      lines.push(blank);
    }
    blankLines.length = 0;
    if (header === null) {
      header = fields;
      headerLine = line;
      cells = fields.map(() => []);
      return true;
    }
    if (fields.length !== header.length) {
      ragged = csvMessage('csv.raggedRow', { row: line, found: fields.length, expected: header.length });
      return false;
    }
    for (let c = 0; c < fields.length; c++) cells[c].push(fields[c].trim());
    lines.push(line);
    if (onProgress && lines.length % progressEvery === 0) onProgress({ rows: lines.length, fraction: end / text.length });
    return true;
  });
  if (!scan.ok) return fail(csvMessage('csv.unterminatedQuote', { row: scan.unterminatedQuoteLine }));
  if (ragged) return fail(ragged);
  if (header === null) return fail(csvMessage('csv.empty'));
  let names: string[] = header;
  const warnings: CsvMessage[] = [];
  if (scan.comments > 0) warnings.push(csvMessage('csv.commentsSkipped', { count: scan.comments }));
  const allowDecimalComma = delimiter !== ',';

  // A first row of numbers is data, not a header.
  const trimmedHeader = names.map((h) => h.trim());
  const hasHeader = !trimmedHeader.every((h) => !isMissing(h) && !Number.isNaN(parseNumber(h, allowDecimalComma)));
  if (!hasHeader) {
    cells.forEach((col, c) => col.unshift(trimmedHeader[c]));
    lines.unshift(headerLine);
    names = names.map((_, k) => `column ${k + 1}`);
    warnings.push(csvMessage('csv.noHeader'));
  } else names = columnNames(names);

  const columns = names.map((name, c) => typeColumn(name, cells[c], allowDecimalComma));
  if (singleColumn && columns[0].type !== 'numeric' && columns[0].type !== 'empty' && lines.length > 0) {
    // A lone column of dates is a series without its values, not a file with the wrong separator.
    return fail(csvMessage(columns[0].type === 'date' ? 'csv.onlyDates' : 'csv.delimiterNotFound'));
  }
  const commaColumns = columns.filter((c) => c.decimalComma).map((c) => `“${c.name}”`);
  if (commaColumns.length > 0) warnings.push(csvMessage('csv.decimalComma', { columns: commaColumns.join(', ') }));

  const rowCount = lines.length;
  onProgress?.({ rows: rowCount, fraction: 1 });
  const previewBody: string[][] = [];
  for (let r = 0; r < Math.min(previewRows, rowCount); r++) previewBody.push(cells.map((col) => col[r]));
  return {
    ok: true,
    table: {
      columns,
      rowCount,
      rowNumbers: Int32Array.from(lines),
      delimiter,
      encoding: decoded.encoding,
      hasHeader,
      preview: [names, ...previewBody],
      warnings,
    },
  };
}

/** Typed-array buffers of a table, for a worker's transfer list. */
export function tableBuffers(table: CsvTable): ArrayBuffer[] {
  const out = [table.rowNumbers.buffer as ArrayBuffer];
  for (const c of table.columns) if (c.values) out.push(c.values.buffer as ArrayBuffer);
  return out;
}
