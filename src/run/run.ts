/**
 * A run as a value: its state store, its frame source (the frame bus with the training history) and its
 * controls (the trainer client that drives a worker). Made by a factory; the page makes one per model it
 * trains (one, or one per racer in compare mode) and hands the one to show down through RunProvider.
 */
import type { RunCapture, RunStart, TrainerControls } from '../app/clientContext.ts';
import type { RunConfig } from '../store/runConfig.ts';
import type { TaskData } from '../tasks/dataTasks.ts';
import type { CellKind } from '../engine/config.ts';
import { createAppStore, type AppState, type AppStore } from '../store/appStore.ts';
import { FrameBus } from '../store/frameBus.ts';
import { createTrainerWorker, TrainerClient, type TaskDataSource, type WorkerLike } from '../worker/client.ts';

/** What drives one run: the trainer controls, the share of a core it may use, and closing it. */
export interface RunControls extends TrainerControls {
  setCpuShare(share: number): void;
  /** Playing, or about to play once its data are loaded. */
  isPlaying(): boolean;
  startFrom(config: RunConfig, from: RunStart, data?: TaskData): void;
  snapshot(): Promise<RunCapture>;
  dispose(): void;
}

export interface Run {
  /** In a race, the architecture this run trains (the page config's cell otherwise). */
  readonly cell: CellKind | null;
  readonly store: AppStore;
  readonly frames: FrameBus;
  readonly controls: RunControls;
}

export interface RunOptions {
  cell?: CellKind | null;
  /** What the new run's store starts with (the page's config, cursor and speed). */
  init?: Partial<AppState>;
  /** Memory for the run's training-history snapshots. */
  historyBudgetBytes?: number;
}

export type RunFactory = (options?: RunOptions) => Run;

/** Where the runs of a page get their workers and dataset data (tests pass fakes). */
export interface RunDeps {
  createWorker?: () => WorkerLike;
  data?: TaskDataSource | null;
}

export function runFactory(deps: RunDeps = {}): RunFactory {
  return (options = {}) => {
    const store = createAppStore(options.init);
    const frames = new FrameBus(options.historyBudgetBytes);
    const cell = options.cell ?? null;
    const controls = new TrainerClient(store, frames, deps.createWorker ?? createTrainerWorker, deps.data ?? null, cell);
    return { cell, store, frames, controls };
  };
}
