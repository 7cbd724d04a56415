/** Reading columns out of a parsed table, for the validator, the repairs and the task builders. */
import { isMissing, parseDate } from './cells.ts';
import type { CsvBadCell, CsvColumn, CsvTable } from './parse.ts';

export function findColumn(table: CsvTable, name: string): CsvColumn {
  const c = table.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column '${name}' (have: ${table.columns.map((x) => x.name).join(', ')})`);
  return c;
}

/** The values of a numeric column with no gaps; anything else is a caller bug (validate and repair first). */
export function numericValues(table: CsvTable, name: string): Float64Array {
  const c = findColumn(table, name);
  if (c.type !== 'numeric' || !c.values || c.values.some((v) => !Number.isFinite(v))) {
    throw new Error(`column '${name}' is not entirely numeric: validate and repair the table first`);
  }
  return c.values;
}

/** Time-axis labels from a date (or numeric) column, or null without one. */
export function timeLabels(table: CsvTable, dateColumn: string | null): string[] | null {
  if (dateColumn === null) return null;
  const c = findColumn(table, dateColumn);
  return c.raw ?? Array.from(c.values ?? [], String);
}

/** A time axis (ms, or the numbers themselves) from a date or numeric column; a text column is read cell by cell. */
export function timesOf(c: CsvColumn): { times: Float64Array; invalid: CsvBadCell[] } {
  if (c.values && (c.type === 'date' || c.type === 'numeric')) return { times: c.values, invalid: c.invalid };
  const raw = c.raw ?? [];
  const times = new Float64Array(raw.length);
  const invalid: CsvBadCell[] = [];
  raw.forEach((value, index) => {
    times[index] = isMissing(value) ? NaN : parseDate(value);
    if (Number.isNaN(times[index]) && !isMissing(value)) invalid.push({ index, value });
  });
  return { times, invalid };
}
