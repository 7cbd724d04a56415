/**
 * The page's side of the trainer: it sends control messages and turns the worker's replies into store
 * updates (one per message) and frames on the frame bus. Replies of an older run (runId ≠ store.runId) are
 * dropped, so nothing of a reset run ever reaches the panels. A worker that dies (an uncaught error, a
 * message it cannot read, running out of memory) is replaced, and the run it held starts again at step 0.
 */
import { hyperFor, modelConfig, type CompareVariant } from '../contracts/compareSet.ts';
import { fitCursor } from '../store/actions.ts';
import { IDLE_GRAD_CHECK, newRunState, type AppStore } from '../store/appStore.ts';
import type { FrameBus } from '../store/frameBus.ts';
import type { RunCapture, RunStart } from '../contracts/runControls.ts';
import { isLiveField, type HyperPatch, type RunConfig } from '../contracts/runConfig.ts';
import type { TaskData } from '../tasks/dataTasks.ts';
import { appendProgress } from './lossHistory.ts';
import type { FromWorker, RunSnapshot, ToWorker } from '../contracts/protocol.ts';
import { createTrainerWorker, workerErrorText, type WorkerLike } from './trainerWorker.ts';

/** Where dataset tasks get their data (client/taskData.ts on the page; tests pass their own). */
export interface TaskDataSource {
  /** Which data a run of `config` needs (same key = same data); null for generated tasks. */
  key(config: RunConfig): string | null;
  load(config: RunConfig): Promise<TaskData>;
}

export class TrainerClient {
  /** Opened by the first message: a run replaced before it sends anything (a race opened from a link) costs no worker. */
  private worker: WorkerLike | null = null;
  private disposed = false;
  /** The data of the latest dataset-task run and their key, reused while the key stays the same. */
  private data: TaskData | undefined;
  private dataKey: string | null = null;
  /** Bumped by every start: a load that finishes after a newer start is dropped. */
  private loadToken = 0;
  private cpuShare = 1;
  /** Id of the latest gradient check asked for; replies to older ones are dropped. */
  private gradCheckRequest = 0;
  /** The config of the run the worker last started: what a failed load falls back to. */
  private ranConfig: RunConfig | null = null;
  /** Play was asked for while the data of the next run were still loading: that run starts playing. */
  private playWhenLoaded = false;
  /** Steps asked for while the data of the next run were still loading: that run takes them. */
  private stepsWhenLoaded = 0;
  private loading = false;
  /** Snapshots asked for and not yet answered (a new run rejects them). */
  private snapshots = new Map<number, { resolve: (s: RunSnapshot) => void; reject: (e: Error) => void }>();
  private snapshotRequest = 0;

  constructor(
    private readonly store: AppStore,
    private readonly bus: FrameBus,
    private readonly createWorker: () => WorkerLike = createTrainerWorker,
    private readonly dataSource: TaskDataSource | null = null,
    /** In a race, what this client trains differently from the page config (its architecture or setting). */
    private readonly variant: CompareVariant | null = null,
  ) {}

  private openWorker(): WorkerLike {
    const worker = this.createWorker();
    worker.onmessage = (e) => this.receive(e.data);
    worker.onerror = (e) => this.workerDied(worker, e);
    worker.onmessageerror = (e) => this.workerDied(worker, e);
    return worker;
  }

  /**
   * The worker is gone (or can no longer be trusted): a new one takes over and the run it held starts
   * again from its config at step 0; the page says what happened. Play, Step and Reset work again at once.
   */
  private workerDied(worker: WorkerLike, event: ErrorEvent | Event): void {
    if (worker !== this.worker) return;
    if ('preventDefault' in event) event.preventDefault();
    const message = workerErrorText(event);
    console.error(`trainer worker stopped: ${message}`);
    this.closeWorker(worker);
    this.worker = this.openWorker();
    const config = this.ranConfig ?? this.store.getState().config;
    this.loadToken += 1;
    this.loading = false;
    this.playWhenLoaded = false;
    this.begin(config, this.dataKey !== null ? this.data : undefined);
    this.store.setState({ workerLost: message });
  }

  private closeWorker(worker: WorkerLike): void {
    worker.onmessage = null;
    worker.onerror = null;
    worker.onmessageerror = null;
    worker.terminate();
  }

  /**
   * A new run (next runId) from `config`, paused at step 0. A dataset task runs on `data`, or on the data
   * already held for it, or on data the source loads first (the store's dataLoad says so meanwhile).
   */
  start(config: RunConfig, data?: TaskData): void {
    this.open(config, data, false);
  }

  /** A new run of `config` that starts from given weights or a saved run (paused), with its loss history and snapshots. */
  startFrom(config: RunConfig, from: RunStart, data?: TaskData): void {
    this.open(config, data, false, from);
  }

