/**
 * The page's top-level driver: the runs it trains — one, or (config.compare) one per racer — and which of
 * them the panels show. Its workspace store says so; the app hands the focused run down through
 * RunProvider. The toolbar, the keyboard and the sidebar drive the page through it: a race is driven as a
 * whole. Switching mode closes the old runs before the new ones open. A run over the cost budget is started
 * only after the user has answered (AskCost).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RunCapture, RunStart, TrainerControls } from '../contracts/runControls.ts';
import { copyCursor } from '../store/actions.ts';
import type { AppState } from '../store/appStore.ts';
import type { HyperPatch, RunConfig } from '../contracts/runConfig.ts';
import type { TaskData } from '../tasks/dataTasks.ts';
import { costQuestionFor, type AskCost } from './costGate.ts';
import { estimateRunCost } from '../contracts/runCost.ts';
import type { Run, RunFactory } from './run.ts';
import { raceKey } from '../contracts/compareSet.ts';
import { CompareSession } from './session.ts';

export interface WorkspaceState {
  /** The runs of the page: the single run, or the racers of a compare session. */
  runs: readonly Run[];
  /** Index (in runs) of the run the panels show. */
  focus: number;
  /** Several runs race (compare mode). */
  racing: boolean;
}

export type WorkspaceStore = StoreApi<WorkspaceState>;

export function focusedRun(s: WorkspaceState): Run {
  return s.runs[Math.min(s.focus, s.runs.length - 1)];
}

/** What a new run takes over from the one shown before: the page's config, cursor and speed. */
function pageFields(run: Run): Partial<AppState> {
  const { config, selection, speed } = run.store.getState();
  return { config, selection: { ...selection, historyStep: null }, speed };
}

export class RunController implements TrainerControls {
  readonly workspace: WorkspaceStore;
  private session: CompareSession | null = null;
  /** The racer the user focused last (its variant id); kept across races (null = the first racer). */
  private focusId: string | null = null;
  /** Bumped by every start: an answer to an older cost question starts nothing. */
  private request = 0;

  constructor(
    private readonly makeRun: RunFactory,
    init: Partial<AppState> = {},
    private readonly askCost: AskCost | null = null,
  ) {
    this.workspace = createStore<WorkspaceState>()(() => ({ runs: [makeRun({ init })], focus: 0, racing: false }));
  }

  /** The run the panels show. */
  get focused(): Run {
    return focusedRun(this.workspace.getState());
  }

  /** Runs `config` (on `data`, for a dataset task) from step 0, in the mode it asks for — after asking, if costly. */
  start(config: RunConfig, data?: TaskData): void {
    this.gate(config, false, (c) => this.startNow(c, data));
  }

  play(): void {
    this.current().play();
  }

  pause(): void {
    this.current().pause();
  }

  /** Follows what the toolbar shows: the focused run's state (a race is played or paused as a whole). */
  toggle(): void {
    if (this.focused.controls.isPlaying()) this.pause();
    else this.play();
  }

  step(count = 1): void {
    this.current().step(count);
  }

  reset(): void {
    this.current().reset();
  }

  setHyper(patch: HyperPatch): void {
    this.current().setHyper(patch);
  }

  setSpeed(stepsPerSecond: number | null): void {
    this.current().setSpeed(stepsPerSecond);
  }

  applyConfig(next: RunConfig): void {
    const current = this.focused.store.getState().config;
    const playing = this.focused.controls.isPlaying();
    this.gate(next, true, (config) => {
      const key = raceKey(config);
      const sameMode = this.session ? key === this.session.key : key === '';
      if (sameMode) {
        this.current().applyConfig(config);
        return;
      }
      this.startNow(config);
      if (playing) this.play();
    }, current);
  }

  /** Always a single run: a race has no one set of weights to start from. */
  startFrom(config: RunConfig, from: RunStart, data?: TaskData): void {
    this.openSingle().controls.startFrom({ ...config, compare: 'off' }, from, data);
  }

  snapshot(): Promise<RunCapture> {
    if (this.session) return Promise.reject(new Error('a race of several models cannot be saved as one session'));
    return this.focused.controls.snapshot();
  }

  gradCheck(eps: number, maxPerGroup: number | null): void {
    // A race has no single run to check; the panel says so.
    if (!this.session) this.focused.controls.gradCheck(eps, maxPerGroup);
  }

  /** Show racer `id` (its variant id) in the panels; the cursor moves over with the focus, so the view stays put. */
  setFocus(id: string): void {
    this.focusId = id;
    const s = this.workspace.getState();
    const index = s.runs.findIndex((r) => r.racer?.variant.id === id);
    if (index < 0 || index === s.focus) return;
    copyCursor(focusedRun(s).store, s.runs[index].store);
    this.workspace.setState({ focus: index });
  }

  dispose(): void {
    for (const r of this.workspace.getState().runs) r.controls.dispose();
    this.session = null;
  }

  /**
   * Runs `go` now, or after the user agreed to a config over budget (with the config they chose). A change
   * that leaves the cost as it is never asks, so live edits of a run the user accepted go through.
   */
  private gate(config: RunConfig, running: boolean, go: (config: RunConfig) => void, current?: RunConfig): void {
    const token = ++this.request;
    const sameCost = current !== undefined && sameEstimate(current, config);
    const question = this.askCost && !sameCost ? costQuestionFor(config, running) : null;
    if (!question || !this.askCost) {
      go(config);
      return;
    }
    void this.askCost(question).then((choice) => {
      if (choice && token === this.request) go(choice);
    });
  }

  private startNow(config: RunConfig, data?: TaskData): void {
    if (raceKey(config) === '') this.openSingle().controls.start(config, data);
    else this.openRace(config).start(config, data);
  }

  private current(): CompareSession | Run['controls'] {
    return this.session ?? this.focused.controls;
  }

  private openSingle(): Run {
    if (!this.session) return this.focused;
    const run = this.makeRun({ init: pageFields(this.focused) });
    this.replaceRuns([run], 0, false);
    return run;
  }

  private openRace(config: RunConfig): CompareSession {
    if (this.session && this.session.key === raceKey(config)) return this.session;
    const session = new CompareSession(config, this.makeRun, pageFields(this.focused));
    const focus = Math.max(0, session.runs.findIndex((r) => r.racer?.variant.id === this.focusId));
    this.replaceRuns(session.runs, focus, true);
    this.session = session;
    return session;
  }

  private replaceRuns(runs: readonly Run[], focus: number, racing: boolean): void {
    const old = this.workspace.getState().runs;
    this.session = null;
    for (const r of old) r.controls.dispose();
    this.workspace.setState({ runs, focus, racing });
  }
}

function sameEstimate(a: RunConfig, b: RunConfig): boolean {
  const x = estimateRunCost(a);
  const y = estimateRunCost(b);
  return x.bytes === y.bytes && x.flops === y.flops;
}
