/** What a 'progress' message carries: the losses and times of the steps since the last one, and the step rate. */
import type { Progress } from '../contracts/protocol.ts';

/** Losses and times of the steps since the last 'progress', in growable buffers reused across slices. */
export class PendingProgress {
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
export class RateMeter {
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
