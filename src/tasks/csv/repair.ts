/**
 * The fixes the validator offers (CsvIssue.remedies), as pure functions returning a new table: drop the rows
 * with missing values, fill them by linear interpolation, or sort the rows by date.
 */
import { isMissing } from './cells.ts';
import type { CsvBadCell, CsvColumn, CsvTable } from './parse.ts';
import { findColumn, timesOf } from './table.ts';

/** Which cells of a column are missing (empty or NA), as opposed to invalid. */
function missingMask(c: CsvColumn, rows: number): Uint8Array {
  const mask = new Uint8Array(rows);
  if (c.raw) {
    for (let r = 0; r < rows; r++) mask[r] = isMissing(c.raw[r]) ? 1 : 0;
    return mask;
  }
  const invalid = new Set(c.invalid.map((b) => b.index));
  for (let r = 0; r < rows; r++) mask[r] = Number.isNaN(c.values![r]) && !invalid.has(r) ? 1 : 0;
  return mask;
}

function withMissing(c: CsvColumn, mask: Uint8Array): CsvColumn {
  return { ...c, missing: mask.reduce((a, b) => a + b, 0), firstMissing: mask.indexOf(1) };
}

/** The table reduced to the rows `keep` (data-row indices, in the order given). */
function selectRows(table: CsvTable, keep: Int32Array): CsvTable {
  const newIndex = new Int32Array(table.rowCount).fill(-1);
  keep.forEach((old, i) => (newIndex[old] = i));
  const columns = table.columns.map((c) => {
    const mask = missingMask(c, table.rowCount);
    const invalid: CsvBadCell[] = c.invalid
      .filter((b) => newIndex[b.index] >= 0)
      .map((b) => ({ index: newIndex[b.index], value: b.value }))
      .sort((a, b) => a.index - b.index);
    const moved: CsvColumn = {
      ...c,
      values: c.values ? Float64Array.from(keep, (old) => c.values![old]) : null,
      raw: c.raw ? Array.from(keep, (old) => c.raw![old]) : null,
      invalid,
    };
    return withMissing(moved, Uint8Array.from(keep, (old) => mask[old]));
  });
  return { ...table, columns, rowCount: keep.length, rowNumbers: Int32Array.from(keep, (old) => table.rowNumbers[old]) };
}

/** Drops every row where one of `columns` is missing. */
export function dropMissingRows(table: CsvTable, columns: readonly string[]): { table: CsvTable; dropped: number } {
  const masks = columns.map((name) => missingMask(findColumn(table, name), table.rowCount));
  const keep: number[] = [];
  for (let r = 0; r < table.rowCount; r++) if (!masks.some((m) => m[r])) keep.push(r);
  return { table: selectRows(table, Int32Array.from(keep)), dropped: table.rowCount - keep.length };
}

/**
 * Fills the missing cells of numeric `columns` on the straight line between the nearest values above and
 * below (by row, not by date); gaps at either end take the nearest value. Invalid cells stay invalid.
 */
export function interpolateMissing(table: CsvTable, columns: readonly string[]): { table: CsvTable; filled: number } {
  let filled = 0;
  const names = new Set(columns);
  const out = table.columns.map((c) => {
    if (!names.has(c.name) || c.type !== 'numeric' || !c.values || c.missing === 0) return c;
    const v = Float64Array.from(c.values);
    const mask = missingMask(c, table.rowCount);
    const known: number[] = [];
    for (let r = 0; r < v.length; r++) if (Number.isFinite(v[r])) known.push(r);
    if (known.length === 0) return c;
    let k = 0;
    for (let r = 0; r < v.length; r++) {
      if (!mask[r]) continue;
      while (k < known.length && known[k] < r) k++;
      const after = known[k];
      const before = known[k - 1];
      if (before === undefined) v[r] = v[after];
      else if (after === undefined) v[r] = v[before];
      else v[r] = v[before] + ((v[after] - v[before]) * (r - before)) / (after - before);
      filled++;
    }
    return withMissing({ ...c, values: v }, new Uint8Array(v.length));
  });
  return { table: { ...table, columns: out }, filled };
}

/** Rows in date order (stable: equal dates keep their order; rows without a date go last). */
export function sortByDate(table: CsvTable, dateColumn: string): CsvTable {
  const { times } = timesOf(findColumn(table, dateColumn));
  const key = (r: number) => (Number.isNaN(times[r]) ? Infinity : times[r]);
  const order = Array.from({ length: table.rowCount }, (_, r) => r).sort((a, b) => key(a) - key(b) || a - b);
  return selectRows(table, Int32Array.from(order));
}
