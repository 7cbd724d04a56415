/**
 * The trainer without the worker: it handles control messages and trains in time slices, returning the
 * messages to post. No `self`, no timers — the caller passes the clock — so it runs and is tested in Node.
 *
 * Pacing: a slice trains until its budget is spent or a frame is due (≥ FRAME_INTERVAL_MS since the last
 * one), then posts one 'progress' with every step's loss and at most one 'frame'. Drawing never throttles
 * training: the probe trace costs one B = 1 forward/backward per display frame, whatever the step rate.
 * A gradient check runs as a job in the same slices while training is paused.
 */
import { evaluateLoss, NonFiniteError, trainStep, type TrainingBatch } from '../engine/train.ts';
import type { HyperPatch, RunConfig } from '../contracts/runConfig.ts';
import { gradCheckBatch, optimizerConfigOf, stepOptionsOf } from './buildRun.ts';
import { DivergenceWatch } from './divergence.ts';
import { describeSite, locateFailure } from './failureSite.ts';
import { GradCheckJob } from './gradCheckJob.ts';
import {
  FRAME_INTERVAL_MS,
  FRAME_SHARE,
  GRAD_CHECK_PROGRESS_MS,
  MECHANISM_MIN_INTERVAL_MS,
  MECHANISM_SHARE,
  TrainingClock,
  validationInterval,
} from './pacing.ts';
import { PendingProgress, RateMeter } from './progressReport.ts';
import type { Failure, FromWorker, RunResume, RunSnapshot, RunStatus, ToWorker } from '../contracts/protocol.ts';
import { openSession, type Session } from './trainerSession.ts';
import type { TaskData } from '../tasks/dataTasks.ts';

export type Clock = () => number;

export class TrainerCore {
  private runId = 0;
  private session: Session | null = null;
  private playing = false;
  /** Share of a core to keep busy; the worker shell rests in between (restAfter). */
  private cpuShare = 1;
  private step = 0;
  private pending = new PendingProgress();
  private rate = new RateMeter();
  private divergence = new DivergenceWatch();
  private frameStep = -1;
  private lastFrameAt = -Infinity;
  /** How long the last probe trace took, without its gradient-decay mechanism. */
  private frameCostMs = 0;
  /** When and at what cost the last costly mechanism was computed. */
  private lastMechanismAt = -Infinity;
  private mechanismCostMs = 0;
  private mechanismStep = -1;
  /** A running gradient check; training is paused meanwhile. */
  private job: GradCheckJob | null = null;
  private jobPostedAt = -Infinity;
  /** Training time (pauses excluded) and the speed cap, a viewer setting kept across runs. */
  private time = new TrainingClock();

  constructor(private readonly clock: Clock = () => performance.now()) {}

  get isPlaying(): boolean {
    return this.playing;
  }

  /** Training or a gradient check wants runFor() slices. */
  get isBusy(): boolean {
    return this.playing || this.job !== null;
  }

  get currentStep(): number {
    return this.step;
  }

  /** The run's parameters at full precision (frames carry Float32 copies); for tests and diagnostics, read only. */
  get weights(): Float64Array | null {
    return this.session?.run.net.params.data ?? null;
  }

