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
    storeTheme(theme);
    // "system" is resolved here (and again when the system setting changes), so the stylesheet holds the dark
    // palette once, under :root[data-theme='dark'].
    const media = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    const apply = (): void => {
      document.documentElement.dataset.theme = theme === 'system' ? (media?.matches ? 'dark' : 'light') : theme;
    };
    apply();
    if (theme !== 'system' || !media) return;
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
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
