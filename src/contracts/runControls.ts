/** What the page asks of a run's trainer, and the shapes a run is saved and restarted with. */
import type { HyperPatch, RunConfig } from './runConfig.ts';
import type { TaskData } from '../tasks/dataTasks.ts';
import type { ProbeFrame, RunResume, RunSnapshot } from './protocol.ts';

export interface LossHistory {
  /** Training loss of step (k + 1)·stride at index k (index = step − 1 while stride is 1). */
  train: number[];
  /** Training time in ms at the same steps. */
  time: number[];
  /** Steps between kept points: doubles (dropping every other point) when the history reaches its cap. */
  stride: number;
  validation: { step: number; loss: number }[];
}

export interface HistoryEntry {
  step: number;
  frame: ProbeFrame;
}

/** Where a run starts other than its seeded step 0: given weights, or a saved run with its history. */
export interface RunStart {
  resume: RunResume;
  /** The saved run's loss history (up to its step). */
  loss?: LossHistory;
  /** Training-history snapshots, oldest first. */
  frames?: readonly HistoryEntry[];
}

/** A single run at one step: everything needed to save it and continue it later. */
export interface RunCapture {
  config: RunConfig;
  snapshot: RunSnapshot;
  loss: LossHistory;
  frames: readonly HistoryEntry[];
}

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
  /** A single run started from weights or a saved run (absent on a racing model's client). */
  startFrom?(config: RunConfig, from: RunStart, data?: TaskData): void;
  /** The single run now; rejects while several models race. */
  snapshot?(): Promise<RunCapture>;
}

