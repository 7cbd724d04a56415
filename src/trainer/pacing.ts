/**
 * How the trainer spends its time: how often frames, the gradient-decay mechanism, validation and
 * gradient-check progress may cost it, and the training clock the loss times and the speed cap are read on.
 */

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
const VALIDATION_SHARE = 0.03;

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

/**
 * Training time — closed segments plus the open one while playing or stepping, so pauses do not count — and
 * the speed cap measured on it. The cap is a viewer setting and outlives a new run; the time does not.
 */
export class TrainingClock {
  private elapsedMs = 0;
  private segmentStart: number | null = null;
  /** Speed cap in steps/s (null = none). */
  private speed: number | null = null;
  /** Speed-cap anchor: training time and step when the cap (or play) last started. */
  private paceTime = 0;
  private paceStep = 0;

  /** A new run's clock, from `elapsedMs` (a resumed run's training time so far). */
  restart(elapsedMs: number): void {
    this.elapsedMs = elapsedMs;
    this.segmentStart = null;
  }

  at(now: number): number {
    return this.elapsedMs + (this.segmentStart === null ? 0 : now - this.segmentStart);
  }

  get running(): boolean {
    return this.segmentStart !== null;
  }

  open(now: number): void {
    this.segmentStart = now;
  }

  close(now: number): void {
    if (this.segmentStart === null) return;
    this.elapsedMs += now - this.segmentStart;
    this.segmentStart = null;
  }

  setSpeed(stepsPerSecond: number | null, now: number, step: number): void {
    this.speed = stepsPerSecond !== null && stepsPerSecond > 0 && Number.isFinite(stepsPerSecond) ? stepsPerSecond : null;
    this.resetPace(now, step);
  }

  resetPace(now: number, step: number): void {
    this.paceTime = this.at(now);
    this.paceStep = step;
  }

  /** Steps the speed cap allows right now (the first one at once). */
  stepsAllowed(now: number, step: number): number {
    if (this.speed === null) return Infinity;
    return 1 + Math.floor(((this.at(now) - this.paceTime) * this.speed) / 1000) - (step - this.paceStep);
  }

  /** How long the caller may sleep before the next step is due: > 0 only under a speed cap. */
  idleMs(now: number, step: number): number {
    if (this.speed === null) return 0;
    const due = this.paceTime + ((step - this.paceStep) * 1000) / this.speed;
    return Math.min(MAX_IDLE_MS, Math.max(0, due - this.at(now)));
  }
}
