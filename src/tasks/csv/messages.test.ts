import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zh } from '../../i18n/zh.ts';
import { CSV_MESSAGES_EN, CSV_MESSAGES_ZH } from './messages.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('CSV messages', () => {
  it('have the same keys and placeholders in English and Chinese, all under csv.', () => {
    expect(Object.keys(CSV_MESSAGES_ZH).sort()).toEqual(Object.keys(CSV_MESSAGES_EN).sort());
    for (const [key, text] of Object.entries(CSV_MESSAGES_EN)) {
      expect(key.startsWith('csv.')).toBe(true);
      expect(placeholders(CSV_MESSAGES_ZH[key as keyof typeof CSV_MESSAGES_EN]), key).toEqual(placeholders(text));
    }
  });

  it('merge into the app dictionaries without clashing', () => {
    const app: Record<string, Record<string, string>> = { en, zh };
    const mine: Record<string, Record<string, string>> = { en: CSV_MESSAGES_EN, zh: CSV_MESSAGES_ZH };
    for (const lang of ['en', 'zh']) {
      for (const [key, text] of Object.entries(mine[lang])) if (key in app[lang]) expect(app[lang][key], key).toBe(text);
    }
  });
});
