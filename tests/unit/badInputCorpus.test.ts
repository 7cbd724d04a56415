/**
 * A generated corpus of bad input — CSV files, model JSON, safetensors files and links — each with the message
 * (key) it must produce: CSV message keys (src/tasks/csv/messages.ts), interop error codes
 * (src/engine/interop/errors.ts) and the UI keys of link warnings. Generated from a few good inputs by
 * systematic damage, so every kind of damage is tried at several places.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../src/i18n/i18n.ts';
import { InteropError, type InteropCode } from '../../src/engine/interop/errors.ts';
import { parsePythonJson } from '../../src/engine/interop/pyJson.ts';
import { importSafetensors, readSafetensors, writeSafetensors } from '../../src/engine/interop/safetensors.ts';
import { importStateDict } from '../../src/engine/interop/stateDict.ts';
import type { CsvMessageKey } from '../../src/tasks/csv/messages.ts';
import { parseCsv } from '../../src/tasks/csv/parse.ts';
import { MAX_COLUMNS, MAX_LINE_CHARS } from '../../src/tasks/csv/records.ts';
import { validateTable } from '../../src/tasks/csv/validate.ts';
import { parseUrl, PROPS } from '../../src/contracts/urlCodec.ts';
import { type UrlWarning } from '../../src/contracts/urlValues.ts';

interface Case<K> {
  name: string;
  expected: K;
  /** The message must also mention this (a row, a tensor, a key). */
  mentions?: string;
}

// ---------- CSV ----------

