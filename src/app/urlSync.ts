/**
 * Keeps the address bar equal to the run: every config or language change replaces the URL (no new history
 * entry per keystroke), so reloading, bookmarking or "Copy link" gives the same run.
 */
import { detectLang, type Lang } from '../i18n/i18n.ts';
import type { AppState, AppStore } from '../store/appStore.ts';
import { serializeUrl, serializeView, type ViewParams } from '../store/urlCodec.ts';
import { viewParams, type ViewStore } from './viewStore.ts';

/** What this browser would choose without a lang= parameter. */
export function browserLang(): Lang {
  return detectLang(navigator.languages ?? [navigator.language]);
}

/** The link to this run; with `view`, also how the page is shown (presenter, hidden controls, lock, embed). */
export function runUrl(state: Pick<AppState, 'config' | 'lang'>, location: Pick<Location, 'origin' | 'pathname' | 'hash'>, view?: ViewParams): string {
  const query = [serializeUrl(state.config, state.lang, browserLang()), view ? serializeView(view) : ''].filter(Boolean).join('&');
  return `${location.origin}${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
}

/**
 * Starts mirroring the store (and the page's view parameters, so a reload stays in presenter mode) into the
 * address bar; returns the unsubscribe function.
 */
export function syncUrl(store: AppStore, view?: ViewStore): () => void {
  const write = (): void => {
    const next = runUrl(store.getState(), window.location, view ? viewParams(view.getState()) : undefined);
    if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
  };
  write();
  const offRun = store.subscribe((s, prev) => {
    if (s.config !== prev.config || s.lang !== prev.lang) write();
  });
  const offView = view?.subscribe((s, prev) => {
    if (s.present !== prev.present) write();
  });
  return () => {
    offRun();
    offView?.();
  };
}
