/**
 * Keeps the address bar equal to the run: every config or language change replaces the URL (no new history
 * entry per keystroke), so reloading, bookmarking or "Copy link" gives the same run.
 */
import { detectLang, type Lang } from '../i18n/i18n.ts';
import type { RunConfig } from '../contracts/runConfig.ts';
import { lessonParams, serializeUrl } from '../contracts/urlCodec.ts';
import { focusedRun, type WorkspaceStore } from './runController.ts';
import type { UiStore } from '../store/uiStore.ts';

/** What this browser would choose without a lang= parameter. */
export function browserLang(): Lang {
  return detectLang(navigator.languages ?? [navigator.language]);
}

export function runUrl(state: { config: RunConfig; lang: Lang }, location: Pick<Location, 'origin' | 'pathname' | 'hash' | 'search'>): string {
  // The lesson link (a teacher's handout) rides along with the run's settings.
  const query = [serializeUrl(state.config, state.lang, browserLang()), lessonParams(location.search)].filter((q) => q !== '').join('&');
  return `${location.origin}${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
}

/** Starts mirroring the focused run's config and the language into the address bar; returns the unsubscribe function. */
export function syncUrl(workspace: WorkspaceStore, ui: UiStore): () => void {
  let last = '';
  const write = (): void => {
    const config = focusedRun(workspace.getState()).store.getState().config;
    const next = runUrl({ config, lang: ui.getState().lang }, window.location);
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
  return () => {
    offRun();
    offWorkspace();
    offUi();
  };
}
