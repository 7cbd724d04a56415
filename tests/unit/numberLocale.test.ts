import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

/** toLocaleString() with no locale formats in the browser's language, not the page's. */
const BROWSER_LOCALE = /\.toLocale(?:String|DateString|TimeString)\(\s*\)/;

describe('numbers follow the UI language', () => {
  it('no page code formats a number or date in the browser locale', () => {
    const offenders = sources(SRC).filter((p) => BROWSER_LOCALE.test(readFileSync(p, 'utf8')));
    expect(offenders.map((p) => p.slice(SRC.length + 1))).toEqual([]);
  });

  it('can fail', () => {
    expect(BROWSER_LOCALE.test('step.toLocaleString()')).toBe(true);
    expect(BROWSER_LOCALE.test("step.toLocaleString('en')")).toBe(false);
  });
});
