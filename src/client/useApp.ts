/** The hooks through which components read and write the store of the run they show (the RunProvider's). */
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../store/appStore.ts';
import { useRun } from './runContext.ts';

/** Render code's read of the run on show (the RunProvider's); re-renders when the selected value changes. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useRun().store, selector);
}

/**
 * The store of the run a component shows, for reads and writes inside event handlers (render code reads
 * through useApp so it re-renders).
 */
export function useAppStore(): AppStore {
  return useRun().store;
}
