/**
 * Keeps the address bar equal to the run: every config or language change replaces the URL (no new history
 * entry per keystroke), so reloading, bookmarking or "Copy link" gives the same run.
 */
import { detectLang, type Lang } from '../i18n/i18n.ts';
import type { RunConfig } from '../contracts/runConfig.ts';
import { lessonParams, serializeUrl } from '../contracts/urlCodec.ts';
import { serializeView, type ViewParams } from '../contracts/viewParams.ts';
import { focusedRun, type WorkspaceStore } from './runController.ts';
import type { UiStore } from '../store/uiStore.ts';
import { viewParams, type ViewStore } from '../store/viewStore.ts';

/** What this browser would choose without a lang= parameter. */
export function browserLang(): Lang {
  return detectLang(navigator.languages ?? [navigator.language]);
}

/**
 * The link to this run; with `view`, also how the page is shown (presenter, hidden controls, lock, embed). A
 * lesson named in `view` (the class-link dialog's choice) goes in; otherwise the lesson link of the current
 * address rides along, since the lesson player owns it.
 */
export function runUrl(state: { config: RunConfig; lang: Lang }, location: Pick<Location, 'origin' | 'pathname' | 'hash' | 'search'>, view?: ViewParams): string {
  const lesson = view?.lesson ? '' : lessonParams(location.search);
  const query = [serializeUrl(state.config, state.lang, browserLang()), view ? serializeView(view) : '', lesson].filter((q) => q !== '').join('&');
  return `${location.origin}${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
}

/**
 * Starts mirroring the focused run's config, the language and the view parameters (so a reload stays in
 * presenter mode) into the address bar; returns the unsubscribe function.
 */
export function syncUrl(workspace: WorkspaceStore, ui: UiStore, view?: ViewStore): () => void {
  let last = '';
  const write = (): void => {
    const config = focusedRun(workspace.getState()).store.getState().config;
    const next = runUrl({ config, lang: ui.getState().lang }, window.location, view ? { ...viewParams(view.getState()), lesson: null, lessonStep: null } : undefined);
    if (next !== last && next !== window.location.href) window.history.replaceState(window.history.state, '', next);
    last = next;
  };
  let offRun = (): void => undefined;
  const follow = (): void => {
    offRun();
    offRun = focusedRun(workspace.getState()).store.subscribe((s, prev) => {
      if (s.config !== prev.config) write();
    });
    write();
  };
  follow();
  const offWorkspace = workspace.subscribe((s, prev) => {
    if (focusedRun(s) !== focusedRun(prev)) follow();
  });
  const offUi = ui.subscribe((s, prev) => {
    if (s.lang !== prev.lang) write();
  });
  const offView = view?.subscribe((s, prev) => {
    if (s.present !== prev.present) write();
  });
  return () => {
    offRun();
    offWorkspace();
    offUi();
    offView?.();
  };
}
