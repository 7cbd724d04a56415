import { describe, expect, it } from 'vitest';
import { parseDate } from './cells.ts';
import { parseCsv, type CsvParseOptions, type CsvProgress, type CsvTable } from './parse.ts';

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

function table(text: string | ArrayBuffer, options?: CsvParseOptions): CsvTable {
  const r = parseCsv(typeof text === 'string' ? bytes(text) : text, options);
  if (!r.ok) throw new Error(`unexpected ${r.error.key} ${JSON.stringify(r.error.params)}`);
  return r.table;
}

const column = (t: CsvTable, name: string) => t.columns.find((c) => c.name === name)!;

describe('RFC 4180 records', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const t = table('name,note,value\n"Smith, J","said ""hi""",1\n"two\nlines",plain,2\nlast,"",3\n');
    expect(t.rowCount).toBe(3);
    expect(column(t, 'name').raw).toEqual(['Smith, J', 'two\nlines', 'last']);
    expect(column(t, 'note').raw).toEqual(['said "hi"', 'plain', '']);
    // a record spanning two lines pushes the next one's row number
    expect([...t.rowNumbers]).toEqual([2, 3, 5]);
  });

  it('accepts CRLF, LF and lone CR line ends, with or without a final one', () => {
    for (const text of ['a,b\r\n1,2\r\n3,4\r\n', 'a,b\n1,2\n3,4', 'a,b\r1,2\r3,4\r']) {
      const t = table(text);
      expect([...column(t, 'b').values!]).toEqual([2, 4]);
      expect([...t.rowNumbers]).toEqual([2, 3]);
    }
  });

  it('skips blank lines but keeps the file’s row numbers', () => {
    const t = table('a,b\n\n1,2\n   \n3,4\n\n');
    expect(t.rowCount).toBe(2);
    expect([...t.rowNumbers]).toEqual([3, 5]);
  });

  it('reads an empty line of a one-column file as a missing value (but not trailing ones)', () => {
    const t = table('v\n1\n\n3\n\n');
    expect(t.columns[0]).toMatchObject({ missing: 1, firstMissing: 1 });
    expect([...t.rowNumbers]).toEqual([2, 3, 4]);
  });

  it('trims cells, and reads a quoted field after blanks', () => {
    const t = table('a, b\n 1 , "x, y"\n2,  z\n');
    expect(column(t, 'a').values![0]).toBe(1);
    expect(column(t, 'b').raw).toEqual(['x, y', 'z']);
  });

  it('names blank and repeated headers', () => {
    const t = table('x,,x\n1,2,3\n');
    expect(t.columns.map((c) => c.name)).toEqual(['x', 'column 2', 'x (2)']);
  });
});

describe('delimiters', () => {
  it.each([
    [';', 'a;b\n1;2\n3;4\n'],
    ['\t', 'a\tb\n1\t2\n3\t4\n'],
    ['|', 'a|b\n1|2\n3|4\n'],
    [',', 'a,b\n1,2\n3,4\n'],
  ])('detects %j', (d, text) => {
    expect(table(text).delimiter).toBe(d);
  });

  it('is not fooled by delimiters inside quotes', () => {
    const t = table('a;b\n"1,5";2\n"3,5";4\n');
    expect(t.delimiter).toBe(';');
  });

  it('reads decimal commas when the delimiter is not a comma, and says so', () => {
    const t = table('month;price\n2020-01;1,5\n2020-02;-2,25\n');
    expect([...column(t, 'price').values!]).toEqual([1.5, -2.25]);
    expect(t.warnings.map((w) => w.key)).toEqual(['csv.decimalComma']);
  });

  it('uses an explicit delimiter, and says when it splits nothing', () => {
    expect(table('a;b,c\n1;2,3\n', { delimiter: ';' }).columns.map((c) => c.name)).toEqual(['a', 'b,c']);
    const r = parseCsv(bytes('a;b\n1;2\n'), { delimiter: ',' });
    expect(r.ok ? null : r.error).toEqual({ key: 'csv.delimiterMismatch', params: { given: '“,”', suggested: '“;”' } });
  });

  it('accepts a single column of numbers (nothing to separate)', () => {
    const t = table('passengers\n112\n118\n132\n');
    expect(t.columns).toHaveLength(1);
    expect([...t.columns[0].values!]).toEqual([112, 118, 132]);
  });
});

