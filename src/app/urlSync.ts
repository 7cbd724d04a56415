/**
 * Keeps the address bar equal to the run: every config or language change replaces the URL (no new history
 * entry per keystroke), so reloading, bookmarking or "Copy link" gives the same run.
 */
import { detectLang, type Lang } from '../i18n/i18n.ts';
import type { AppState, AppStore } from '../store/appStore.ts';
import { lessonParams, serializeUrl } from '../store/urlCodec.ts';

/** What this browser would choose without a lang= parameter. */
export function browserLang(): Lang {
  return detectLang(navigator.languages ?? [navigator.language]);
}

export function runUrl(state: Pick<AppState, 'config' | 'lang'>, location: Pick<Location, 'origin' | 'pathname' | 'hash' | 'search'>): string {
  // The lesson link (a teacher's handout) rides along with the run's settings.
  const query = [serializeUrl(state.config, state.lang, browserLang()), lessonParams(location.search)].filter((q) => q !== '').join('&');
  return `${location.origin}${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
}

/** Starts mirroring the store into the address bar; returns the unsubscribe function. */
export function syncUrl(store: AppStore): () => void {
  const write = (s: AppState): void => {
    const next = runUrl(s, window.location);
    if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
  };
  write(store.getState());
  return store.subscribe((s, prev) => {
    if (s.config !== prev.config || s.lang !== prev.lang) write(s);
  });
}
