/**
 * The page's own UI state, apart from any run: the language, the shortcuts overlay and the question asked
 * before an expensive run. One per page (made in the app's wiring), handed down by UiProvider.
 */
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Lang } from '../i18n/i18n.ts';
import type { CostQuestion } from '../contracts/runCost.ts';

export interface UiState {
  lang: Lang;
  showShortcuts: boolean;
  /** A run whose estimated cost is over budget, waiting for the user's answer; null when none. */
  costQuestion: CostQuestion | null;
}

export type UiStore = StoreApi<UiState>;

export function createUiStore(init: Partial<UiState> = {}): UiStore {
  return createStore<UiState>()(() => ({ lang: 'en', showShortcuts: false, costQuestion: null, ...init }));
}

const UiContext = createContext<UiStore | null>(null);

export function UiProvider(props: { store: UiStore; children: ReactNode }) {
  return createElement(UiContext.Provider, { value: props.store }, props.children);
}

/** The page's UI store, for event handlers (render code reads through useUi). */
export function useUiStore(): UiStore {
  const store = useContext(UiContext);
  if (!store) throw new Error('useUiStore() outside <UiProvider>');
  return store;
}

export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(useUiStore(), selector);
}

/** The UI language. */
export function useLang(): Lang {
  return useUi((s) => s.lang);
}
