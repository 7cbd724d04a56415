import { useCallback } from 'react';
import { useT } from '../client/useT.ts';
import type { Bilingual } from './types.ts';

/**
 * The UI language's half of a bilingual text. Lesson texts are data, not dictionary keys; the language comes
 * through useT (the one way components learn it), which the dictionaries answer with their own code.
 */
export function usePick(): (text: Bilingual) => string {
  const t = useT();
  const zh = t('lessons.langCode') === 'zh';
  return useCallback((text: Bilingual) => (zh ? text.zh : text.en), [zh]);
}
