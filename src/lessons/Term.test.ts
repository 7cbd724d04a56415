import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { zh } from '../i18n/zh.ts';
import { GLOSSARY } from './glossary.ts';
import { JARGON } from './jargon.ts';
import { splitTerms } from './Term.tsx';

describe('term links', () => {
  it('cuts a sentence around its terms, first occurrence each, in order', () => {
    expect(splitTerms('Each step back multiplies by one more Jacobian.', 'en', ['jacobian'])).toEqual([
      'Each step back multiplies by one more ',
      { id: 'jacobian', word: 'Jacobian' },
      '.',
    ]);
    expect(splitTerms('a global norm and a spectral norm', 'en', ['spectralNorm', 'globalNorm'])).toEqual([
      'a ',
      { id: 'globalNorm', word: 'global norm' },
      ' and a ',
      { id: 'spectralNorm', word: 'spectral norm' },
    ]);
    expect(splitTerms('no term here', 'en', ['jacobian'])).toEqual(['no term here']);
  });

  it('finds each linked term in the sentences that link it, in both languages', () => {
    const uses: [keyof typeof en, keyof typeof JARGON][] = [
      ['lab.seqLenHint', 'jacobian'],
      ['lab.scaleHint', 'spectralNorm'],
      ['lab.clipHint', 'globalNorm'],
      ['cfg.hint.truncate', 'truncatedBptt'],
      ['summary.tensors', 'stateDict'],
      ['text.source.windowNote', 'probe'],
    ];
    for (const [key, id] of uses) {
      for (const [lang, dict] of [['en', en], ['zh', zh]] as const) {
        expect(splitTerms(dict[key], lang, [id]).some((p) => typeof p !== 'string'), `${lang} ${key}`).toBe(true);
      }
    }
  });

  it('explains every term in both languages, and the glossary lists it', () => {
    for (const e of Object.values(JARGON)) {
      expect(e.note.en.length).toBeGreaterThan(40);
      expect(e.note.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(GLOSSARY.some((g) => g.id === e.id)).toBe(true);
    }
    expect(new Set(GLOSSARY.map((g) => g.id)).size).toBe(GLOSSARY.length);
  });
});
