/**
 * The folders of src/ form layers (tests/unit/layers.ts, README "Layout"): every import points down or
 * sideways where allowed. The engine must also run unchanged in Node, a Web Worker and the page: it imports
 * only its own files and touches no DOM, Node APIs or unseeded randomness (tsconfig.engine.json, typechecked
 * without the DOM lib, backs this up at the type level).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importSpecifiers, LAYERS, violation, violations } from './layers.ts';

const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const engineDir = join(srcDir, 'engine');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** src-relative path → the src-relative paths it imports. */
function importMap(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const file of sourceFiles(srcDir)) {
    const targets = importSpecifiers(readFileSync(file, 'utf8'))
      .filter((s) => s.startsWith('.'))
      .map((s) => relative(srcDir, resolve(dirname(file), s)));
    map.set(relative(srcDir, file), targets);
  }
  return map;
}

const FORBIDDEN = /\b(document|window|localStorage|navigator|process\.|require\(|Buffer\.|Math\.random|self\.postMessage)\b/;

describe('layering', () => {
  const imports = importMap();

  it('places every folder of src/ in a layer', () => {
    const known = new Set(LAYERS.flat());
    const folders = readdirSync(srcDir).filter((n) => statSync(join(srcDir, n)).isDirectory());
    expect(folders.filter((f) => !known.has(f))).toEqual([]);
  });

  it('has no import pointing up a layer or across panel folders', () => {
    expect(imports.size).toBeGreaterThan(100);
    expect(violations(imports)).toEqual([]);
  });

  it('reports an upward import (the check itself works)', () => {
    const synthetic = new Map([
      ['i18n/en.ts', ['store/appStore.ts', 'engine/rng.ts']],
      ['tasks/sine.ts', ['contracts/runConfig.ts']],
      ['panels/loss/LossPanel.tsx', ['panels/gates/LayerSelect.tsx', 'panels/shared/Legend.tsx']],
      ['viz/Heatmap.tsx', ['store/appStore.ts']],
      ['trainer/trainerCore.ts', ['store/appStore.ts']],
      ['controls/Toolbar.tsx', ['app/App.tsx', 'client/useT.ts', 'testing/fakeWorker.ts']],
      ['app/App.tsx', ['panels/loss/LossPanel.tsx', 'client/run.ts']],
      ['client/run.test.ts', ['testing/testRuns.ts', 'app/App.tsx']],
    ]);
    expect(violations(synthetic)).toEqual([
      'i18n/en.ts -> store/appStore.ts: i18n imports store, a higher layer',
      'tasks/sine.ts -> contracts/runConfig.ts: tasks imports contracts, a higher layer',
      'panels/loss/LossPanel.tsx -> panels/gates/LayerSelect.tsx: panel folder loss borrows from panel folder gates',
      'viz/Heatmap.tsx -> store/appStore.ts: viz must not import store: viz draws what it is given and knows no store',
      'trainer/trainerCore.ts -> store/appStore.ts: trainer must not import store: the worker never sees page state',
      'controls/Toolbar.tsx -> app/App.tsx: controls imports app, a higher layer',
      'controls/Toolbar.tsx -> testing/fakeWorker.ts: only tests import src/testing',
    ]);
    expect(violation('i18n/en.ts', 'tasks/csv/messages.ts')).toMatch(/must not import tasks/);
    expect(violation('engine/network.ts', 'engine/rng.ts')).toBeNull();
  });

  it('reads every kind of import', () => {
    const text = "import { a } from './a.ts';\nexport * from '../b.ts';\nimport './c.css';\nawait import('./d.ts');\nnew Worker(new URL('./e.worker.ts', import.meta.url));";
    expect(importSpecifiers(text)).toEqual(['./a.ts', '../b.ts', './c.css', './d.ts', './e.worker.ts']);
  });
});

describe('engine purity', () => {
  const files = sourceFiles(engineDir).filter((f) => !/\.test\.ts$/.test(f));

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
