/**
 * The trainer without the worker: it handles control messages and trains in time slices, returning the
 * messages to post. No `self`, no timers — the caller passes the clock — so it runs and is tested in Node.
 *
 * Pacing: a slice trains until its budget is spent or a frame is due (≥ FRAME_INTERVAL_MS since the last
 * one), then posts one 'progress' with every step's loss and at most one 'frame'. Drawing never throttles
 * training: the probe trace costs one B = 1 forward/backward per display frame, whatever the step rate.
 * A gradient check runs as a job in the same slices while training is paused.
 */
import { firstNonFiniteOutput, firstNonFiniteState, lastNonFiniteGradient, type NonFiniteSite } from '../engine/analysis/nonFinite.ts';
import { computeLoss, evaluateLoss, LossBuffers, NonFiniteError, trainStep, type StepOptions, type TrainingBatch } from '../engine/train.ts';
import type { HyperPatch, RunConfig } from '../contracts/runConfig.ts';
import { buildRun, gradCheckBatch, optimizerConfigOf, stepOptionsOf, type Run } from './buildRun.ts';
import { createEvaluator, type TaskEvaluator } from './evaluation.ts';
import { DivergenceWatch } from './divergence.ts';
import { GradCheckJob } from './gradCheckJob.ts';
import { ProbeRecorder } from './probeFrame.ts';
import type { Failure, FromWorker, Progress, RunResume, RunSnapshot, RunStatus, ToWorker } from '../contracts/protocol.ts';
import { applyResume } from './resume.ts';
import type { TaskData } from '../tasks/dataTasks.ts';

/** At most one frame per display frame (60 Hz). */
export const FRAME_INTERVAL_MS = 16;
/**
 * The most of the time frames may take: a probe trace costs about 1/B of a training step, so a slow model
 * (or B = 1) gets fewer frames per second rather than slower training.
 */
export const FRAME_SHARE = 0.04;
/**
 * The RNN's gradient-decay mechanism (O(T·H³) Jacobian products) gets its own, smaller share of the training
 * time while playing, and at most MECHANISM_MIN_INTERVAL_MS between computations; frames in between reuse the
 * last one. Frames of a paused run (step, pause, init) always compute it.
 */
export const MECHANISM_SHARE = 0.02;
export const MECHANISM_MIN_INTERVAL_MS = 250;
/** Gradient-check progress messages at most this often. */
export const GRAD_CHECK_PROGRESS_MS = 100;
/** Validation losses at multiples of this many steps. */
export const VALIDATE_EVERY = 25;
/** The most of the training time validation may take (estimated from the batch sizes, so the schedule is deterministic). */
export const VALIDATION_SHARE = 0.03;

/**
 * Steps between validation losses: VALIDATE_EVERY, or a multiple of it when the validation batch is large
 * next to the training batch (a forward pass costs about a third of a training step per sequence).
 */
export function validationInterval(validationBatch: number, batchSize: number): number {
  const costInSteps = validationBatch / (3 * batchSize);
  return VALIDATE_EVERY * Math.max(1, Math.ceil(costInSteps / (VALIDATION_SHARE * VALIDATE_EVERY)));
}
/** The longest sleep idleMs() asks for, so a speed change is noticed quickly. */
const MAX_IDLE_MS = 50;

export type Clock = () => number;

/** Losses and times of the steps since the last 'progress', in growable buffers reused across slices. */
class PendingProgress {
  private losses = new Float64Array(1024);
  private times = new Float64Array(1024);
  private n = 0;
  private firstStep = 0;
  private validation: Progress['validation'] = [];

  push(step: number, loss: number, time: number): void {
    if (this.n === 0) this.firstStep = step;
    if (this.n === this.losses.length) {
      this.losses = grow(this.losses);
      this.times = grow(this.times);
    }
    this.losses[this.n] = loss;
    this.times[this.n] = time;
    this.n++;
  }

  addValidation(step: number, loss: number): void {
    this.validation.push({ step, loss });
  }

  /** The pending steps as a Progress (fresh arrays: they are transferred), or null when there are none. */
  take(stepsPerSecond: number): Progress | null {
    if (this.n === 0 && this.validation.length === 0) return null;
    const p: Progress = {
      firstStep: this.firstStep,
      losses: this.losses.slice(0, this.n),
      times: this.times.slice(0, this.n),
      validation: this.validation,
      stepsPerSecond,
    };
    this.n = 0;
    this.validation = [];
    return p;
  }
}

function grow(a: Float64Array): Float64Array<ArrayBuffer> {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}

/** Steps per second over the last second of training time. */
class RateMeter {
  private times: number[] = [];
  private steps: number[] = [];

  sample(time: number, step: number): number {
    this.times.push(time);
    this.steps.push(step);
    // Keep one sample at or before the window start, so the rate spans a full second once there is one.
    let drop = 0;
    while (drop + 1 < this.times.length && this.times[drop + 1] <= time - 1000) drop++;
    if (drop > 0) {
      this.times.splice(0, drop);
      this.steps.splice(0, drop);
    }
    const dt = time - this.times[0];
    return dt > 0 ? ((step - this.steps[0]) * 1000) / dt : 0;
  }
}

/** One initialised run and its per-run scratch. */
interface Session {
  run: Run;
  config: RunConfig;
  options: StepOptions;
  probe: ProbeRecorder;
  /** Weights before the last update, restored when an update goes non-finite. */
  backup: Float64Array;
  buffers: LossBuffers;
  evalBuffers: LossBuffers;
  /** Dataset tasks: test-split evaluations (or text samples), paced off the training path; null otherwise. */
  evaluator: TaskEvaluator | null;
}

