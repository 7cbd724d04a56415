/**
 * The house rules a newcomer reads in the README's "Layout": it names every folder of src/, bench/, cli/ and
 * tests/ (and none that is gone), and no two test files share a name, so a failing test's file name says
 * which one failed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const TOP = ['src', 'bench', 'cli', 'tests'];

function walk(dir: string): { dirs: string[]; files: string[] } {
  const out = { dirs: [] as string[], files: [] as string[] };
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      out.dirs.push(relative(root, p));
      const inner = walk(p);
      out.dirs.push(...inner.dirs);
      out.files.push(...inner.files);
    } else out.files.push(relative(root, p));
  }
  return out;
}

const tree = TOP.map((t) => walk(join(root, t)));
const folders = [...TOP.filter((t) => t !== 'src'), ...tree.flatMap((t) => t.dirs)].sort();
const files = tree.flatMap((t) => t.files);

/** The folders the README's layout block lists: `src/x/` on a ranked line, `x/y/` (under src/) or a full path indented. */
function listedFolders(readme: string): string[] {
  const start = readme.indexOf('## Layout');
  const block = readme.slice(readme.indexOf('```\n', start) + 4, readme.indexOf('\n```', readme.indexOf('```\n', start) + 4));
  const out: string[] = [];
  for (const line of block.split('\n')) {
    const m = /^\s*(?:\d\s+)?([\w./-]+)\/\s/.exec(line + ' ');
    if (!m) continue;
    const path = m[1];
    out.push(TOP.some((t) => path === t || path.startsWith(`${t}/`)) ? path : `src/${path}`);
  }
  return out.sort();
}

/** Test file names that occur more than once, with where. */
function sharedTestNames(paths: readonly string[]): string[] {
  const byName = new Map<string, string[]>();
  for (const p of paths.filter((x) => /\.(test|spec)\.tsx?$/.test(x))) byName.set(basename(p), [...(byName.get(basename(p)) ?? []), p]);
  return [...byName.values()].filter((ps) => ps.length > 1).map((ps) => ps.join(' = '));
}

describe('the layout of the repository', () => {
  it('is what the README lists: every folder, one line each, none that is gone', () => {
    const listed = listedFolders(readFileSync(join(root, 'README.md'), 'utf8'));
    expect(folders.filter((f) => !listed.includes(f))).toEqual([]);
    expect(listed.filter((f) => !folders.includes(f))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('has no two test files with the same name', () => {
    expect(files.filter((f) => /\.(test|spec)\.tsx?$/.test(f)).length).toBeGreaterThan(50);
    expect(sharedTestNames(files)).toEqual([]);
  });

  it('names test files that share a name (the check itself works)', () => {
    expect(sharedTestNames(['src/a/x.test.ts', 'tests/unit/x.test.ts', 'src/b/y.test.ts', 'src/b/x.ts'])).toEqual(['src/a/x.test.ts = tests/unit/x.test.ts']);
  });
});
