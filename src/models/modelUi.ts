/** What the model controls show: a read in progress, the last message, a model waiting for the user's choice, the restore notice. */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ModelConfig } from '../engine/config.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import type { RunConfig } from '../contracts/runConfig.ts';
import type { FitReport } from './fit.ts';

export interface ModelMessage {
  kind: 'info' | 'error';
  key: MessageKey;
  vars: Record<string, string | number>;
}

/** An opened model that does not fit the task, kept until the user picks an offer or cancels. */
export interface PendingModel {
  fileName: string;
  model: ModelConfig;
  weights: Float64Array;
  fit: FitReport;
}

export interface ModelUiState {
  /** Share of the file read, while reading. */
  reading: { fileName: string; fraction: number } | null;
  message: ModelMessage | null;
  pending: PendingModel | null;
  /** The run restored after a reload (the notice), or null. */
  restored: { id: string; step: number; savedAt: number; config: RunConfig } | null;
  /** Run ids that started from given weights (autosave keeps them even at step 0). */
  weightRuns: number[];
  /** The step of the last autosave (null: none yet). */
  autosavedStep: number | null;
  /** Why the browser's storage could not keep the run (reported once), or null. */
  storageProblem: string | null;
}

export const modelUi = createStore<ModelUiState>()(() => ({ reading: null, message: null, pending: null, restored: null, weightRuns: [], autosavedStep: null, storageProblem: null }));

export function useModelUi<T>(selector: (s: ModelUiState) => T): T {
  return useStore(modelUi, selector);
}
