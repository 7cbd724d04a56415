/**
 * The datasets the app ships (public/datasets/): each is catalogued, credited in the README, parses cleanly
 * with our own parser, has the documented size, and builds its task.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateTable } from '../../src/tasks/csv/validate.ts';
import { builtinTask } from '../../src/tasks/data/builtin.ts';
import { DATASETS } from '../../src/tasks/data/datasets.ts';
import { readDataset } from '../../src/tasks/data/load.ts';
import { buildVocab } from '../../src/tasks/text.ts';

const dir = new URL('../../public/datasets/', import.meta.url);
const load = (file: string) => {
  const buf = readFileSync(new URL(file, dir));
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
};

describe('bundled datasets', () => {
  it('every file is catalogued and credited in the README', () => {
    const files = readdirSync(dir).filter((f) => f !== 'README.md').sort();
    expect(DATASETS.map((d) => d.file).sort()).toEqual(files);
    const readme = readFileSync(new URL('README.md', dir), 'utf8');
    for (const d of DATASETS) {
      expect(readme).toContain(d.file);
      expect(d.attribution.en.length).toBeGreaterThan(20);
      expect(d.attribution.zh.length).toBeGreaterThan(10);
    }
  });

  it('has the documented row counts', () => {
    const rows = Object.fromEntries(DATASETS.map((d) => [d.id, d.rows]));
    expect(rows).toMatchObject({ airline: 144, euStocks: 1860, co2: 820, occupancy: 8143 });
  });

  for (const info of DATASETS.filter((d) => d.kind !== 'text')) {
    it(`${info.file} parses cleanly with the catalogued columns`, () => {
      const loaded = readDataset(info, load(info.file));
      if (loaded.kind !== 'table') throw new Error('expected a table');
      const t = loaded.table;
      expect(t.rowCount).toBe(info.rows);
      expect(t.delimiter).toBe(',');
      expect(t.warnings).toEqual([]);
      expect(t.columns.map((c) => c.name)).toEqual(info.columns.map((c) => c.name));
      for (const c of t.columns) {
        expect(c.missing, c.name).toBe(0);
        expect(c.invalid, c.name).toEqual([]);
      }
      const date = info.columns.find((c) => c.role === 'date')!.name;
      const values = info.columns.filter((c) => c.role !== 'date').map((c) => c.name);
      for (const v of values) expect(t.columns.find((c) => c.name === v)!.type, v).toBe('numeric');
      const issues = validateTable(t, { dateColumn: date, features: values, target: info.defaultTarget! });
      expect(issues).toEqual([]);
    });
  }

  it('the occupancy labels are 1,729 occupied and 6,414 empty rows', () => {
    const info = DATASETS.find((d) => d.id === 'occupancy')!;
    const { meta } = builtinTask(readDataset(info, load(info.file)));
    if (meta.kind !== 'classification') throw new Error('expected classification');
    expect(meta.balance.rows).toEqual([6414, 1729]);
    expect(meta.classes).toEqual(['empty', 'occupied']);
    expect(meta.features).toEqual(['temperature_c', 'humidity_pct', 'light_lux', 'co2_ppm', 'humidity_ratio']);
  });

  it('the texts have the documented lines and alphabets', () => {
    const expected = { shakespeare: { chars: 99_843, distinct: 61 }, tangHant: { chars: 30_587, distinct: 2652 }, tangHans: { chars: 30_587, distinct: 2607 } };
    for (const info of DATASETS.filter((d) => d.kind === 'text')) {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(load(info.file));
      expect(text.split('\n').length - (text.endsWith('\n') ? 1 : 0), info.id).toBe(info.rows);
      const v = buildVocab(text);
      expect({ chars: v.totalChars, distinct: v.distinct }, info.id).toEqual(expected[info.id as keyof typeof expected]);
    }
  });

  for (const info of DATASETS) {
    it(`${info.id} builds its task`, () => {
      const { task, meta } = builtinTask(readDataset(info, load(info.file)), { text: { seqLen: 32 } });
      expect(task.id).toBe(info.id);
      expect(meta.kind).toBe(info.kind === 'series' ? 'forecast' : info.kind);
      expect(task.probe.B).toBe(1);
      expect(task.validation.x.every(Number.isFinite)).toBe(true);
    });
  }
});
