/**
 * The page's side of the trainer: it sends control messages and turns the worker's replies into store
 * updates (one per message) and frames on the frame bus. Replies of an older run (runId ≠ store.runId) are
 * dropped, so nothing of a reset run ever reaches the panels.
 */
import type { AppStore } from '../store/appStore.ts';
import type { FrameBus } from '../store/frameBus.ts';
import { isLiveField, type HyperPatch, type RunConfig } from '../store/runConfig.ts';
import { appendProgress, emptyLossHistory } from './lossHistory.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

/** What the client needs of a Worker (a real one, or an in-memory fake in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  terminate(): void;
}

export function createTrainerWorker(): WorkerLike {
  return new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module' });
}

export class TrainerClient {
  private readonly worker: WorkerLike;

  constructor(
    private readonly store: AppStore,
    private readonly bus: FrameBus,
    createWorker: () => WorkerLike = createTrainerWorker,
  ) {
    this.worker = createWorker();
    this.worker.onmessage = (e) => this.receive(e.data);
  }

  /** A new run (next runId) from `config`, paused at step 0. */
  start(config: RunConfig): void {
    const s = this.store.getState();
    const runId = s.runId + 1;
    this.bus.clear();
    const sel = s.selection;
    this.store.setState({
      runId,
      config,
      status: 'paused',
      step: 0,
      lastLoss: null,
      stepsPerSecond: 0,
      summary: null,
      failure: null,
      loss: emptyLossHistory(),
      // The old cursor may point past the new model or sequence; history snapshots are gone.
      selection: {
        ...sel,
        t: Math.min(sel.t, config.seqLen - 1),
        layer: Math.min(sel.layer, config.numLayers - 1),
        unit: Math.min(sel.unit, config.hiddenSize - 1),
        historyIndex: null,
      },
    });
    this.send({ type: 'init', runId, config });
    this.send({ type: 'setSpeed', runId, stepsPerSecond: s.speed });
  }

  play(): void {
    this.store.setState({ failure: null });
    this.send({ type: 'play', runId: this.runId });
  }

  pause(): void {
    this.send({ type: 'pause', runId: this.runId });
  }

  toggle(): void {
    if (this.store.getState().status === 'playing') this.pause();
    else this.play();
  }

  /** Exactly `count` training steps, then paused. */
  step(count = 1): void {
    this.send({ type: 'step', runId: this.runId, count });
  }

  /** Re-initialise with the current config (and so the same seed): back to step 0 of the same run. */
  reset(): void {
    this.start(this.store.getState().config);
  }

  setHyper(patch: HyperPatch): void {
    this.store.setState((s) => ({ config: { ...s.config, ...patch } }));
    this.send({ type: 'setHyper', runId: this.runId, patch });
  }

  setSpeed(stepsPerSecond: number | null): void {
    this.store.setState({ speed: stepsPerSecond });
    this.send({ type: 'setSpeed', runId: this.runId, stepsPerSecond });
  }

  /** Live fields change in place (training continues); anything else starts a new run, playing if it was. */
  applyConfig(next: RunConfig): void {
    const { config, status } = this.store.getState();
    const changed = (Object.keys(next) as (keyof RunConfig)[]).filter((k) => next[k] !== config[k]);
    if (changed.length === 0) return;
    if (changed.every(isLiveField)) {
      this.setHyper(Object.fromEntries(changed.map((k) => [k, next[k]])) as HyperPatch);
      return;
    }
    this.start(next);
    if (status === 'playing') this.play();
  }

  dispose(): void {
    this.worker.onmessage = null;
    this.worker.terminate();
  }

  private get runId(): number {
    return this.store.getState().runId;
  }

  private send(msg: ToWorker): void {
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
      case 'error':
        // The store has no field for it yet; the worker has already paused and sent its status.
        console.error(`trainer: ${msg.message}`);
        break;
    }
  }
}