  /** The run now at full precision, with the page's loss history and training-history frames up to the same step. */
  snapshot(): Promise<RunCapture> {
    const requestId = ++this.snapshotRequest;
    const runId = this.runId;
    const snapshot = new Promise<RunSnapshot>((resolve, reject) => this.snapshots.set(requestId, { resolve, reject }));
    this.send({ type: 'snapshot', runId, requestId });
    return snapshot.then((s) => {
      const { config, loss } = this.store.getState();
      return {
        config,
        snapshot: s,
        // The history arrays grow in place; the capture keeps its own copies.
        loss: { train: loss.train.slice(), time: loss.time.slice(), stride: loss.stride, validation: loss.validation.slice() },
        frames: this.bus.history().slice(),
      };
    });
  }

  private open(config: RunConfig, data: TaskData | undefined, play: boolean, from?: RunStart): void {
    const token = ++this.loadToken;
    const key = this.dataSource?.key(config) ?? null;
    if (data === undefined && key !== null && key !== this.dataKey && this.dataSource) {
      this.loadThenOpen(this.dataSource, config, key, play, token, from);
      return;
    }
    if (data !== undefined) {
      this.data = data;
      this.dataKey = key;
    }
    this.loading = false;
    this.playWhenLoaded = false;
    this.stepsWhenLoaded = 0;
    this.begin(config, data ?? (key !== null ? this.data : undefined), from);
    if (play) this.play();
  }

  /**
   * Pause the current run while the data load (a Play meanwhile is kept for the new run); on failure, say
   * why and go back to the config of the run still held — the one the worker last started.
   */
  private loadThenOpen(source: TaskDataSource, config: RunConfig, key: string, play: boolean, token: number, from?: RunStart): void {
    const previous = this.ranConfig ?? this.store.getState().config;
    this.pause();
    this.loading = true;
    this.playWhenLoaded = play;
    this.store.setState({ config, dataLoad: { status: 'loading', task: config.task, message: null } });
    source.load(config).then(
      (data) => {
        if (token !== this.loadToken) return;
        const playNow = this.playWhenLoaded;
        const steps = this.stepsWhenLoaded;
        this.loading = false;
        this.playWhenLoaded = false;
        this.stepsWhenLoaded = 0;
        this.data = data;
        this.dataKey = key;
        this.begin(config, data, from);
        if (steps > 0) this.step(steps);
        if (playNow) this.play();
      },
      (e: unknown) => {
        if (token !== this.loadToken) return;
        this.loading = false;
        this.playWhenLoaded = false;
        this.stepsWhenLoaded = 0;
        const message = e instanceof Error ? e.message : String(e);
        this.store.setState({ config: previous, dataLoad: { status: 'error', task: config.task, message } });
      },
    );
  }

  private begin(config: RunConfig, data: TaskData | undefined, from?: RunStart): void {
    const s = this.store.getState();
    const runId = s.runId + 1;
    this.bus.clear();
    for (const p of this.snapshots.values()) p.reject(new Error('the run was replaced before its snapshot was taken'));
    this.snapshots.clear();
    this.store.setState({
      runId,
      config,
      ...newRunState(),
      // The old cursor may point past the new model or sequence; history snapshots are gone.
      selection: fitCursor(s.selection, config),
    });
    this.ranConfig = config;
    if (from) {
      // A continued run keeps its history: the loss curve and the scrubber's snapshots up to its step.
      if (from.loss) this.store.setState({ loss: from.loss, step: from.resume.state?.step ?? 0 });
      for (const e of from.frames ?? []) this.bus.publish(e.frame);
    }
    this.send({ type: 'init', runId, config: this.variant ? modelConfig(config, this.variant) : config, data, resume: from?.resume });
    this.send({ type: 'setSpeed', runId, stepsPerSecond: s.speed });
    if (this.cpuShare < 1) this.send({ type: 'setCpuShare', runId, share: this.cpuShare });
  }

  play(): void {
    if (this.loading) {
      // The old run stays paused; the run being loaded starts playing.
      this.playWhenLoaded = true;
      return;
    }
    this.store.setState({ failure: null });
    this.dropRunningGradCheck();
    this.send({ type: 'play', runId: this.runId });
  }

  pause(): void {
    this.playWhenLoaded = false;
    this.send({ type: 'pause', runId: this.runId });
  }

  /** Playing, or about to play once the data of the next run are loaded. */
  isPlaying(): boolean {
    return this.playWhenLoaded || this.store.getState().status === 'playing';
  }

  toggle(): void {
    if (this.isPlaying()) this.pause();
    else this.play();
  }

  /** Exactly `count` training steps, then paused. */
  step(count = 1): void {
    if (this.loading) {
      this.stepsWhenLoaded += count;
      return;
    }
    this.dropRunningGradCheck();
    this.send({ type: 'step', runId: this.runId, count });
  }

