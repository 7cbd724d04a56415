/**
 * The corpus of broken CSV files (tests/fixtures/csv/): each must be refused with its own, specific message —
 * by the parser when the file cannot be read as a table, else by the validator for the default selection.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CsvMessage } from '../../src/tasks/csv/messages.ts';
import { parseCsv } from '../../src/tasks/csv/parse.ts';
import { validateTable } from '../../src/tasks/csv/validate.ts';

const dir = new URL('../fixtures/csv/', import.meta.url);

/** File → the message it must produce (key, and the parameters that make it specific). */
const EXPECTED: Record<string, CsvMessage> = {
  'empty.csv': { key: 'csv.empty', params: {} },
  'whitespace_only.csv': { key: 'csv.empty', params: {} },
  'excel_workbook.csv': { key: 'csv.excelFile', params: {} },
  'gbk_encoded.csv': { key: 'csv.encoding', params: { row: 1, encoding: 'GBK' } },
  'latin1_encoded.csv': { key: 'csv.encoding', params: { row: 1, encoding: 'Latin-1 (Windows-1252)' } },
  'utf16_no_bom.csv': { key: 'csv.encoding', params: { row: 1, encoding: 'UTF-16' } },
  'unterminated_quote.csv': { key: 'csv.unterminatedQuote', params: { row: 12 } },
  'wrong_delimiter_spaces.csv': { key: 'csv.delimiterNotFound', params: {} },
  'ambiguous_delimiter.csv': { key: 'csv.delimiterAmbiguous', params: { candidates: '“,”, “;”' } },
  'ragged_row.csv': { key: 'csv.raggedRow', params: { row: 22, found: 4, expected: 3 } },
  'decimal_comma_with_comma_delimiter.csv': { key: 'csv.raggedRow', params: { row: 2, found: 3, expected: 2 } },
  'header_only.csv': { key: 'csv.headerOnly', params: {} },
  'too_few_rows.csv': { key: 'csv.tooFewRows', params: { rows: 8, needed: 16, window: 10, horizon: 1, train: 70 } },
  'no_numeric_columns.csv': { key: 'csv.noNumericColumns', params: {} },
  'non_numeric_cell.csv': { key: 'csv.nonNumericCell', params: { row: 18, column: 'sales', value: '12O', count: 1 } },
  'missing_values.csv': { key: 'csv.missingValues', params: { count: 3, columns: '“sales”', row: 6 } },
  'duplicate_dates.csv': { key: 'csv.duplicateDates', params: { date: '2000-12', rows: '13, 14' } },
  'unsorted_dates.csv': { key: 'csv.unsortedDates', params: { row: 10, date: '2000-08', previousRow: 9, previousDate: '2000-09' } },
  'invalid_date.csv': { key: 'csv.invalidDate', params: { row: 7, column: 'date', value: '2021-02-30', count: 1 } },
};

function firstMessage(file: string): CsvMessage {
  const buf = readFileSync(new URL(file, dir));
  const parsed = parseCsv(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  if (!parsed.ok) return parsed.error;
  const [first] = validateTable(parsed.table).filter((i) => i.severity === 'error');
  return first ? { key: first.key, params: first.params } : { key: 'csv.empty', params: { unexpected: 'no error at all' } };
}

describe('broken CSV corpus', () => {
  it('every fixture has an expectation, and every expectation a fixture', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file} → ${expected.key}`, () => {
      expect(firstMessage(file)).toEqual(expected);
    });
  }
});
