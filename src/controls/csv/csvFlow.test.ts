import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_CONFIG } from '../../contracts/runConfig.ts';
import { parseCsv, type CsvParseOptions, type CsvParseResult } from '../../tasks/csv/parse.ts';
import { DEFAULT_REQUIREMENTS } from '../../tasks/csv/validate.ts';
import {
  canTrain, csvFlowReducer, csvRequirements, csvRunConfig, IDLE, normaliseSelection, previewRows, type CsvFlow, type CsvFlowEvent,
} from './csvFlow.ts';

const fixtures = new URL('../../../tests/fixtures/csv/', import.meta.url);

function parseFixture(name: string, options: CsvParseOptions = {}): CsvParseResult {
  const b = readFileSync(new URL(name, fixtures));
  return parseCsv(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength), options);
}

function parseText(text: string): CsvParseResult {
  return parseCsv(new TextEncoder().encode(text).buffer as ArrayBuffer);
}

const run = (events: CsvFlowEvent[], from: CsvFlow = IDLE): CsvFlow => events.reduce((s, e) => csvFlowReducer(s, e, DEFAULT_REQUIREMENTS), from);

/** Read a file through the flow: start, then its parse result. */
const read = (name: string, result: CsvParseResult): CsvFlow => run([{ type: 'read', fileName: name, bytes: 1 }, { type: 'parsed', result }]);

const errors = (s: CsvFlow) => (s.phase === 'loaded' ? s.issues.filter((i) => i.severity === 'error').map((i) => i.key) : []);

