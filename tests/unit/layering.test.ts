/**
 * The engine must run unchanged in Node, a Web Worker and the page: it may import only its own files and
 * must not touch the DOM, Node APIs or unseeded randomness. (tsconfig.engine.json, typechecked without the
 * DOM lib by `npm run typecheck`, backs this up at the type level.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const engineDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/engine');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [p] : [];
  });
}

const FORBIDDEN = /\b(document|window|localStorage|navigator|process\.|require\(|Buffer\.|Math\.random|self\.postMessage)\b/;

/** Every import/export-from specifier in a source text. */
export function importSpecifiers(text: string): string[] {
  const out: string[] = [];
  const re = /(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

describe('engine purity', () => {
  const files = sourceFiles(engineDir);

  it('finds the engine sources', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('detects a violation (the check itself works)', () => {
    expect(importSpecifiers("import { create } from 'zustand';\nimport x from './a.ts';")).toEqual(['zustand', './a.ts']);
    expect(FORBIDDEN.test('const w = window.innerWidth;')).toBe(true);
  });

  for (const file of files) {
    const rel = relative(engineDir, file);
    it(`${rel} imports only engine files and uses no DOM/Node APIs`, () => {
      const text = readFileSync(file, 'utf8');
      for (const spec of importSpecifiers(text)) {
        expect(spec.startsWith('.'), `${rel} imports '${spec}'`).toBe(true);
        const target = resolve(dirname(file), spec);
        expect(target.startsWith(engineDir), `${rel} imports '${spec}' from outside src/engine`).toBe(true);
      }
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code.match(FORBIDDEN)?.[0] ?? null, `${rel} uses a forbidden global`).toBeNull();
    });
  }
});
