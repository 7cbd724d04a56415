/**
 * One run's low-frequency state (plain data only: no engine objects, no Worker). Per-frame traces do not
 * pass through here; they go through the run's frame bus so React does not re-render for every frame.
 * Every run (run/run.ts) has its own store; components reach the one they show through React context.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LossHistory } from '../contracts/runControls.ts';
import type { Divergence, Failure, GradCheckRow, ModelSummary, RunStatus, TaskEvaluation } from '../contracts/protocol.ts';
import type { DataTaskMeta } from '../tasks/data/builtin.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import { type TaskId } from '../tasks/taskSpec.ts';

export type WalkMode = 'forward' | 'backward';

export interface Selection {
  /** Timestep cursor over the probe sequence, 0-based. */
  t: number;
  layer: number;
  unit: number;
  /** Forward pass or the BPTT walk (shows ∂L/∂c_t, ∂L/∂h_t arriving). */
  walk: WalkMode;
  /** The training step whose snapshot the panels show (the kept one at or before it); null = live. */
  historyStep: number | null;
}

/** Fetching (or taking from the upload) a dataset task's data before its run can start. */
export interface DataLoad {
  status: 'idle' | 'loading' | 'error';
  task: TaskId | null;
  /** Why loading failed (shown as is). */
  message: string | null;
}

/** The gradient check of the current run (it runs in the worker; results stay until the next check or run). */
export interface GradCheckState {
  status: 'idle' | 'running' | 'done';
  /** Entries compared so far, of `total`. */
  done: number;
  total: number;
  rows: GradCheckRow[];
  /** Central-difference step and training step of the check running or shown. */
  eps: number;
  step: number;
}

export const IDLE_GRAD_CHECK: GradCheckState = { status: 'idle', done: 0, total: 0, rows: [], eps: 1e-5, step: 0 };

export interface AppState {
  config: RunConfig;
  runId: number;
  status: RunStatus;
  step: number;
  lastLoss: number | null;
  stepsPerSecond: number;
  summary: ModelSummary | null;
  failure: Failure | null;
  /** The loss is blowing up without NaN (the worker's divergence watch); training goes on. */
  divergence: Divergence | null;
  loss: LossHistory;
  selection: Selection;
  /** Training speed cap (steps/s); null = full speed. */
  speed: number | null;
  // data tasks
  /** What a dataset task is made of (series, split, scaler, windows; or the vocabulary), per run; null for generated tasks. */
  taskMeta: DataTaskMeta | null;
  /** The latest test-split evaluation (or text sample) of this run. */
  evaluation: TaskEvaluation | null;
  dataLoad: DataLoad;
  /** The trainer could not carry out a message (e.g. a window longer than the data); the run is paused. */
  runError: string | null;
  gradCheck: GradCheckState;
  /** The training worker died (this says why) and a new one restarted the run at step 0. */
  workerLost: string | null;
}

export type AppStore = StoreApi<AppState>;

export function initialState(config: RunConfig = DEFAULT_RUN_CONFIG): AppState {
  return {
    config,
    runId: 1,
    ...newRunState(),
    selection: { t: 0, layer: 0, unit: 0, walk: 'forward', historyStep: null },
    speed: null,
  };
}

type RunState = Pick<
  AppState,
  'status' | 'step' | 'lastLoss' | 'stepsPerSecond' | 'summary' | 'failure' | 'divergence' | 'loss' | 'taskMeta' | 'evaluation' | 'dataLoad' | 'runError' | 'gradCheck' | 'workerLost'
>;

/** What every run starts from: the page's first, and each one the client starts. */
export function newRunState(): RunState {
  return {
    status: 'paused',
    step: 0,
    lastLoss: null,
    stepsPerSecond: 0,
    summary: null,
    failure: null,
    divergence: null,
    loss: { train: [], time: [], stride: 1, validation: [] },
    taskMeta: null,
    evaluation: null,
    dataLoad: { status: 'idle', task: null, message: null },
    runError: null,
    gradCheck: IDLE_GRAD_CHECK,
    workerLost: null,
  };
}

/** A fresh store: one per run (run/run.ts makes them). */
export function createAppStore(init: Partial<AppState> = {}): AppStore {
  return createStore<AppState>()(() => ({ ...initialState(), ...init }));
}
