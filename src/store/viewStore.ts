/**
 * How the page is shown — presenter mode, the teacher's hidden controls and lock, an embedded panel, a panel
 * filling the window, the colour theme — as opposed to what runs (appStore). It belongs to the page, not to a
 * run: racing models share it. boot() creates it from the URL; components reach it through ViewContext.
 */
import { createContext, useContext } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { DEFAULT_VIEW_PARAMS, type ViewParams } from '../contracts/viewParams.ts';

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface ViewState extends ViewParams {
  /** The panel filling the window (Esc returns); null = the normal layout. */
  fullscreen: string | null;
  theme: ThemeChoice;
  /** Phone layout: the configuration drawer is open. */
  drawerOpen: boolean;
  /** Exported figures get a caption line (task, architecture, step, t). */
  exportCaption: boolean;
  /** The race's x axis: training step, or wall time (racers that share the cores reach different steps). */
  raceAxis: 'step' | 'time';
}

export type ViewStore = StoreApi<ViewState>;

const THEME_KEY = 'lstm-lens-theme';

/** The reader's own theme choice survives reloads; a shared link does not impose one. */
export function storedTheme(): ThemeChoice {
  try {
    const v = window.localStorage.getItem(THEME_KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

export function storeTheme(theme: ThemeChoice): void {
  try {
    if (theme === 'system') window.localStorage.removeItem(THEME_KEY);
    else window.localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this page only.
  }
}

export function createViewStore(params: Partial<ViewParams> = {}, theme: ThemeChoice = 'system'): ViewStore {
  return createStore<ViewState>()(() => ({
    ...DEFAULT_VIEW_PARAMS,
    ...params,
    fullscreen: null,
    theme,
    drawerOpen: false,
    exportCaption: true,
    raceAxis: 'step',
  }));
}

/** The default serves component tests rendered without a provider. */
export const ViewContext = createContext<ViewStore>(createViewStore());

export function useView<T>(selector: (s: ViewState) => T): T {
  return useStore(useContext(ViewContext), selector);
}

export function useViewStore(): ViewStore {
  return useContext(ViewContext);
}

/** The view parameters a link carries. */
export function viewParams(s: ViewState): ViewParams {
  return { present: s.present, hide: s.hide, lock: s.lock, embed: s.embed, lesson: s.lesson, lessonStep: s.lessonStep };
}