  handle(msg: ToWorker): FromWorker[] {
    if (msg.type === 'init') return this.init(msg.runId, msg.config, msg.data, msg.resume);
    if (!this.session || msg.runId !== this.runId) return [];
    const out: FromWorker[] = [];
    try {
      switch (msg.type) {
        case 'play':
          // Training changes the weights under the check: the check is dropped (the page knows it sent Play).
          this.job = null;
          this.play();
          break;
        case 'pause':
          this.pause(out);
          break;
        case 'step':
          this.job = null;
          this.stepExactly(Math.max(1, Math.floor(msg.count ?? 1)), out);
          return out;
        case 'setHyper':
          this.setHyper(msg.patch, out);
          return out;
        case 'setSpeed':
          this.time.setSpeed(msg.stepsPerSecond, this.clock(), this.step);
          return out;
        case 'setCpuShare':
          this.cpuShare = Number.isFinite(msg.share) ? Math.min(1, Math.max(0.05, msg.share)) : 1;
          return out;
        case 'gradCheck':
          this.startGradCheck(msg.requestId, msg.eps, msg.maxPerGroup, out);
          break;
        case 'snapshot':
          // The page then holds every loss up to the snapshot's step when it arrives.
          this.flushProgress(out, this.clock());
          out.push({ type: 'snapshot', runId: this.runId, requestId: msg.requestId, snapshot: this.snapshot() });
          return out;
      }
      out.push(this.status());
    } catch (e) {
      this.abort(e, out);
    }
    return out;
  }

  /**
   * Train while playing for about `budgetMs` (less when a frame falls due or the speed cap is reached), or
   * advance a gradient check by that much.
   */
  runFor(budgetMs: number): FromWorker[] {
    const out: FromWorker[] = [];
    if (this.job) {
      this.advanceGradCheck(budgetMs, out);
      return out;
    }
    if (!this.session || !this.playing) return out;
    try {
      const start = this.clock();
      let now = start;
      while (this.time.stepsAllowed(now, this.step) > 0) {
        const after = this.trainOne(out);
        if (after === null) return out;
        now = after;
        if (now - start >= budgetMs || this.frameDue(now)) break;
      }
      this.flush(out, now, false);
    } catch (e) {
      this.abort(e, out);
    }
    return out;
  }

  /** How long to rest after `workMs` of work so that the work takes only `cpuShare` of the time. */
  restAfter(workMs: number): number {
    return this.cpuShare >= 1 || !this.isBusy ? 0 : (workMs * (1 - this.cpuShare)) / this.cpuShare;
  }

  /** How long the caller may sleep before the next step is due: > 0 only under a speed cap. */
  idleMs(): number {
    return this.playing ? this.time.idleMs(this.clock(), this.step) : 0;
  }

  /** The run now, copied (the caller may keep it while training goes on). */
  private snapshot(): RunSnapshot {
    const { run } = this.session as Session;
    return {
      model: run.net.config,
      weights: run.net.params.data.slice(),
      step: this.step,
      optimizer: run.optimizer.getState(),
      dataRng: run.data.getState(),
      elapsedMs: this.time.at(this.clock()),
    };
  }

  private init(runId: number, config: RunConfig, data?: TaskData, resume?: RunResume): FromWorker[] {
    this.runId = runId;
    this.session = null;
    this.job = null;
    this.playing = false;
    this.step = 0;
    this.pending = new PendingProgress();
    this.rate = new RateMeter();
    this.divergence = new DivergenceWatch();
    this.frameStep = -1;
    this.lastFrameAt = -Infinity;
    this.frameCostMs = 0;
    this.lastMechanismAt = -Infinity;
    this.mechanismCostMs = 0;
    this.mechanismStep = -1;
    this.time.restart(0);
    const out: FromWorker[] = [];
    try {
      this.session = openSession(config, data, resume, this.clock);
      this.step = resume?.state?.step ?? 0;
      this.time.restart(resume?.state?.elapsedMs ?? 0);
      out.push({ type: 'ready', runId, summary: this.session.run.summary }, this.frame(this.clock(), true), this.status());
      const evaluator = this.session.evaluator;
      if (evaluator) out.push({ type: 'taskMeta', runId, meta: evaluator.meta });
      this.evaluate(out, true);
      // A cold first trace (JIT warm-up) says nothing about the cost of the next ones.
      this.frameCostMs = 0;
    } catch (e) {
      this.abort(e, out);
    }
    return out;
  }

  private play(): void {
    if (this.playing) return;
    this.playing = true;
    const now = this.clock();
    this.openSegment(now);
    this.time.resetPace(now, this.step);
  }

