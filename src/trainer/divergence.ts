/**
 * Training that blows up without a NaN: the loss climbs orders of magnitude and stays there (Adam at a huge
 * learning rate hovers between 1e8 and 1e12; clipped SGD sits at 1e14) while the run looks busy. Watched on
 * the smoothed training loss, so a single noisy batch never raises it.
 */
import type { Divergence } from '../contracts/protocol.ts';

export const DIVERGENCE = {
  /** Smoothing of the loss (an exponential moving average over ~1/alpha steps). */
  alpha: 0.1,
  /** How far above the run's first loss the smoothed loss must be: two orders of magnitude. */
  factor: 100,
  /** For this many consecutive steps, i.e. not a spike it recovers from. */
  steps: 25,
  /** And not falling: it is at least this share of its peak over those steps (a run recovering from a spike is not). */
  fall: 0.5,
  /** So far above the start that falling does not excuse it: four orders of magnitude. */
  farFactor: 1e4,
} as const;

/**
 * Fed every step's loss; says when the run starts diverging and when it stops (the smoothed loss back under
 * the threshold). The baseline is the first step's loss: the untrained model's, before any update.
 */
export class DivergenceWatch {
  private start: number | null = null;
  private smoothed = 0;
  private above = 0;
  private farAbove = 0;
  private diverging = false;
  /** The smoothed loss of the last `steps` steps (a ring), to see whether it is falling. */
  private readonly recent = new Float64Array(DIVERGENCE.steps);
  private at = 0;

  /** A Divergence when the run starts diverging, null when it stops, undefined when nothing changed. */
  push(step: number, loss: number): Divergence | null | undefined {
    if (!Number.isFinite(loss)) return undefined;
    if (this.start === null) {
      this.start = loss;
      this.smoothed = loss;
      return undefined;
    }
    this.smoothed += DIVERGENCE.alpha * (loss - this.smoothed);
    const high = this.start > 0 && this.smoothed > DIVERGENCE.factor * this.start;
    this.above = high ? this.above + 1 : 0;
    this.farAbove = this.start > 0 && this.smoothed > DIVERGENCE.farFactor * this.start ? this.farAbove + 1 : 0;
    this.recent[this.at] = this.smoothed;
    this.at = (this.at + 1) % DIVERGENCE.steps;
    let peak = 0;
    for (const v of this.recent) peak = Math.max(peak, v);
    const falling = this.smoothed < DIVERGENCE.fall * peak;
    if (!this.diverging && ((this.above >= DIVERGENCE.steps && !falling) || this.farAbove >= DIVERGENCE.steps)) {
      this.diverging = true;
      return { step, startLoss: this.start, loss: this.smoothed, ratio: this.smoothed / this.start };
    }
    if (this.diverging && !high) {
      this.diverging = false;
      return null;
    }
    return undefined;
  }

  /**
   * New hyper-parameters: judge the run afresh from here (a divergence that persists is reported again after
   * `steps` more steps). True if a reported divergence is thereby withdrawn.
   */
  rearm(): boolean {
    const was = this.diverging;
    this.above = 0;
    this.farAbove = 0;
    this.diverging = false;
    return was;
  }
}