/** Where a NaN/Inf of a failed step first appeared in the unrolled network, said the way the message reads. */
function describeSite(site: NonFiniteSite): string {
  const what = { h: 'h_t', c: 'c_t', y: 'the output', dh: '∂L/∂h_t', dc: '∂L/∂c_t' }[site.quantity];
  const where = site.layer === null ? '' : ` of layer ${site.layer + 1}`;
  return `overflow at timestep ${site.timestep + 1}${where} (${what})`;
}

export class TrainerCore {
  private runId = 0;
  private session: Session | null = null;
  private playing = false;
  /** Speed cap in steps/s (null = none); a viewer setting, kept across runs. */
  private speed: number | null = null;
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
  /** Training time: closed segments plus the open one (while playing or stepping). */
  private elapsedMs = 0;
  private segmentStart: number | null = null;
  /** Speed-cap anchor: training time and step when the cap (or play) last started. */
  private paceTime = 0;
  private paceStep = 0;

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
          this.setSpeed(msg.stepsPerSecond);
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
      while (this.stepsAllowed(now) > 0) {
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
    if (!this.playing || this.speed === null) return 0;
    const due = this.paceTime + ((this.step - this.paceStep) * 1000) / this.speed;
    return Math.min(MAX_IDLE_MS, Math.max(0, due - this.trainingTime(this.clock())));
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
      elapsedMs: this.trainingTime(this.clock()),
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
    this.elapsedMs = 0;
    this.segmentStart = null;
    const out: FromWorker[] = [];
    try {
      const run = buildRun(config, data);
      if (resume) {
        applyResume(run, resume);
        this.step = resume.state?.step ?? 0;
        this.elapsedMs = resume.state?.elapsedMs ?? 0;
      }
      const options = stepOptionsOf(config, run.task);
      this.session = {
        run,
        config,
        options,
        probe: new ProbeRecorder(run.probeNet, run.task.probe, run.task.loss, this.clock),
        backup: new Float64Array(run.net.params.size),
        buffers: new LossBuffers(),
        evalBuffers: new LossBuffers(),
        evaluator: createEvaluator(run, config.seed, this.clock),
      };
      out.push({ type: 'ready', runId, summary: run.summary }, this.frame(this.clock(), true), this.status());
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
    this.resetPace(now);
  }

  private pause(out: FromWorker[]): void {
    const now = this.clock();
    if (this.playing) {
      this.playing = false;
      this.closeSegment(now);
    }
    this.flush(out, now, true);
  }

  private stepExactly(count: number, out: FromWorker[]): void {
    this.playing = false;
    if (this.segmentStart === null) this.openSegment(this.clock());
    for (let k = 0; k < count; k++) if (this.trainOne(out) === null) return;
    const now = this.clock();
    this.closeSegment(now);
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

  private setSpeed(stepsPerSecond: number | null): void {
    this.speed = stepsPerSecond !== null && stepsPerSecond > 0 && Number.isFinite(stepsPerSecond) ? stepsPerSecond : null;
    this.resetPace(this.clock());
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
    this.pending.push(this.step, loss, this.trainingTime(now));
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
    this.closeSegment(now);
    const site = this.locate(e, batch);
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

  /**
   * Where the failed step's NaN/Inf appeared in time, by running it again (the weights of a loss or gradient
   * failure are unchanged, so the trace is the same): for a non-finite loss the first state (or else output) to
   * overflow going forward, for a non-finite gradient the first ∂L/∂h_t or ∂L/∂c_t to overflow going back. An overflowed
   * update ('weights') has no place in time.
   */
  private locate(e: NonFiniteError, batch: TrainingBatch): NonFiniteSite | null {
    if (e.where === 'weights') return null;
    const s = this.session as Session;
    const net = s.run.net;
    const H = net.config.hiddenSize;
    const fwd = net.forward(batch, batch.state);
    const state = firstNonFiniteState(fwd, H);
    if (state) return state;
    if (e.where === 'loss') return firstNonFiniteOutput(fwd);
    const dOut = s.buffers.get(fwd.output.length);
    computeLoss(s.options.loss, fwd, batch, dOut);
    net.params.zeroGrad();
    return lastNonFiniteGradient(net.backward(dOut, { truncate: s.options.truncate }), fwd.T, fwd.B, H);
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
    this.closeSegment(now);
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
    const progress = this.pending.take(this.rate.sample(this.trainingTime(now), this.step));
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

  private trainingTime(now: number): number {
    return this.elapsedMs + (this.segmentStart === null ? 0 : now - this.segmentStart);
  }

  private openSegment(now: number): void {
    this.segmentStart = now;
    // The rate then spans from here, not from the first flush.
    this.rate.sample(this.trainingTime(now), this.step);
  }

  private closeSegment(now: number): void {
    if (this.segmentStart === null) return;
    this.elapsedMs += now - this.segmentStart;
    this.segmentStart = null;
  }

  private resetPace(now: number): void {
    this.paceTime = this.trainingTime(now);
    this.paceStep = this.step;
  }

  /** Steps the speed cap allows right now (the first one at once). */
  private stepsAllowed(now: number): number {
    if (this.speed === null) return Infinity;
    return 1 + Math.floor(((this.trainingTime(now) - this.paceTime) * this.speed) / 1000) - (this.step - this.paceStep);
  }
}