  private pause(out: FromWorker[]): void {
    const now = this.clock();
    if (this.playing) {
      this.playing = false;
      this.time.close(now);
    }
    this.flush(out, now, true);
  }

  private stepExactly(count: number, out: FromWorker[]): void {
    this.playing = false;
    if (!this.time.running) this.openSegment(this.clock());
    for (let k = 0; k < count; k++) if (this.trainOne(out) === null) return;
    const now = this.clock();
    this.time.close(now);
    this.flush(out, now, true);
    out.push(this.status());
  }

  private setHyper(patch: HyperPatch, out: FromWorker[]): void {
    const s = this.session as Session;
    const config = { ...s.config, ...patch };
    // Same optimiser kind keeps its moments; validation throws before anything changes.
    s.run.optimizer.setConfig(optimizerConfigOf(config));
    s.config = config;
    s.options = stepOptionsOf(config, s.run.task);
    if (this.divergence.rearm()) out.push({ type: 'divergence', runId: this.runId, divergence: null });
    // A new truncation changes the probe's backward walk: show it now if nothing else will.
    if (!this.playing) out.push(this.frame(this.clock(), true));
    // A new temperature changes the text sample.
    if (!this.playing) this.evaluate(out, true);
  }

  /** One training step; the clock reading after it, or null when it failed (already reported). */
  private trainOne(out: FromWorker[]): number | null {
    const s = this.session as Session;
    const { task, net, optimizer, data, evalNet } = s.run;
    const batch = task.trainBatch(data, s.config.batchSize);
    let loss: number;
    try {
      loss = trainStep(net, optimizer, batch, s.options, s.buffers, s.backup).loss;
    } catch (e) {
      if (!(e instanceof NonFiniteError)) throw e;
      this.fail(e, batch, out);
      return null;
    }
    this.step++;
    const now = this.clock();
    this.pending.push(this.step, loss, this.time.at(now));
    const divergence = this.divergence.push(this.step, loss);
    if (divergence !== undefined) {
      // After the losses that show it, so the page's loss chart already has them.
      this.flushProgress(out, now);
      out.push({ type: 'divergence', runId: this.runId, divergence });
    }
    if (this.step % validationInterval(task.validation.B, s.config.batchSize) === 0) {
      this.pending.addValidation(this.step, evaluateLoss(evalNet, task.validation, task.loss, s.evalBuffers));
    }
    return now;
  }

  /** A NaN/Inf: pause with the last finite weights, and say where it happened. */
  private fail(e: NonFiniteError, batch: TrainingBatch, out: FromWorker[]): void {
    const now = this.clock();
    this.playing = false;
    this.time.close(now);
    const s = this.session as Session;
    const site = locateFailure(e, s.run.net, batch, s.options, s.buffers);
    const failure: Failure = {
      where: e.where,
      tensor: e.tensor,
      step: this.step + 1,
      timestep: site?.timestep ?? null,
      layer: site?.layer ?? null,
      message: site ? `${e.message}: ${describeSite(site)}` : e.message,
    };
    this.flush(out, now, true);
    out.push({ type: 'failure', runId: this.runId, failure }, this.status());
  }

  /** Pause training and start a gradient check of the current weights (replacing one that is running). */
  private startGradCheck(requestId: number, eps: number, maxPerGroup: number | null, out: FromWorker[]): void {
    const s = this.session as Session;
    if (this.playing) this.pause(out);
    this.job = null;
    const job = new GradCheckJob(s.run.net, gradCheckBatch(s.config, s.run.task), s.run.task.loss, { requestId, eps, maxPerGroup, step: this.step });
    this.job = job;
    this.jobPostedAt = this.clock();
    out.push({ type: 'gradCheckProgress', runId: this.runId, requestId, done: 0, total: job.total });
  }