interface CsvCase extends Case<CsvMessageKey> {
  bytes: Uint8Array;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const months = (n: number): string[] => Array.from({ length: n }, (_, k) => `${2000 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);
const DELIMS = [',', ';', '\t'] as const;

/** A 40-row series (date, a, b) with `bad` in column `col` of data row `row`. */
function series(delim: string, row: number, col: 'a' | 'b', bad: string): string {
  const lines = months(40).map((m, k) => {
    const a = k === row && col === 'a' ? bad : String(10 + k);
    const b = k === row && col === 'b' ? bad : String(50 - k / 4).replace('.', delim === ',' ? '.' : ',');
    return [m, a, b].join(delim);
  });
  return [['date', 'a', 'b'].join(delim), ...lines].join('\n') + '\n';
}

function csvCases(): CsvCase[] {
  const out: CsvCase[] = [];
  const values: [string, CsvMessageKey][] = [
    ['1e309', 'csv.tooLarge'], ['-1e400', 'csv.tooLarge'], ['1e308', 'csv.tooLarge'], ['-1.7e308', 'csv.tooLarge'], ['1e31', 'csv.tooLarge'],
    ['9'.repeat(400), 'csv.tooLarge'], ['Infinity', 'csv.tooLarge'], ['-Infinity', 'csv.tooLarge'], ['inf', 'csv.tooLarge'], ['-INF', 'csv.tooLarge'],
    ['1e-320', 'csv.tooSmall'], ['-4.9e-324', 'csv.tooSmall'], ['1e-400', 'csv.tooSmall'], ['2e-31', 'csv.tooSmall'], ['0.' + '0'.repeat(40) + '1', 'csv.tooSmall'],
    ['12O', 'csv.nonNumericCell'], ['1.2.3', 'csv.nonNumericCell'], ['0x1F', 'csv.nonNumericCell'], ['ten', 'csv.nonNumericCell'], ['1e', 'csv.nonNumericCell'],
    ['\u200b5', 'csv.hiddenCharacter'], ['5\u0007', 'csv.hiddenCharacter'], ['\u00ad7', 'csv.hiddenCharacter'], ['8\u2060', 'csv.hiddenCharacter'], ['9\u0001', 'csv.hiddenCharacter'],
  ];
  for (const delim of DELIMS) {
    for (const [value, key] of values) {
      for (const row of [0, 17, 39]) {
        const col = row === 17 ? 'b' : 'a';
        out.push({ name: `${JSON.stringify(delim)} ${JSON.stringify(value.slice(0, 12))} on data row ${row}, column ${col}`, bytes: utf8(series(delim, row, col, value)), expected: key, mentions: `Row ${row + 2}` });
      }
    }
  }
  // Hidden characters in the date column name the real cause too.
  for (const ch of ['\u200b', '\u0002', '\ufeff\u200d']) {
    for (const row of [0, 20]) {
      const text = series(',', -1, 'a', '').replace(months(40)[row], `${months(40)[row]}${ch}`);
      out.push({ name: `invisible ${JSON.stringify(ch)} in a date on row ${row}`, bytes: utf8(text), expected: 'csv.hiddenCharacter', mentions: `Row ${row + 2}` });
    }
  }
  // UTF-32, with and without a BOM, both byte orders.
  for (const le of [true, false]) {
    for (const bom of [true, false]) {
      for (const text of ['a,b\n1,2\n', series(',', -1, 'a', '')]) {
        const body = (bom ? '\ufeff' : '') + text;
        const bytes = new Uint8Array(body.length * 4);
        const view = new DataView(bytes.buffer);
        [...body].forEach((c, i) => view.setUint32(i * 4, c.codePointAt(0)!, le));
        out.push({ name: `UTF-32${le ? 'LE' : 'BE'}${bom ? ' with BOM' : ''} (${text.length} chars)`, bytes, expected: 'csv.utf32' });
      }
    }
  }
  // A lone column of dates.
  for (const n of [3, 30, 300]) {
    for (const header of ['date', 'month', '']) {
      out.push({ name: `${n} dates alone${header ? ` under "${header}"` : ''}`, bytes: utf8(`${header ? `${header}\n` : ''}${months(n).join('\n')}\n`), expected: 'csv.onlyDates' });
    }
  }
  // Too many columns, and lines too long, refused before splitting.
  for (const delim of DELIMS) {
    for (const columns of [MAX_COLUMNS + 1, 5_000, 100_000]) {
      const line = Array.from({ length: columns }, (_, k) => `c${k}`).join(delim);
      out.push({ name: `${columns} columns split by ${JSON.stringify(delim)}`, bytes: utf8(`${line}\n${line}\n`), expected: 'csv.tooManyColumns', mentions: String(columns) });
    }
  }
  for (const [label, text] of [
    ['one huge line', 'x'.repeat(MAX_LINE_CHARS + 1)],
    ['a huge number', `v\n${'7'.repeat(MAX_LINE_CHARS + 5)}\n`],
    ['a huge row after good ones', `a,b\n1,2\n${'3'.repeat(MAX_LINE_CHARS)},4\n`],
    ['a huge line with CR line ends', `a,b\r1,2\r${'5'.repeat(MAX_LINE_CHARS + 1)}\r`],
  ] as const) {
    out.push({ name: label, bytes: utf8(text), expected: 'csv.lineTooLong' });
  }
  // Column names a link cannot carry.
  for (const length of [201, 500, 5_000]) {
    const name = 'n'.repeat(length);
    out.push({ name: `a target named with ${length} characters`, bytes: utf8(series(',', -1, 'a', '').replace('date,a,b', `date,${name},b`)), expected: 'csv.nameTooLong', mentions: String(length) });
  }
  // Classic breakage, at several places.
  for (const row of [2, 10, 30]) {
    const lines = series(',', -1, 'a', '').split('\n');
    lines[row] += ',extra';
    out.push({ name: `ragged row ${row + 1}`, bytes: utf8(lines.join('\n')), expected: 'csv.raggedRow', mentions: `Row ${row + 1}` });
    const quoted = series(',', -1, 'a', '').split('\n');
    quoted[row] = quoted[row].replace(',', ',"');
    out.push({ name: `unterminated quote on row ${row + 1}`, bytes: utf8(quoted.join('\n')), expected: 'csv.unterminatedQuote' });
  }
  for (const text of ['', '   \n\n', '# only a comment\n', '#a\n#b\n\n']) out.push({ name: `empty: ${JSON.stringify(text)}`, bytes: utf8(text), expected: 'csv.empty' });
  out.push({ name: 'an Excel workbook', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), expected: 'csv.excelFile' });
  return out;
}

function csvKey(bytes: Uint8Array): { key: CsvMessageKey; text: string } {
  const r = parseCsv(bytes.slice().buffer as ArrayBuffer);
  if (!r.ok) return { key: r.error.key, text: `Row ${r.error.params.row} ${JSON.stringify(r.error.params)}` };
  // The series' both value columns are inputs (so damage in either counts); other tables get the default choice.
  const names = r.table.columns.map((c) => c.name);
  const selection = names.join() === 'date,a,b' ? { dateColumn: 'date', features: ['a', 'b'], target: 'a' } : undefined;
  const first = validateTable(r.table, selection).find((i) => i.severity === 'error');
  return first ? { key: first.key, text: `Row ${first.params.row}` + JSON.stringify(first.params) } : { key: 'csv.empty', text: 'no error at all' };
}

// ---------- model JSON ----------

interface ModelCase extends Case<InteropCode> {
  text: string;
}

const GOOD_MODEL = readFileSync(new URL('../fixtures/trace/lstm.json', import.meta.url), 'utf8');
const goodDict = (): Record<string, unknown> => JSON.parse(GOOD_MODEL) as Record<string, unknown>;
const NAMES = Object.keys(goodDict());

function modelCases(): ModelCase[] {
  const out: ModelCase[] = [];
  const edit = (name: string, expected: InteropCode, change: (sd: Record<string, any>) => void, mentions?: string): void => {
    const sd = goodDict();
    change(sd);
    out.push({ name, text: JSON.stringify(sd), expected, mentions });
  };
  for (const tensor of NAMES) {
    // Python's json.dump tokens, written where a number was.
    for (const token of ['NaN', 'Infinity', '-Infinity']) {
      const sd = goodDict() as Record<string, any>;
      const first = Array.isArray(sd[tensor][0]) ? `[${sd[tensor][0][0]}` : `[${sd[tensor][0]}`;
      const text = JSON.stringify({ [tensor]: sd[tensor] }).replace(first, `[${token}`);
      out.push({ name: `${token} in ${tensor}`, text: JSON.stringify(sd).replace(JSON.stringify({ [tensor]: sd[tensor] }).slice(1, -1), text.slice(1, -1)), expected: 'tensor.nonFinite', mentions: tensor });
    }
    edit(`${tensor} missing`, 'model.missingTensor', (sd) => delete sd[tensor]);
    edit(`${tensor} with a string`, 'tensor.notNumber', (sd) => (Array.isArray(sd[tensor][0]) ? (sd[tensor][0][0] = 'x') : (sd[tensor][0] = 'x')), tensor);
    edit(`${tensor} with null`, 'tensor.notNumber', (sd) => (Array.isArray(sd[tensor][0]) ? (sd[tensor][0][0] = null) : (sd[tensor][0] = null)), tensor);
    const matrix = Array.isArray((goodDict() as Record<string, unknown[]>)[tensor][0]);
    // A matrix with a short row is ragged; a vector with an array in it holds a non-number.
    edit(`${tensor} with a stray row`, matrix ? 'tensor.ragged' : 'tensor.notNumber', (sd) => void sd[tensor].push([1]), tensor);
    // One row short: the recurrent weight is what the gate count is read from.
    // (The head's weight sets the output size, so then its bias is the tensor that disagrees.)
    edit(`${tensor} one row short`, tensor === 'lstm.weight_hh_l0' ? 'model.gateRows' : 'model.shape', (sd) => void sd[tensor].pop(), tensor === 'fc.weight' ? 'fc.bias' : tensor);
    edit(`${tensor} nested too deep`, 'tensor.tooManyDims', (sd) => (sd[tensor] = JSON.parse('['.repeat(20) + '1' + ']'.repeat(20))), tensor);
    edit(`${tensor} far too large`, 'tensor.tooLarge', (sd) => (sd[tensor] = Array.from({ length: 5000 }, () => new Array(5000))), tensor);
    out.push({ name: `${tensor} given twice`, text: GOOD_MODEL.replace(/^\{/, `{${JSON.stringify(tensor)}: [0],`), expected: 'json.duplicateKey', mentions: tensor });
    out.push({ name: `${tensor} nested 100,000 deep`, text: GOOD_MODEL.replace(/^\{/, `{"${tensor}x": ${'['.repeat(100_000)}${']'.repeat(100_000)},`), expected: 'json.tooDeep' });
  }
  edit('an unknown tensor', 'model.unknownTensor', (sd) => (sd['lstm.weight_xx_l0'] = [1]), 'weight_xx');
  edit('a bidirectional model', 'model.bidirectional', (sd) => (sd['lstm.weight_ih_l0_reverse'] = sd['lstm.weight_ih_l0']));
  edit('an LSTM with proj_size', 'model.projection', (sd) => (sd['lstm.weight_hr_l0'] = [[1]]));
  edit('bias=False', 'model.noBias', (sd) => NAMES.filter((n) => n.includes('bias_')).forEach((n) => delete sd[n]));
  edit('no recurrent tensors', 'model.noRecurrent', (sd) => NAMES.filter((n) => n.startsWith('lstm.')).forEach((n) => delete sd[n]));
  edit('five layers', 'model.tooManyLayers', (sd) => (sd['lstm.weight_ih_l4'] = sd['lstm.weight_ih_l1']));
  edit('a second recurrent module', 'model.twoModules', (sd) => (sd['gru.weight_ih_l0'] = sd['lstm.weight_ih_l0']));
  edit('5 gate blocks', 'model.gateRows', (sd) => (sd['lstm.weight_hh_l0'] = Array.from({ length: 20 }, () => [0, 0, 0, 0])));
  edit('peepholes on a GRU-shaped model', 'model.peephole', (sd) => {
    for (const n of NAMES) if (n.startsWith('lstm.')) sd[n] = (sd[n] as unknown[]).slice(0, 12);
    sd['lstm.peephole_l0'] = [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]];
  });
  for (const text of ['[1, 2]', '"model"', '42', 'null']) out.push({ name: `not an object: ${text}`, text, expected: 'model.notObject' });
  for (const text of ['', '{', '{"a": [1, 2', '{"a": [1,]}', "{'a': 1}", '{"a": nan}', '{"a": NaN1}', GOOD_MODEL.slice(0, 200)]) {
    out.push({ name: `bad JSON ${JSON.stringify(text.slice(0, 20))}`, text, expected: 'json.syntax' });
  }
  return out;
}

function modelCode(text: string): { code: InteropCode | 'none'; message: string } {
  try {
    importStateDict(parsePythonJson(text, 'model') as Record<string, unknown>);
    return { code: 'none', message: '' };
  } catch (e) {
    if (e instanceof InteropError) return { code: e.code, message: e.message };
    throw e;
  }
}

// ---------- safetensors ----------

interface SafetensorsCase extends Case<InteropCode> {
  bytes: Uint8Array;
}

function craft(header: string | object, buffer: Uint8Array, declared?: bigint): Uint8Array {
  const text = utf8(typeof header === 'string' ? header : JSON.stringify(header));
  const out = new Uint8Array(8 + text.length + buffer.length);
  new DataView(out.buffer).setBigUint64(0, declared ?? BigInt(text.length), true);
  out.set(text, 8);
  out.set(buffer, 8 + text.length);
  return out;
}

const GOOD_SAFETENSORS = new Uint8Array(readFileSync(new URL('../fixtures/trace/lstm.safetensors', import.meta.url)));

function safetensorsCases(): SafetensorsCase[] {
  const out: SafetensorsCase[] = [];
  const goodHeaderLength = Number(new DataView(GOOD_SAFETENSORS.buffer).getBigUint64(0, true));
  const goodHeader = JSON.parse(new TextDecoder().decode(GOOD_SAFETENSORS.subarray(8, 8 + goodHeaderLength))) as Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }>;
  const data = GOOD_SAFETENSORS.subarray(8 + goodHeaderLength);
  const names = Object.keys(goodHeader).filter((n) => n !== '__metadata__');
  for (const extra of [1, 3, 4, 8, 100]) {
    const bytes = new Uint8Array(GOOD_SAFETENSORS.length + extra);
    bytes.set(GOOD_SAFETENSORS);
    out.push({ name: `${extra} trailing bytes`, bytes, expected: 'safetensors.trailingBytes', mentions: `${extra} bytes` });
  }
  for (const name of names) {
    const header = structuredClone(goodHeader);
    const [b, e] = header[name].data_offsets;
    const after = (k: string): boolean => k !== '__metadata__' && k !== name && header[k].data_offsets[0] >= e;
    const gapped = Object.fromEntries(Object.entries(header).map(([k, v]) => [k, after(k) ? { ...v, data_offsets: v.data_offsets.map((o) => o + 4) } : v]));
    const bigger = new Uint8Array(data.length + 4);
    bigger.set(data.subarray(0, e));
    bigger.set(data.subarray(e), e + 4);
    const last = Math.max(...names.map((n) => header[n].data_offsets[1]));
    out.push({ name: `a gap after ${name}`, bytes: craft(gapped, bigger), expected: e === last ? 'safetensors.trailingBytes' : 'safetensors.gap' });
    out.push({ name: `${name} given twice`, bytes: craft(JSON.stringify(header).replace(/^\{/, `{${JSON.stringify(name)}: ${JSON.stringify(header[name])},`), data), expected: 'json.duplicateKey', mentions: name });
    // Moved 4 bytes onto its neighbour; the first tensor then also leaves a gap at the start, which is found first.
    out.push({ name: `${name} moved onto its neighbour`, bytes: craft({ ...header, [name]: { ...header[name], data_offsets: b === 0 ? [4, e + 4] : [b - 4, e - 4] } }, data), expected: b === 0 ? 'safetensors.gap' : 'safetensors.overlap' });
    for (const dtype of ['BF16', 'F16', 'I32', 'U8', 'bool']) out.push({ name: `${name} as ${dtype}`, bytes: craft({ ...header, [name]: { ...header[name], dtype } }, data), expected: 'safetensors.dtype', mentions: name });
    out.push({ name: `${name} shape [2000, 2000, 2000]`, bytes: craft({ ...header, [name]: { ...header[name], shape: [2000, 2000, 2000] } }, data), expected: 'tensor.tooLarge', mentions: name });
    out.push({ name: `${name} shape too small for its bytes`, bytes: craft({ ...header, [name]: { ...header[name], shape: [1] } }, data), expected: 'safetensors.span', mentions: name });
    out.push({ name: `${name} negative shape`, bytes: craft({ ...header, [name]: { ...header[name], shape: [-1] } }, data), expected: 'safetensors.shape', mentions: name });
    out.push({ name: `${name} offsets beyond the buffer`, bytes: craft({ ...header, [name]: { ...header[name], data_offsets: [b, data.length + 4] } }, data), expected: 'safetensors.offsets', mentions: name });
    out.push({ name: `${name} one offset`, bytes: craft({ ...header, [name]: { ...header[name], data_offsets: [b] } }, data), expected: 'safetensors.offsets', mentions: name });
    out.push({ name: `${name} not an object`, bytes: craft({ ...header, [name]: 7 }, data), expected: 'safetensors.entry', mentions: name });
  }
  for (const length of [0, 1, 5, 7]) out.push({ name: `a ${length}-byte file`, bytes: new Uint8Array(length), expected: 'safetensors.short' });
  for (const declared of [1000n, 2n ** 40n, 2n ** 63n]) out.push({ name: `header length ${declared}`, bytes: craft('{}', new Uint8Array(0), declared), expected: 'safetensors.headerLength' });
  for (const header of ['{', '[', '{"a": NaN}', '{"a": 1,}', 'null x']) out.push({ name: `header ${header}`, bytes: craft(header, new Uint8Array(0)), expected: 'json.syntax' });
  for (const header of ['[]', '"x"', '1']) out.push({ name: `header ${header}`, bytes: craft(header, new Uint8Array(0)), expected: 'safetensors.header' });
  out.push({ name: 'header not UTF-8', bytes: craft('{"\xff": 1}'.replace('\xff', ''), new Uint8Array(0)).map((v, i) => (i === 10 ? 0xff : v)), expected: 'safetensors.header' });
  out.push({ name: 'metadata with a number', bytes: craft({ __metadata__: { n: 1 } }, new Uint8Array(0)), expected: 'safetensors.metadata' });
  // A readable file with a NaN weight: named by the model check.
  const tensors = readSafetensors(GOOD_SAFETENSORS);
  for (const name of names) {
    const t = structuredClone(tensors);
    t[name].data[0] = NaN;
    out.push({ name: `NaN stored in ${name}`, bytes: writeSafetensors(t, 'F32'), expected: 'tensor.nonFinite', mentions: name });
  }
  return out;
}

function safetensorsCode(bytes: Uint8Array): { code: InteropCode | 'none'; message: string } {
  try {
    importSafetensors(bytes);
    return { code: 'none', message: '' };
  } catch (e) {
    if (e instanceof InteropError) return { code: e.code, message: e.message };
    throw e;
  }
}

// ---------- links ----------

interface LinkCase extends Case<MessageKey> {
  query: string;
  /** The URL key the warning is about. */
  key: string;
}

function warningKey(w: UrlWarning): MessageKey {
  switch (w.kind) {
    case 'unknown':
      return 'urlWarning.unknown';
    case 'conflict':
      return 'urlWarning.conflict';
    case 'repeated':
      return 'urlWarning.repeated';
    case 'invalid': {
      const p = w.problem;
      if (p.kind === 'range') return p.minExclusive ? 'problem.rangeAbove' : 'problem.range';
      return `problem.${p.kind}`;
    }
  }
}

function linkCases(): LinkCase[] {
  const out: LinkCase[] = [];
  const q = (pairs: [string, string][]): string => new URLSearchParams(pairs).toString();
  for (const spec of Object.values(PROPS)) {
    const key = spec.key;
    if (spec.type === 'number' || spec.type === 'optionalNumber') {
      const n = spec.type === 'number' ? spec : spec.number;
      for (const raw of ['abc', '0x10', 'Infinity', '1e999', 'NaN', '1,5']) out.push({ name: `${key}=${raw}`, query: q([[key, raw]]), key, expected: 'problem.notNumber' });
      out.push({ name: `${key} empty`, query: q([[key, ' ']]), key, expected: 'problem.empty' });
      out.push({ name: `${key} above its maximum`, query: q([[key, String(n.max * 10 + 1)]]), key, expected: n.minExclusive ? 'problem.rangeAbove' : 'problem.range' });
      if (n.integer) out.push({ name: `${key} not whole`, query: q([[key, String(n.min + 0.5)]]), key, expected: 'problem.notInteger' });
    } else if (spec.type === 'choice' || spec.type === 'bool') {
      for (const raw of ['nope', 'x'.repeat(1000)]) out.push({ name: `${key}=${raw.slice(0, 10)}`, query: q([[key, raw]]), key, expected: 'problem.choice' });
    } else {
      out.push({ name: `${key} longer than a link keeps`, query: q([[key, 'y'.repeat(spec.maxLength + 1)]]), key, expected: 'problem.range' });
    }
    out.push({ name: `${key} repeated`, query: q([[key, 'a'], [key, 'b']]), key, expected: 'urlWarning.repeated' });
  }
  for (const key of ['foo', 'learning_rate', 'LR', 'x'.repeat(5000), '__proto__', 'constructor']) {
    out.push({ name: `unknown key ${key.slice(0, 12)}`, query: q([[key, '1']]), key, expected: 'urlWarning.unknown' });
  }
  out.push({ name: 'a 1 MB unknown value', query: q([['junk', 'z'.repeat(1 << 20)]]), key: 'junk', expected: 'urlWarning.unknown' });
  out.push({ name: 'lang=fr', query: q([['lang', 'fr']]), key: 'lang', expected: 'problem.choice' });
  out.push({ name: 'peepholes on a GRU', query: q([['cell', 'gru'], ['peep', '1']]), key: 'peep', expected: 'urlWarning.conflict' });
  return out;
}

// ---------- the table ----------

const CSV = csvCases();
const MODELS = modelCases();
const SAFETENSORS = safetensorsCases();
const LINKS = linkCases();

describe('bad-input corpus', () => {
  it('holds at least 500 inputs, with unique names per kind', () => {
    expect(CSV.length + MODELS.length + SAFETENSORS.length + LINKS.length).toBeGreaterThanOrEqual(500);
    for (const cases of [CSV, MODELS, SAFETENSORS, LINKS] as Case<string>[][]) expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it('the good inputs it is made from are accepted', () => {
    expect(csvKey(utf8(series(',', -1, 'a', ''))).text).toBe('no error at all');
    expect(modelCode(GOOD_MODEL).code).toBe('none');
    expect(modelCode(`\ufeff${GOOD_MODEL}`).code).toBe('none');
    expect(safetensorsCode(GOOD_SAFETENSORS).code).toBe('none');
    expect(parseUrl('lr=0.01&cell=gru').warnings).toEqual([]);
  });

  describe('CSV', () => {
    it.each(CSV.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const got = csvKey(c.bytes);
      expect(got.key).toBe(c.expected);
      if (c.mentions) expect(got.text).toContain(c.mentions);
    });
  });

  describe('model JSON', () => {
    it.each(MODELS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const got = modelCode(c.text);
      expect(got.code).toBe(c.expected);
      if (c.mentions) expect(got.message).toContain(c.mentions);
    });
  });

  describe('safetensors', () => {
    it.each(SAFETENSORS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const got = safetensorsCode(c.bytes);
      expect(got.code).toBe(c.expected);
      if (c.mentions) expect(got.message).toContain(c.mentions);
    });
  });

  describe('links', () => {
    it.each(LINKS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const { warnings } = parseUrl(c.query);
      expect(warnings.filter((w) => w.key === c.key).map(warningKey)).toContain(c.expected);
    });
  });
});
