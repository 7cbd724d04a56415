import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvTable } from './parse.ts';
import { dropMissingRows, interpolateMissing, sortByDate } from './repair.ts';
import { defaultSelection, validateTable, type CsvSelection } from './validate.ts';

function table(text: string): CsvTable {
  const r = parseCsv(new TextEncoder().encode(text).buffer as ArrayBuffer);
  if (!r.ok) throw new Error(r.error.key);
  return r.table;
}

const months = (n: number) => Array.from({ length: n }, (_, i) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n');
const series = (n: number, value: (i: number) => string = (i) => String(100 + i)) => csv([['month', 'sales'], ...months(n).map((m, i) => [m, value(i)])]);
const keys = (t: CsvTable, sel?: CsvSelection | null) => validateTable(t, sel).map((i) => i.key);

describe('validateTable', () => {
  it('accepts a clean series', () => {
    expect(validateTable(table(series(30)))).toEqual([]);
  });

  it('guesses the date and target columns', () => {
    expect(defaultSelection(table('id,when,v\n1,2020-01,5\n'))).toEqual({ dateColumn: 'when', features: ['id'], target: 'id' });
    expect(defaultSelection(table('a,b\nx,y\n'))).toBeNull();
  });

  it('does not take a column that only numbers the rows for the target, unless there is nothing else', () => {
    const rows = (f: (k: number) => string): string => Array.from({ length: 6 }, (_, k) => f(k)).join('\n') + '\n';
    expect(defaultSelection(table('t,value\n' + rows((k) => `${k},${(k * 7) % 5}`)))?.target).toBe('value');
    expect(defaultSelection(table('n,value\n' + rows((k) => `${k + 1},${(k * 7) % 5}`)))?.target).toBe('value');
    // Evenly spaced data that does not start at 0 or 1 is data.
    expect(defaultSelection(table('a,b\n' + rows((k) => `${10 + k},${k % 2}`)))?.target).toBe('a');
    expect(defaultSelection(table('t\n' + rows((k) => `${k}`)))?.target).toBe('t');
    // The subnormal column is still the target, so its cells are named before Train.
    const tiny = table('t,value\n' + rows((k) => `${k},${(k + 1) * 1e-320}`));
    expect(defaultSelection(tiny)?.target).toBe('value');
    expect(keys(tiny)).toContain('csv.tooSmall');
  });

  it('says how many rows the window needs', () => {
    const [issue] = validateTable(table(series(12)), undefined, { window: 10, horizon: 1, trainFraction: 0.7 });
    expect(issue).toMatchObject({ key: 'csv.tooFewRows', severity: 'error', params: { rows: 12, needed: 16, window: 10, horizon: 1, train: 70 } });
    expect(keys(table(series(16)))).toEqual([]);
  });

  it('names the row, column and value of a non-numeric cell', () => {
    const t = table(series(30, (i) => (i === 5 ? '1O5' : String(i))));
    expect(validateTable(t)[0]).toMatchObject({ key: 'csv.nonNumericCell', params: { row: 7, column: 'sales', value: '1O5', count: 1 } });
  });

  it('reports non-numbers in a text column the user picked', () => {
    const t = table('month,city,v\n2000-01,Paris,1\n2000-02,Rome,2\n');
    expect(validateTable(t, { dateColumn: 'month', features: ['city'], target: 'city' })[0]).toMatchObject({
      key: 'csv.nonNumericCell',
      params: { row: 2, column: 'city', value: 'Paris', count: 2 },
    });
  });

  it('counts missing values and offers both remedies', () => {
    const t = table(series(30, (i) => (i === 3 || i === 8 ? '' : String(i))));
    expect(validateTable(t)[0]).toMatchObject({
      key: 'csv.missingValues',
      params: { count: 2, columns: '“sales”', row: 5 },
      remedies: ['dropRows', 'interpolate'],
    });
  });

  it('names duplicated and unsorted dates', () => {
    const m = months(30);
    const dup = table(csv([['month', 'v'], ...m.map((d, i) => [i === 4 ? m[3] : d, String(i)])]));
    expect(validateTable(dup)[0]).toMatchObject({ key: 'csv.duplicateDates', params: { date: '2000-04', rows: '5, 6' } });
    const swapped = [...m];
    [swapped[10], swapped[11]] = [swapped[11], swapped[10]];
    const uns = table(csv([['month', 'v'], ...swapped.map((d, i) => [d, String(i)])]));
    expect(validateTable(uns)[0]).toMatchObject({
      key: 'csv.unsortedDates',
      params: { row: 13, date: '2000-11', previousRow: 12, previousDate: '2000-12' },
      remedies: ['sortByDate'],
    });
  });

  it('checks a numeric time column too', () => {
    const t = table('day,v\n1,5\n3,6\n2,7\n');
    expect(keys(t, { dateColumn: 'day', features: ['v'], target: 'v' })).toContain('csv.unsortedDates');
  });

  it('names a missing column of a stale selection', () => {
    expect(keys(table(series(30)), { dateColumn: null, features: ['gone'], target: 'sales' })).toEqual(['csv.columnMissing']);
  });

  it('warns about a constant column', () => {
    const issues = validateTable(table(series(30, () => '7')));
    expect(issues).toEqual([expect.objectContaining({ key: 'csv.constantColumn', severity: 'warning' })]);
  });
});

describe('repairs', () => {
  const gappy = () => table('month,a,b\n2000-01,1,10\n2000-02,,20\n2000-03,3,NA\n2000-04,,\n2000-05,9,50\n');

  it('drops the rows with missing values, keeping the file’s row numbers', () => {
    const { table: t, dropped } = dropMissingRows(gappy(), ['a', 'b']);
    expect(dropped).toBe(3);
    expect([...t.rowNumbers]).toEqual([2, 6]);
    expect([...t.columns[1].values!]).toEqual([1, 9]);
    expect(t.columns[0].raw).toEqual(['2000-01', '2000-05']);
    expect(t.columns.map((c) => c.missing)).toEqual([0, 0, 0]);
  });

  it('interpolates linearly between neighbours and fills the ends with the nearest value', () => {
    const { table: t, filled } = interpolateMissing(gappy(), ['a', 'b']);
    expect(filled).toBe(4);
    expect([...t.columns[1].values!]).toEqual([1, 2, 3, 6, 9]);
    expect([...t.columns[2].values!]).toEqual([10, 20, 30, 40, 50]);
    expect(keys(t, { dateColumn: 'month', features: ['a', 'b'], target: 'a' }).filter((k) => k === 'csv.missingValues')).toEqual([]);
    const edges = interpolateMissing(table('v\nNA\n1\n2\nNA\n'), ['v']).table;
    expect([...edges.columns[0].values!]).toEqual([1, 1, 2, 2]);
  });

  it('does not turn invalid cells into numbers', () => {
    const t = interpolateMissing(table('v\n1\nNA\nbad\n4\n5\n'), ['v']).table;
    expect(t.columns[0].invalid).toEqual([{ index: 2, value: 'bad' }]);
    expect(keys(t, { dateColumn: null, features: ['v'], target: 'v' })[0]).toBe('csv.nonNumericCell');
  });

  it('sorts rows by date, stably', () => {
    const t = sortByDate(table('month,v\n2000-03,3\n2000-01,1\n2000-02,2\n'), 'month');
    expect([...t.columns[1].values!]).toEqual([1, 2, 3]);
    expect([...t.rowNumbers]).toEqual([3, 4, 2]);
    expect(keys(t, { dateColumn: 'month', features: ['v'], target: 'v' })).not.toContain('csv.unsortedDates');
  });
});
