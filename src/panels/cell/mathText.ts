/**
 * Equation parts → KaTeX source with a slot per number (numberSlots.ts writes the digits), and a plain-text
 * reading of the same TeX for the moment before KaTeX has loaded and for screen readers.
 */
import type { Part } from './equations.ts';
import { fmt, shortNumber } from './format.ts';

/**
 * The line's TeX with each number as a slot: `{\htmlData{full=}{0}}`, or mantissa × 10^exponent slots
 * for the tiny and huge. The source depends only on the line's shape (signs and which numbers need a power of
 * ten), so a new frame with the same shape keeps KaTeX's DOM and only the digits change. The braces keep
 * KaTeX's spacing outside the slot.
 */
export function partsToTemplate(parts: readonly Part[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      const inner = shortNumber(p.v).exponent === null ? '0' : '{\\htmlData{m=}{0}}\\times10^{\\htmlData{e=}{0}}';
      return `{\\htmlData{full=}{${inner}}}`;
    })
    .join('');
}

const SUB: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '(': '₍', ')': '₎', a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', l: 'ₗ', m: 'ₘ',
  n: 'ₙ', o: 'ₒ', p: 'ₚ', r: 'ᵣ', s: 'ₛ', t: 'ₜ', u: 'ᵤ', v: 'ᵥ', x: 'ₓ',
};
const SUP: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '(': '⁽', ')': '⁾', 'ᵀ': 'ᵀ',
};

function script(table: Record<string, string>, marker: string, s: string): string {
  const chars = [...s];
  return chars.every((c) => c in table) ? chars.map((c) => table[c]).join('') : `${marker}${s}`;
}

const SYMBOLS: Record<string, string> = {
  partial: '∂', odot: '⊙', cdot: '·', sigma: 'σ', delta: 'δ', tanh: 'tanh', leftarrow: ' ← ', top: 'ᵀ',
  quad: '  ', infty: '∞', times: '×', sum: 'Σ',
};

/** A readable plain-text version of the TeX this module's equations use. */
export function texToPlain(tex: string): string {
  return tex
    .replace(/\\(?:operatorname|mathrm|text)\{([^}]*)\}/g, '$1')
    .replace(/\\mathbb\{1\}/g, '𝟙')
    .replace(/\\hat\s*y/g, 'ŷ')
    .replace(/\\hat\s*(\w)/g, '$1\u0302')
    .replace(/\\([a-zA-Z]+)\s?/g, (m, name: string) => SYMBOLS[name] ?? m)
    .replace(/\\[,;]/g, ' ')
    .replace(/\^\{([^}]*)\}|\^(.)/g, (_m, a: string | undefined, b: string | undefined) => script(SUP, '^', a ?? b ?? ''))
    .replace(/_\{([^}]*)\}|_(.)/g, (_m, a: string | undefined, b: string | undefined) => script(SUB, '_', a ?? b ?? ''))
    .replace(/[{}]/g, '')
    .replace(/-/g, '−')
    .replace(/ {2,}/g, ' ');
}

/** Plain text of a whole line (numbers in their short form). */
export function partsToPlain(parts: readonly Part[]): string {
  return parts.map((p) => (typeof p === 'string' ? texToPlain(p) : fmt(p.v))).join('');
}
