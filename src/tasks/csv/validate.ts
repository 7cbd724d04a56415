/**
 * Checks a parsed table against what a forecasting or classification task will take from it, and says what
 * is wrong in the user's terms: which row, which column, which value, and what can be done about it.
 */
import { chronologicalSplit, DEFAULT_SPLIT } from '../data/split.ts';
import { minRowsForSplit, type WindowSpec } from '../data/windowing.ts';
import { hiddenCharacter, isMissing, NUMBER_RANGE, outOfRange, parseNumber } from './cells.ts';
import { csvMessage, quoteValue, type CsvMessage } from './messages.ts';
import type { CsvBadCell, CsvColumn, CsvTable } from './parse.ts';
import { timesOf } from './table.ts';

export type CsvRemedy = 'dropRows' | 'interpolate' | 'sortByDate';

export interface CsvIssue extends CsvMessage {
  /** 'error' blocks training; 'warning' informs. */
  severity: 'error' | 'warning';
  /** What the UI can offer to fix it (repair.ts). */
  remedies: CsvRemedy[];
}

/** The columns a task will use. */
export interface CsvSelection {
  /** The time axis (a date or numeric column), or null for row order. */
  dateColumn: string | null;
  /** Input columns. */
  features: string[];
  /** Column to predict (a value, or class labels). */
  target: string;
}

export interface CsvRequirements {
  window: number;
  horizon: number;
  trainFraction: number;
}

export const DEFAULT_REQUIREMENTS: CsvRequirements = { window: 10, horizon: 1, trainFraction: DEFAULT_SPLIT.trainFraction };

/** At most this many rows are listed in one message. */
const MAX_LISTED = 5;

const issue = (severity: CsvIssue['severity'], m: CsvMessage, remedies: CsvRemedy[] = []): CsvIssue => ({ ...m, severity, remedies });

function listRows(rows: readonly number[]): string {
  return rows.length > MAX_LISTED ? `${rows.slice(0, MAX_LISTED).join(', ')}, …` : rows.join(', ');
}

/** A first guess the UI can start from: the first date column, and the first other numeric column as target. */
/** A numeric column that only numbers the rows (0, 1, 2, … or 1, 2, 3, …): nothing to forecast. */
function isRowIndex(c: CsvColumn): boolean {
  const v = c.values;
  if (c.type !== 'numeric' || !v || v.length < 3 || c.missing > 0 || c.invalid.length > 0) return false;
  if (v[0] !== 0 && v[0] !== 1) return false;
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0] + i) return false;
  return true;
}

export function defaultSelection(table: CsvTable): CsvSelection | null {
  const date = table.columns.find((c) => c.type === 'date') ?? null;
  const numeric = table.columns.filter((c) => c.type === 'numeric' && c !== date);
  // A leading "t" or "index" column is where the rows are, not what to predict.
  const target = numeric.find((c) => !isRowIndex(c)) ?? numeric[0];
  return target ? { dateColumn: date?.name ?? null, features: [target.name], target: target.name } : null;
}

/** Cells of a column that cannot be used as numbers, by reason: the first of each kind and how many. */
interface BadNumbers {
  notNumber: { count: number; first: CsvBadCell | null };
  tooLarge: { count: number; first: CsvBadCell | null };
  tooSmall: { count: number; first: CsvBadCell | null };
}

/** Sorts the cells that are not usable numbers (a numeric column records them; a text column is scanned). */
function badNumbers(c: CsvColumn, decimalComma: boolean): BadNumbers {
  const out: BadNumbers = { notNumber: { count: 0, first: null }, tooLarge: { count: 0, first: null }, tooSmall: { count: 0, first: null } };
  const note = (cell: CsvBadCell): void => {
    const v = parseNumber(cell.value, decimalComma);
    const kind = Number.isNaN(v) ? 'notNumber' : (outOfRange(v, cell.value) ?? 'notNumber');
    if (out[kind].count++ === 0) out[kind].first = cell;
  };
  if (c.type === 'numeric') c.invalid.forEach(note);
  else {
    for (const [index, value] of (c.raw ?? []).entries()) {
      if (isMissing(value)) continue;
      const v = parseNumber(value, decimalComma);
      if (Number.isNaN(v) || outOfRange(v, value) !== null) note({ index, value });
    }
  }
  return out;
}

/** "Row 7, column “v”: … is not a number", or the invisible character that makes it so. */
function cellIssue(table: CsvTable, c: CsvColumn, key: 'csv.nonNumericCell' | 'csv.invalidDate', bad: CsvBadCell, count: number): CsvIssue {
  const row = table.rowNumbers[bad.index];
  const hidden = hiddenCharacter(bad.value);
  if (hidden) return issue('error', csvMessage('csv.hiddenCharacter', { row, column: c.name, value: quoteValue(bad.value), code: hidden }));
  return issue('error', csvMessage(key, { row, column: c.name, value: quoteValue(bad.value), count }));
}

/** The longest text a link keeps for a column name (the target) and for the list of extra inputs. */
const LINK_TEXT_LIMIT = 200;

/** Names a link could not carry: the page must not train on what its own link cannot reproduce. */
function checkLinkable(selection: CsvSelection, out: CsvIssue[]): void {
  if (selection.target.length > LINK_TEXT_LIMIT) {
    out.push(issue('error', csvMessage('csv.nameTooLong', { column: quoteValue(selection.target), length: selection.target.length, limit: LINK_TEXT_LIMIT })));
  }
  const extra = selection.features.filter((f) => f !== selection.target).join(',');
  if (extra.length > LINK_TEXT_LIMIT) {
    out.push(issue('error', csvMessage('csv.inputNamesTooLong', { length: extra.length, limit: LINK_TEXT_LIMIT })));
  }
}

