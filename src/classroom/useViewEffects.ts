/** The page-wide side effects of the view state: the colour theme on <html>, and the presenter key P. */
import { useEffect } from 'react';
import { storeTheme, useView, useViewStore, type ViewStore } from '../store/viewStore.ts';
import { isEditing } from '../controls/shortcuts.ts';

export function togglePresenter(view: ViewStore): void {
  view.setState((s) => ({ present: !s.present, fullscreen: null }));
}

export function useViewEffects(): void {
  const view = useViewStore();
  const theme = useView((s) => s.theme);

  useEffect(() => {
    // "system" leaves the attribute off so the stylesheet's prefers-color-scheme rule decides.
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
    storeTheme(theme);
  }, [theme]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (e.key !== 'p' && e.key !== 'P') return;
      if (e.target instanceof Element && isEditing(e.target)) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      e.preventDefault();
      togglePresenter(view);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [view]);
}
