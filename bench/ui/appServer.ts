/** The built app, as users get it: `vite build` when dist/ is missing or older than its sources, then `vite preview`. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build, preview, type PreviewServer } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const DIST_DIR = path.join(ROOT, 'dist');
const DIST_INDEX = path.join(DIST_DIR, 'index.html');
/** What the build reads. */
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json'];

function newestMtime(p: string): number {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

/** Why dist/ needs a build, or null when it is up to date. */
export function staleReason(): string | null {
  let built: number;
  try {
    built = statSync(DIST_INDEX).mtimeMs;
  } catch {
    return 'dist/ is missing';
  }
  const newest = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
  return newest > built ? 'sources are newer than dist/' : null;
}

/** Builds dist/ with the project's vite.config.ts; Vite's own messages go to stderr (warnings and errors only). */
export async function buildApp(): Promise<void> {
  await build({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

/** Serves dist/ on a free loopback port. */
export async function startPreview(): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    root: ROOT,
    configFile: path.join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('vite preview did not report a local URL');
  }
  return { server, url };
}
