/**
 * A run as a value: its state store, its frame source (the frame bus with the training history) and its
 * controls (the trainer client that drives a worker). Made by a factory; the page makes one per model it
 * trains (one, or one per racer in compare mode) and hands the one to show down through RunProvider.
 */
import type { RunCapture, RunStart, TrainerControls } from '../contracts/runControls.ts';
import type { RunConfig } from '../contracts/runConfig.ts';
import type { TaskData } from '../tasks/dataTasks.ts';
import type { CellKind } from '../engine/config.ts';
import type { CompareVariant } from '../contracts/compareSet.ts';
import { createAppStore, type AppState, type AppStore } from '../store/appStore.ts';
import { FrameBus } from '../store/frameBus.ts';
import { TrainerClient, type TaskDataSource } from './trainerClient.ts';
import { createTrainerWorker, type WorkerLike } from './trainerWorker.ts';

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
  /** In a race, the architecture this run trains (null for the page's single run: the config's cell). */
  readonly cell: CellKind | null;
  /** In a race, which racer this run is. */
  readonly racer: Racer | null;
  readonly store: AppStore;
  readonly frames: FrameBus;
  readonly controls: RunControls;
}

/** One racer of a compare session: the variant it trains, its architecture and its place in the race (the charts colour it from these). */
export interface Racer {
  readonly variant: CompareVariant;
  readonly cell: CellKind;
  readonly index: number;
}

export interface RunOptions {
  racer?: Racer | null;
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
    const racer = options.racer ?? null;
    const controls = new TrainerClient(store, frames, deps.createWorker ?? createTrainerWorker, deps.data ?? null, racer?.variant ?? null);
    return { cell: racer?.cell ?? null, racer, store, frames, controls };
  };
}

/** The racer a run of a compare session is (every run of a session has one). */
export function racerOf(run: Run): Racer {
  if (!run.racer) throw new Error('racerOf: a single run is not a racer');
  return run.racer;
}