describe('encodings', () => {
  it('drops a UTF-8 byte-order mark', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new Uint8Array(bytes('日期,值\n2020-01,1\n'))]);
    const t = table(withBom.buffer);
    expect(t.columns[0].name).toBe('日期');
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const text = 'a,b\n1,2\n';
    const u16 = new Uint8Array(2 + text.length * 2);
    u16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) u16[2 + 2 * i] = text.charCodeAt(i);
    const t = table(u16.buffer);
    expect(t.encoding).toBe('utf-16le');
    expect(column(t, 'b').values![0]).toBe(2);
  });

  it('recognises UTF-16 without a byte-order mark and reads it when asked', () => {
    const text = 'a,b\n1,2\n';
    const u16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) u16[2 * i] = text.charCodeAt(i);
    const r = parseCsv(u16.buffer);
    expect(r.ok ? null : r.suggestedEncoding).toBe('utf-16le');
    expect(column(table(u16.buffer, { encoding: 'utf-16le' }), 'b').values![0]).toBe(2);
  });

  it('suggests GBK for a Chinese legacy file, which then reads correctly', () => {
    // "日期,销量\n2020-01,5\n" in GBK
    const gbk = new Uint8Array([0xc8, 0xd5, 0xc6, 0xda, 0x2c, 0xcf, 0xfa, 0xc1, 0xbf, 0x0a, ...new Uint8Array(bytes('2020-01,5\n'))]);
    const r = parseCsv(gbk.buffer);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({ key: 'csv.encoding', params: { row: 1, encoding: 'GBK' } });
    expect(r.suggestedEncoding).toBe('gbk');
    expect(table(gbk.buffer, { encoding: 'gbk' }).columns.map((c) => c.name)).toEqual(['日期', '销量']);
  });
});

describe('column types', () => {
  it('infers numeric, date, text and empty columns and counts missing cells', () => {
    const t = table('when,x,label,blank\n2020-01-01,1.5,a,\n2020-01-02,NA,b,\n2020-01-03,-2e3,c,NA\n');
    expect(t.columns.map((c) => c.type)).toEqual(['date', 'numeric', 'text', 'empty']);
    const x = column(t, 'x');
    expect(x).toMatchObject({ missing: 1, firstMissing: 1, invalid: [] });
    expect(x.values![2]).toBe(-2000);
    expect(column(t, 'when').values![1] - column(t, 'when').values![0]).toBe(86_400_000);
  });

  it('treats a column of years as numbers', () => {
    expect(table('year,v\n1949,1\n1950,2\n').columns[0].type).toBe('numeric');
  });

  it('keeps mostly-numeric columns numeric and records the odd cells', () => {
    const c = column(table('v\n1\n2\nthree\n4\n'), 'v');
    expect(c.type).toBe('numeric');
    expect(c.invalid).toEqual([{ index: 2, value: 'three' }]);
  });

  it('reads ISO-like dates, times and zones, and rejects impossible days', () => {
    expect(parseDate('1949-01')).toBe(Date.UTC(1949, 0, 1));
    expect(parseDate('2015-02-04T17:51:59')).toBe(Date.UTC(2015, 1, 4, 17, 51, 59));
    expect(parseDate('2015/2/4 17:51')).toBe(Date.UTC(2015, 1, 4, 17, 51));
    expect(parseDate('2015-02-04T17:51:00+01:00')).toBe(Date.UTC(2015, 1, 4, 16, 51));
    expect(parseDate('2021-02-30')).toBeNaN();
    expect(parseDate('04/02/2015')).toBeNaN();
  });

  it('reads a first row of numbers as data, not as a header', () => {
    const t = table('1,2\n3,4\n');
    expect(t.hasHeader).toBe(false);
    expect(t.columns.map((c) => c.name)).toEqual(['column 1', 'column 2']);
    expect([...t.rowNumbers]).toEqual([1, 2]);
    expect(t.warnings.map((w) => w.key)).toEqual(['csv.noHeader']);
  });

  it('keeps a preview of the header and the first rows as written', () => {
    const t = table('a,b\n1,x\n2,y\n3,z\n', { previewRows: 2 });
    expect(t.preview).toEqual([['a', 'b'], ['1', 'x'], ['2', 'y']]);
  });
});

describe('a large file', () => {
  it('parses 100,000 rows with progress every 5,000 rows', () => {
    const lines = ['date,temperature,humidity,light,co2,label'];
    const start = Date.UTC(2020, 0, 1);
    for (let i = 0; i < 100_000; i++) {
      const d = new Date(start + i * 60_000).toISOString().slice(0, 19);
      lines.push(`${d},${(20 + Math.sin(i / 100)).toFixed(4)},${(30 + (i % 17) / 3).toFixed(3)},${i % 500},${(400 + (i % 91)).toFixed(2)},${i % 2}`);
    }
    const buffer = bytes(lines.join('\n'));
    const progress: CsvProgress[] = [];
    const t0 = performance.now();
    const t = table(buffer, { onProgress: (p) => progress.push(p) });
    const ms = performance.now() - t0;
    console.log(`parsed 100,000 rows (${(buffer.byteLength / 1e6).toFixed(1)} MB) in ${ms.toFixed(0)} ms`);
    expect(t.rowCount).toBe(100_000);
    expect(t.columns.map((c) => c.type)).toEqual(['date', 'numeric', 'numeric', 'numeric', 'numeric', 'numeric']);
    expect(column(t, 'light').values![99_999]).toBe(99_999 % 500);
    expect(t.rowNumbers[99_999]).toBe(100_001);
    expect(progress.map((p) => p.rows)).toEqual([...Array.from({ length: 20 }, (_, k) => (k + 1) * 5000), 100_000]);
    expect(progress.at(-1)!.fraction).toBe(1);
    expect(progress.every((p, k) => k === 0 || p.fraction >= progress[k - 1].fraction)).toBe(true);
  });
});
