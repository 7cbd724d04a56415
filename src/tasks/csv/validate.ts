/**
 * Checks a parsed table against what a forecasting or classification task will take from it, and says what
 * is wrong in the user's terms: which row, which column, which value, and what can be done about it.
 */
import { chronologicalSplit, DEFAULT_SPLIT } from '../data/split.ts';
import { minRowsForSplit, type WindowSpec } from '../data/windowing.ts';
import { isMissing, parseNumber } from './cells.ts';
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
export function defaultSelection(table: CsvTable): CsvSelection | null {
  const date = table.columns.find((c) => c.type === 'date') ?? null;
  const target = table.columns.find((c) => c.type === 'numeric' && c !== date);
  return target ? { dateColumn: date?.name ?? null, features: [target.name], target: target.name } : null;
}

/** The first cell that is not a number (a numeric column records them; a text column is scanned). */
function badNumbers(c: CsvColumn, decimalComma: boolean): { count: number; first: CsvBadCell | null } {
  if (c.type === 'numeric') return { count: c.invalid.length, first: c.invalid[0] ?? null };
  let count = 0;
  let first: CsvBadCell | null = null;
  for (const [index, value] of (c.raw ?? []).entries()) {
    if (isMissing(value) || !Number.isNaN(parseNumber(value, decimalComma))) continue;
    if (count++ === 0) first = { index, value };
  }
  return { count, first };
}

/** Invalid, duplicated and out-of-order dates; rows without a date are skipped. */
function checkDates(table: CsvTable, c: CsvColumn, out: CsvIssue[]): void {
  const row = (i: number) => table.rowNumbers[i];
  const label = (i: number) => c.raw?.[i] ?? String(c.values?.[i]);
  const { times: v, invalid } = timesOf(c);
  if (invalid.length > 0) {
    out.push(issue('error', csvMessage('csv.invalidDate', { row: row(invalid[0].index), column: c.name, value: quoteValue(invalid[0].value), count: invalid.length })));
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
    const { count, first } = badNumbers(c, table.delimiter !== ',');
    if (first) errors.push(issue('error', csvMessage('csv.nonNumericCell', { row: table.rowNumbers[first.index], column: c.name, value: quoteValue(first.value), count })));
  }
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
