import { createContext, useContext } from 'react';
import type { HyperPatch, RunConfig } from '../store/runConfig.ts';
import type { TaskData } from '../tasks/dataTasks.ts';
import { useOptionalRun } from '../run/runContext.ts';

/** What the controls need from the trainer client (worker/client.ts implements it); tests can pass a fake. */
export interface TrainerControls {
  /** A new run of `config` (on `data`, for a dataset task whose data the page already has), paused at step 0. */
  start(config: RunConfig, data?: TaskData): void;
  play(): void;
  pause(): void;
  toggle(): void;
  step(count?: number): void;
  reset(): void;
  setHyper(patch: HyperPatch): void;
  setSpeed(stepsPerSecond: number | null): void;
  applyConfig(next: RunConfig): void;
  /** Gradient check of the current run (results land in store.gradCheck); ignored while racing several models. */
  gradCheck(eps: number, maxPerGroup: number | null): void;
}

/** The page's controls (a race is driven as a whole); without it, a component drives the run it shows. */
export const ClientContext = createContext<TrainerControls | null>(null);

export function useClient(): TrainerControls {
  const page = useContext(ClientContext);
  const run = useOptionalRun();
  const client = page ?? run?.controls;
  if (!client) throw new Error('useClient() outside <ClientContext> and <RunProvider>');
  return client;
}
