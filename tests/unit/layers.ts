/**
 * The layers of src/, lowest first, and the imports they allow. A file may import its own folder and any folder
 * on a lower rank; folders on one rank may import each other unless a pair below forbids it. Test files may
 * import anything; only test files import src/testing.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['engine'],
  ['tasks'],
  ['i18n', 'contracts'],
  ['trainer', 'store'],
  ['client'],
  ['viz', 'styles'],
  ['panels', 'controls', 'presets', 'lessons', 'models', 'classroom', 'export'],
  ['app'],
  ['testing'],
];

/** Imports the order allows but the design does not: [from folder, to folder, why]. */
export const FORBIDDEN_PAIRS: readonly (readonly [string, string, string])[] = [
  ['i18n', 'tasks', 'the dictionaries hold every string; tasks do not supply UI text'],
  ['i18n', 'contracts', 'the dictionaries sit beside the contracts, not on them'],
  ['trainer', 'store', 'the worker never sees page state'],
  ['store', 'trainer', 'page state does not run training code'],
  ['viz', 'store', 'viz draws what it is given and knows no store'],
];

/** Folder of a src-relative path: its first segment, or "panels/<name>" inside a panel's own folder. */
export function unitOf(path: string): { layer: string; panel: string | null } {
  const parts = path.split('/');
  const layer = parts.length > 1 ? parts[0] : '.';
  const panel = layer === 'panels' && parts.length > 2 ? parts[1] : null;
  return { layer, panel };
}

const RANK = new Map(LAYERS.flatMap((names, rank) => names.map((n) => [n, rank] as const)));

export const isTestFile = (path: string): boolean => /\.test\.tsx?$|(^|\/)testing\//.test(path);

/** Why `from` (a src-relative path) may not import `to`, or null when it may. */
export function violation(from: string, to: string): string | null {
  const a = unitOf(from);
  const b = unitOf(to);
  if (b.layer === 'testing' && !isTestFile(from)) return 'only tests import src/testing';
  if (isTestFile(from)) return null;
  if (a.layer === b.layer) {
    if (a.layer !== 'panels' || a.panel === b.panel || b.panel === null || b.panel === 'shared') return null;
    return a.panel === 'shared' ? 'panels/shared serves every panel and imports none' : `panel folder ${a.panel} borrows from panel folder ${b.panel}`;
  }
  const ra = RANK.get(a.layer);
  const rb = RANK.get(b.layer);
  if (ra === undefined) return `folder ${a.layer} has no layer`;
  if (rb === undefined) return `folder ${b.layer} has no layer`;
  if (rb > ra) return `${a.layer} imports ${b.layer}, a higher layer`;
  const pair = FORBIDDEN_PAIRS.find(([x, y]) => x === a.layer && y === b.layer);
  return pair ? `${a.layer} must not import ${b.layer}: ${pair[2]}` : null;
}

/** Every relative specifier a source text imports (static, dynamic, side-effect, worker URL). */
export function importSpecifiers(text: string): string[] {
  const out: string[] = [];
  const re =
    /(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]|new\s+URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g;
  for (const m of text.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return out;
}

/** Each import that breaks the rules, as "from -> to: why", for a map of src-relative path → imported paths. */
export function violations(imports: ReadonlyMap<string, readonly string[]>): string[] {
  const out: string[] = [];
  for (const [from, targets] of imports) {
    for (const to of targets) {
      const why = violation(from, to);
      if (why) out.push(`${from} -> ${to}: ${why}`);
    }
  }
  return out;
}
