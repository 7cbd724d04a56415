/**
 * Compare mode's page state: which racers exist (their stores and frame buses, for the comparison panel) and
 * which one the single-run panels follow. The racers are set by the run controller; the focus by the user.
 */
import { useSyncExternalStore } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { CompareModel } from './session.ts';

export interface CompareState {
  /** The racer (CompareModel.id) the single-run panels show; null = the first of the set. */
  focus: string | null;
}

export type CompareStore = StoreApi<CompareState>;

export function createCompareStore(): CompareStore {
  return createStore<CompareState>()(() => ({ focus: null }));
}

export const compareStore = createCompareStore();

export function useCompare<T>(selector: (s: CompareState) => T): T {
  return useStore(compareStore, selector);
}

type Listener = () => void;

/** The racers of the current compare session (null outside compare mode); not plain data, so not in a store. */
export class CompareModels {
  private models: readonly CompareModel[] | null = null;
  private readonly listeners = new Set<Listener>();

  get(): readonly CompareModel[] | null {
    return this.models;
  }

  set(models: readonly CompareModel[] | null): void {
    this.models = models;
    this.listeners.forEach((l) => l());
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

export const compareModels = new CompareModels();

export function useCompareModels(): readonly CompareModel[] | null {
  return useSyncExternalStore(
    (cb) => compareModels.subscribe(cb),
    () => compareModels.get(),
  );
}
