import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../en.ts';
import { zh } from '../zh.ts';
import { CSV_EN, CSV_ZH } from './csv.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('CSV messages', () => {
  it('have the same keys and placeholders in English and Chinese, all under csv.', () => {
    expect(Object.keys(CSV_ZH).sort()).toEqual(Object.keys(CSV_EN).sort());
    for (const [key, text] of Object.entries(CSV_EN)) {
      expect(key.startsWith('csv.')).toBe(true);
      expect(placeholders(CSV_ZH[key as keyof typeof CSV_EN]), key).toEqual(placeholders(text));
    }
  });

  it('merge into the app dictionaries without clashing', () => {
    const app: Record<string, Record<string, string>> = { en, zh };
    const mine: Record<string, Record<string, string>> = { en: CSV_EN, zh: CSV_ZH };
    for (const lang of ['en', 'zh']) {
      for (const [key, text] of Object.entries(mine[lang])) if (key in app[lang]) expect(app[lang][key], key).toBe(text);
    }
  });

  it('have a text for every key the CSV reader uses', () => {
    const dir = new URL('../../tasks/csv/', import.meta.url);
    const used = readdirSync(dir)
      .filter((n) => /\.ts$/.test(n) && !/\.test\.ts$/.test(n))
      .flatMap((n) => [...readFileSync(new URL(n, dir), 'utf8').matchAll(/'(csv\.[\w.]+)'/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((k) => !(k in CSV_EN))).toEqual([]);
  });
});
