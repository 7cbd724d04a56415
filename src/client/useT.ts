import { useCallback } from 'react';
import { useLang } from '../store/uiStore.ts';
import { formatNumberVar, translate, type MessageKey } from '../i18n/i18n.ts';

/** t(key, vars) in the current UI language; re-renders when the language changes. */
export function useT(): (key: MessageKey, vars?: Record<string, string | number>) => string {
  const lang = useLang();
  return useCallback((key, vars) => translate(lang, key, vars), [lang]);
}

/** A count written the UI language's way (12,345), whatever the browser's locale. */
export function useFormatCount(): (n: number) => string {
  const lang = useLang();
  return useCallback((n: number) => formatNumberVar(lang, n), [lang]);
}