const GOOD = `date,sales,price\n${Array.from({ length: 40 }, (_, k) => `${2000 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')},${100 + k},${(2 + k / 10).toFixed(1)}`).join('\n')}\n`;

describe('reading a file', () => {
  it('goes back to the empty dialog when reading is cancelled (and ignores a late cancel)', () => {
    expect(run([{ type: 'read', fileName: 'big.csv', bytes: 3e8 }, { type: 'cancelled' }])).toEqual(IDLE);
    const loaded = read('a.csv', parseText(GOOD));
    expect(csvFlowReducer(loaded, { type: 'cancelled' }, DEFAULT_REQUIREMENTS)).toBe(loaded);
  });

  it('shows progress while reading, then the table with a first guess at the columns', () => {
    const reading = run([{ type: 'read', fileName: 'a.csv', bytes: 100 }, { type: 'progress', progress: { rows: 5000, fraction: 0.4 } }]);
    expect(reading).toEqual({ phase: 'reading', fileName: 'a.csv', bytes: 100, rows: 5000, fraction: 0.4 });
    const s = csvFlowReducer(reading, { type: 'parsed', result: parseText(GOOD) }, DEFAULT_REQUIREMENTS);
    expect(s.phase).toBe('loaded');
    if (s.phase !== 'loaded') return;
    expect(s.selection).toEqual({ dateColumn: 'date', features: ['sales'], target: 'sales' });
    expect(s.issues).toEqual([]);
    expect(canTrain(s)).toBe(true);
  });

  it('refuses an unreadable file with its message, and offers the encoding it looks like', () => {
    const s = read('gbk.csv', parseFixture('gbk_encoded.csv'));
    expect(s).toMatchObject({ phase: 'failed', fileName: 'gbk.csv', error: { key: 'csv.encoding', params: { row: 1, encoding: 'GBK' } }, suggestedEncoding: 'gbk' });
    expect(canTrain(s)).toBe(false);
    // The user's answer: read it again as GBK.
    const again = read('gbk.csv', parseFixture('gbk_encoded.csv', { encoding: 'gbk' }));
    expect(again.phase).toBe('loaded');
  });

  it('offers to choose the separator when it is ambiguous or missing, not for other failures', () => {
    expect(read('a.csv', parseFixture('ambiguous_delimiter.csv'))).toMatchObject({ phase: 'failed', canChooseDelimiter: true });
    expect(read('a.csv', parseFixture('wrong_delimiter_spaces.csv'))).toMatchObject({ phase: 'failed', canChooseDelimiter: true });
    expect(read('a.csv', parseFixture('unterminated_quote.csv'))).toMatchObject({ phase: 'failed', canChooseDelimiter: false });
    expect(read('a.csv', parseFixture('ambiguous_delimiter.csv', { delimiter: ';' })).phase).toBe('loaded');
  });

  it('says when the parser itself failed', () => {
    const s = run([{ type: 'read', fileName: 'a.csv', bytes: 100 }, { type: 'crashed', message: 'worker did not start' }]);
    expect(s).toMatchObject({ phase: 'failed', error: { key: 'csvUi.crashed', params: { message: 'worker did not start' } } });
  });

  it('ignores progress and results that arrive when no file is being read', () => {
    const loaded = read('a.csv', parseText(GOOD));
    expect(csvFlowReducer(loaded, { type: 'progress', progress: { rows: 1, fraction: 0.1 } }, DEFAULT_REQUIREMENTS)).toBe(loaded);
    expect(csvFlowReducer(loaded, { type: 'parsed', result: parseFixture('empty.csv') }, DEFAULT_REQUIREMENTS)).toBe(loaded);
    expect(csvFlowReducer(loaded, { type: 'clear' }, DEFAULT_REQUIREMENTS)).toBe(IDLE);
  });
});

describe('columns and remedies', () => {
  it('keeps the target an input and never the date column', () => {
    expect(normaliseSelection({ dateColumn: 'a', features: ['b', 'c'], target: 'a' })).toEqual({ dateColumn: null, features: ['a', 'b', 'c'], target: 'a' });
    expect(normaliseSelection({ dateColumn: 'd', features: ['d', 'x'], target: 'y' })).toEqual({ dateColumn: 'd', features: ['y', 'x'], target: 'y' });
  });

  it('validates again when the columns change', () => {
    const s = read('a.csv', parseText(GOOD));
    const both = run([{ type: 'select', patch: { features: ['sales', 'price'] } }], s);
    expect(both).toMatchObject({ selection: { features: ['sales', 'price'], target: 'sales' }, issues: [] });
    const missing = run([{ type: 'select', patch: { target: 'nope' } }], s);
    expect(errors(missing)).toEqual(['csv.columnMissing']);
  });

  it('fills missing values by interpolation, or drops their rows, and says what it did', () => {
    const s = read('m.csv', parseFixture('missing_values.csv'));
    expect(errors(s)).toEqual(['csv.missingValues']);
    const filled = run([{ type: 'remedy', remedy: 'interpolate' }], s);
    expect(errors(filled)).toEqual([]);
    expect(filled).toMatchObject({ notes: [{ key: 'csvUi.note.interpolated', params: { count: 3 } }] });
    const dropped = run([{ type: 'remedy', remedy: 'dropRows' }], s);
    expect(errors(dropped)).toEqual([]);
    if (dropped.phase !== 'loaded' || s.phase !== 'loaded') throw new Error('loaded');
    expect(dropped.table.rowCount).toBe(s.table.rowCount - 3);
    expect(dropped.notes).toEqual([{ key: 'csvUi.note.dropped', params: { count: 3 } }]);
  });

  it('sorts rows by date, and only with a date column', () => {
    const s = read('u.csv', parseFixture('unsorted_dates.csv'));
    expect(errors(s)).toEqual(['csv.unsortedDates']);
    const sorted = run([{ type: 'remedy', remedy: 'sortByDate' }], s);
    expect(errors(sorted)).toEqual([]);
    const noDate = run([{ type: 'select', patch: { dateColumn: null } }], s);
    expect(run([{ type: 'remedy', remedy: 'sortByDate' }], noDate)).toBe(noDate);
  });

  it('checks the row count against the window the run would use', () => {
    const s = read('few.csv', parseFixture('too_few_rows.csv'));
    expect(errors(s)).toEqual(['csv.tooFewRows']);
    const shortWindow = csvFlowReducer(s, { type: 'requirements' }, { ...DEFAULT_REQUIREMENTS, window: 2 });
    expect(errors(shortWindow)).toEqual([]);
  });
});

describe('training on it', () => {
  it('switches to the csv task with forecast defaults and lists the other inputs', () => {
    const config = csvRunConfig({ ...DEFAULT_RUN_CONFIG, task: 'sine', seqLen: 40 }, { dateColumn: 'date', features: ['sales', 'price'], target: 'sales' });
    expect(config).toMatchObject({ task: 'csv', seqLen: 10, target: 'sales', features: 'price' });
    expect(csvRequirements({ ...DEFAULT_RUN_CONFIG, task: 'sine', seqLen: 40 }).window).toBe(10);
    // Already on a CSV run: its window stays.
    expect(csvRequirements({ ...DEFAULT_RUN_CONFIG, task: 'csv', seqLen: 24 }).window).toBe(24);
  });

  it('previews the (repaired) rows as text, unreadable cells as written', () => {
    const s = read('n.csv', parseFixture('non_numeric_cell.csv'));
    if (s.phase !== 'loaded') throw new Error('loaded');
    const rows = previewRows(s.table, 20);
    expect(rows[0]).toEqual(s.table.columns.map((c) => c.name));
    expect(rows).toHaveLength(21);
    const bad = s.table.columns.find((c) => c.name === 'sales')!.invalid[0];
    expect(previewRows(s.table, bad.index + 1)[bad.index + 1]).toContain('12O');
  });
});