  /**
   * Check the analytic gradient against central differences in the worker (training pauses meanwhile);
   * progress and the rows arrive in the store's gradCheck. Play, Step or a new run cancel it.
   */
  gradCheck(eps: number, maxPerGroup: number | null): void {
    const requestId = ++this.gradCheckRequest;
    this.store.setState((s) => ({ gradCheck: { status: 'running', done: 0, total: 0, rows: [], eps, step: s.step } }));
    this.send({ type: 'gradCheck', runId: this.runId, requestId, eps, maxPerGroup });
  }

  /** The worker drops a running check when training moves the weights; so does the page. */
  private dropRunningGradCheck(): void {
    if (this.store.getState().gradCheck.status === 'running') this.store.setState({ gradCheck: IDLE_GRAD_CHECK });
  }

  /** Re-initialise with the current config (and so the same seed): back to step 0 of the same run. */
  reset(): void {
    this.start(this.store.getState().config);
  }

  setHyper(patch: HyperPatch): void {
    this.store.setState((s) => ({ config: { ...s.config, ...patch } }));
    this.send({ type: 'setHyper', runId: this.runId, patch: this.variant ? hyperFor(patch, this.variant) : patch });
  }

  setSpeed(stepsPerSecond: number | null): void {
    this.store.setState({ speed: stepsPerSecond });
    this.send({ type: 'setSpeed', runId: this.runId, stepsPerSecond });
  }

  /** Share of a core the worker may keep busy (kept for later runs); see ToWorker 'setCpuShare'. */
  setCpuShare(share: number): void {
    this.cpuShare = share;
    this.send({ type: 'setCpuShare', runId: this.runId, share });
  }

  /** Live fields change in place (training continues); anything else starts a new run, playing if it was. */
  applyConfig(next: RunConfig): void {
    const { config } = this.store.getState();
    // A racer trains its own variant: the page's value of what the variant fixes is only recorded.
    const changed = (Object.keys(next) as (keyof RunConfig)[]).filter((k) => next[k] !== config[k] && !(this.variant && k in this.variant.patch));
    // New data under the same config (a new upload, or a load still under way) also restarts.
    const key = this.dataSource?.key(next) ?? null;
    const newData = key !== null && key !== this.dataKey;
    if (changed.length === 0 && !newData) {
      if (next !== config) this.store.setState({ config: next });
      return;
    }
    if (!newData && changed.every(isLiveField)) {
      this.setHyper(Object.fromEntries(changed.map((k) => [k, next[k]])) as HyperPatch);
      this.store.setState({ config: next });
      return;
    }
    this.open(next, undefined, this.isPlaying());
  }

  dispose(): void {
    this.loadToken += 1;
    this.disposed = true;
    if (this.worker) this.closeWorker(this.worker);
    this.worker = null;
  }

  private get runId(): number {
    return this.store.getState().runId;
  }

  private send(msg: ToWorker): void {
    if (this.disposed) return;
    this.worker ??= this.openWorker();
    this.worker.postMessage(msg);
  }

  private receive(msg: FromWorker): void {
    if (msg.runId !== this.runId) return;
    switch (msg.type) {
      case 'ready':
        this.store.setState({ summary: msg.summary });
        break;
      case 'status':
        this.store.setState({ status: msg.status, step: msg.step });
        break;
      case 'progress': {
        const p = msg.progress;
        const n = p.losses.length;
        this.store.setState((s) => ({
          loss: appendProgress(s.loss, p),
          step: n > 0 ? p.firstStep + n - 1 : s.step,
          lastLoss: n > 0 ? p.losses[n - 1] : s.lastLoss,
          stepsPerSecond: p.stepsPerSecond,
        }));
        break;
      }
      case 'frame':
        this.bus.publish(msg.frame);
        break;
      case 'failure':
        this.store.setState({ failure: msg.failure });
        break;
      case 'divergence':
        this.store.setState({ divergence: msg.divergence });
        break;
      case 'taskMeta':
        this.store.setState({ taskMeta: msg.meta });
        break;
      case 'evaluation':
        this.store.setState({ evaluation: msg.evaluation });
        break;
      case 'gradCheckProgress':
        if (msg.requestId === this.gradCheckRequest) this.store.setState((s) => ({ gradCheck: { ...s.gradCheck, done: msg.done, total: msg.total } }));
        break;
      case 'gradCheckResult':
        if (msg.requestId === this.gradCheckRequest) {
          this.store.setState((s) => ({ gradCheck: { ...s.gradCheck, status: 'done', rows: msg.rows, eps: msg.eps, step: msg.step } }));
        }
        break;
      case 'snapshot': {
        const pending = this.snapshots.get(msg.requestId);
        this.snapshots.delete(msg.requestId);
        pending?.resolve(msg.snapshot);
        break;
      }
      case 'error':
        // The worker has already paused and sent its status (and dropped a gradient check it was running).
        this.dropRunningGradCheck();
        this.store.setState({ runError: msg.message });
        console.error(`trainer: ${msg.message}`);
        break;
    }
  }
}
