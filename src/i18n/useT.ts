import { useCallback } from 'react';
import { useApp } from '../store/appStore.ts';
import { translate, type MessageKey } from './i18n.ts';

/** t(key, vars) in the current UI language; re-renders when the language changes. */
export function useT(): (key: MessageKey, vars?: Record<string, string | number>) => string {
  const lang = useApp((s) => s.lang);
  return useCallback((key, vars) => translate(lang, key, vars), [lang]);
}