  private advanceGradCheck(budgetMs: number, out: FromWorker[]): void {
    const job = this.job as GradCheckJob;
    const { requestId, step, eps } = job.request;
    try {
      job.advance(budgetMs, this.clock);
    } catch (e) {
      this.job = null;
      this.abort(e, out);
      return;
    }
    const now = this.clock();
    if (job.finished) {
      this.job = null;
      out.push(
        { type: 'gradCheckProgress', runId: this.runId, requestId, done: job.done, total: job.total },
        { type: 'gradCheckResult', runId: this.runId, requestId, step, eps, rows: job.rows() },
      );
    } else if (now - this.jobPostedAt >= GRAD_CHECK_PROGRESS_MS) {
      this.jobPostedAt = now;
      out.push({ type: 'gradCheckProgress', runId: this.runId, requestId, done: job.done, total: job.total });
    }
  }

  /** Anything else that went wrong (an impossible config, a bug): pause and report it, after the steps already done. */
  private abort(e: unknown, out: FromWorker[]): void {
    const now = this.clock();
    this.playing = false;
    this.time.close(now);
    this.flushProgress(out, now);
    out.push({ type: 'error', runId: this.runId, message: e instanceof Error ? e.message : String(e) }, this.status());
  }

  /**
   * Post pending progress, then a frame if the weights changed since the last one and one is due (or `force`);
   * a forced one also when the last frame reused a mechanism of older weights (a pause right after a frame).
   */
  private flush(out: FromWorker[], now: number, force: boolean): void {
    this.flushProgress(out, now);
    const staleMechanism = force && !!this.session?.probe.mechanismIsCostly && this.mechanismStep !== this.step;
    if (this.session && (this.step !== this.frameStep || staleMechanism) && (force || this.frameDue(now))) out.push(this.frame(now, force));
    this.evaluate(out, force);
  }

  /** A dataset task's evaluation, when forced or due (the evaluator paces itself to a small share of the time). */
  private evaluate(out: FromWorker[], force: boolean): void {
    const s = this.session;
    const evaluation = s?.evaluator?.poll(this.step, s.config.temperature, force);
    if (evaluation) out.push({ type: 'evaluation', runId: this.runId, evaluation });
  }

  private flushProgress(out: FromWorker[], now: number): void {
    const progress = this.pending.take(this.rate.sample(this.time.at(now), this.step));
    if (progress) out.push({ type: 'progress', runId: this.runId, progress });
  }

  private frameDue(now: number): boolean {
    // A worker sharing the machine with other racers also shares the page's frame budget.
    return now - this.lastFrameAt >= Math.max(FRAME_INTERVAL_MS / this.cpuShare, this.frameCostMs / FRAME_SHARE);
  }

  /** The probe frame now; `paused`: a frame of a paused run (always with a fresh mechanism). */
  private frame(now: number, paused: boolean): FromWorker {
    const s = this.session as Session;
    this.lastFrameAt = now;
    this.frameStep = this.step;
    const mechanism = paused || now - this.lastMechanismAt >= Math.max(MECHANISM_MIN_INTERVAL_MS, this.mechanismCostMs / MECHANISM_SHARE);
    const start = this.clock();
    const frame = s.probe.capture(this.step, s.options.truncate, mechanism);
    const mechanismMs = s.probe.mechanismMs;
    if (mechanismMs !== null) {
      this.lastMechanismAt = now;
      this.mechanismCostMs = mechanismMs;
      this.mechanismStep = this.step;
    }
    this.frameCostMs = this.clock() - start - (mechanismMs ?? 0);
    return { type: 'frame', runId: this.runId, frame };
  }

  private status(): FromWorker {
    const status: RunStatus = this.playing ? 'playing' : 'paused';
    return { type: 'status', runId: this.runId, status, step: this.step };
  }

  private openSegment(now: number): void {
    this.time.open(now);
    // The rate then spans from here, not from the first flush.
    this.rate.sample(this.time.at(now), this.step);
  }

}
