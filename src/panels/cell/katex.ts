/**
 * KaTeX, loaded on first use (a separate chunk with its CSS and fonts, bundled locally by Vite) so it never
 * delays first paint; until it arrives the equations show as plain text.
 */
import { useEffect, useState } from 'react';

export type Katex = typeof import('katex').default;

let loaded: Katex | null = null;
let pending: Promise<Katex> | null = null;

export function loadKatex(): Promise<Katex> {
  pending ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([m]) => (loaded = m.default));
  return pending;
}

export function useKatex(): Katex | null {
  const [katex, setKatex] = useState<Katex | null>(loaded);
  useEffect(() => {
    if (katex) return;
    let live = true;
    // A failed chunk load leaves the plain-text equations in place.
    loadKatex().then((k) => live && setKatex(k), () => {});
    return () => {
      live = false;
    };
  }, [katex]);
  return katex;
}

/**
 * Our TeX only ever uses \htmlData (the number slots) from the commands KaTeX guards behind `trust`. HTML only:
 * the numbers are written into the HTML after typesetting (numberSlots.ts), so MathML would read stale digits;
 * each line is labelled with its plain-text reading instead.
 */
export const KATEX_OPTIONS = {
  output: 'html',
  throwOnError: false,
  trust: (ctx: { command: string }) => ctx.command === '\\htmlData',
  strict: 'ignore',
} as const;
