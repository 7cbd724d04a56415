import { useCallback } from 'react';
import { useLang } from '../store/uiStore.ts';
import { translate, type MessageKey } from '../i18n/i18n.ts';

/** t(key, vars) in the current UI language; re-renders when the language changes. */
export function useT(): (key: MessageKey, vars?: Record<string, string | number>) => string {
  const lang = useLang();
  return useCallback((key, vars) => translate(lang, key, vars), [lang]);
}