/** Invalid, duplicated and out-of-order dates; rows without a date are skipped. */
function checkDates(table: CsvTable, c: CsvColumn, out: CsvIssue[]): void {
  const row = (i: number) => table.rowNumbers[i];
  const label = (i: number) => c.raw?.[i] ?? String(c.values?.[i]);
  const { times: v, invalid } = timesOf(c);
  if (invalid.length > 0) {
    out.push(cellIssue(table, c, 'csv.invalidDate', invalid[0], invalid.length));
    return;
  }
  // Duplicates: group equal times (only the first repeated date is named, with all its rows).
  const firstAt = new Map<number, number>();
  let dup: number[] | null = null;
  for (let i = 0; i < v.length && !dup; i++) {
    if (Number.isNaN(v[i])) continue;
    const prev = firstAt.get(v[i]);
    if (prev === undefined) firstAt.set(v[i], i);
    else dup = [prev, i];
  }
  if (dup) {
    const rows: number[] = [];
    for (let i = dup[0]; i < v.length; i++) if (v[i] === v[dup[0]]) rows.push(row(i));
    out.push(issue('error', csvMessage('csv.duplicateDates', { date: label(dup[0]), rows: listRows(rows) })));
  }
  let last = -1;
  for (let i = 0; i < v.length; i++) {
    if (Number.isNaN(v[i])) continue;
    if (last >= 0 && v[i] < v[last]) {
      out.push(issue('error', csvMessage('csv.unsortedDates', { row: row(i), date: label(i), previousRow: row(last), previousDate: label(last) }), ['sortByDate']));
      return;
    }
    last = i;
  }
}

/**
 * Everything wrong with `table` for `selection` (default: defaultSelection), errors first. An empty list
 * means a task can be built from it.
 */
export function validateTable(table: CsvTable, selection: CsvSelection | null = defaultSelection(table), req: CsvRequirements = DEFAULT_REQUIREMENTS): CsvIssue[] {
  const out: CsvIssue[] = table.warnings.map((w) => issue('warning', w));
  if (table.rowCount === 0) return [issue('error', csvMessage('csv.headerOnly')), ...out];
  if (!table.columns.some((c) => c.type === 'numeric')) return [issue('error', csvMessage('csv.noNumericColumns')), ...out];
  if (!selection) return [issue('error', csvMessage('csv.noNumericColumns')), ...out];

  const names = [...new Set([...selection.features, selection.target])];
  const wanted = selection.dateColumn === null ? names : [...names, selection.dateColumn];
  const errors: CsvIssue[] = [];
  for (const name of wanted) {
    if (!table.columns.some((c) => c.name === name)) errors.push(issue('error', csvMessage('csv.columnMissing', { column: name })));
  }
  if (errors.length > 0) return [...errors, ...out];
  const byName = (name: string) => table.columns.find((c) => c.name === name)!;
  const used = names.map(byName);

  for (const c of used) {
    const bad = badNumbers(c, table.delimiter !== ',');
    if (bad.notNumber.first) errors.push(cellIssue(table, c, 'csv.nonNumericCell', bad.notNumber.first, bad.notNumber.count));
    for (const kind of ['tooLarge', 'tooSmall'] as const) {
      const { first, count } = bad[kind];
      if (!first) continue;
      const limit = kind === 'tooLarge' ? NUMBER_RANGE.max : NUMBER_RANGE.min;
      errors.push(issue('error', csvMessage(kind === 'tooLarge' ? 'csv.tooLarge' : 'csv.tooSmall', { row: table.rowNumbers[first.index], column: c.name, value: quoteValue(first.value), count, limit: String(limit).replace('e+', 'e') })));
    }
  }
  checkLinkable(selection, errors);
  const withGaps = used.filter((c) => c.missing > 0);
  if (withGaps.length > 0) {
    const count = withGaps.reduce((a, c) => a + c.missing, 0);
    const first = Math.min(...withGaps.map((c) => c.firstMissing));
    const columns = withGaps.map((c) => `“${c.name}”`).join(', ');
    errors.push(issue('error', csvMessage('csv.missingValues', { count, columns, row: table.rowNumbers[first] }), ['dropRows', 'interpolate']));
  }
  if (selection.dateColumn !== null) checkDates(table, byName(selection.dateColumn), errors);

  const spec: WindowSpec = { window: req.window, horizon: req.horizon, stride: 1 };
  const needed = minRowsForSplit(spec, (rows) => chronologicalSplit(rows, { trainFraction: req.trainFraction }));
  if (table.rowCount < needed) {
    const params = { rows: table.rowCount, needed, window: req.window, horizon: req.horizon, train: Math.round(req.trainFraction * 100) };
    errors.push(issue('error', csvMessage('csv.tooFewRows', params)));
  }
  for (const c of used) {
    if (c.type === 'numeric' && c.values && c.invalid.length === 0 && c.missing === 0 && c.values.every((x) => x === c.values![0])) {
      out.push(issue('warning', csvMessage('csv.constantColumn', { column: c.name })));
    }
  }
  return [...errors, ...out];
}
