/**
 * The fast lane for one run's probe frames: the latest live frame plus a bounded training-history ring.
 * Panels read it through run/frameView.ts, whose scheduler repaints them in requestAnimationFrame.
 */
import type { ProbeFrame } from '../contracts/protocol.ts';
import type { HistoryEntry } from '../contracts/runControls.ts';

type Listener = () => void;

/** Bytes held by a frame's arrays. */
export function frameBytes(f: ProbeFrame): number {
  let n = f.x.byteLength + f.output.byteLength + f.target.byteLength + f.dx.byteLength + f.dxNorm.byteLength;
  for (const l of f.layers) {
    for (const a of Object.values(l)) if (a instanceof Float32Array) n += a.byteLength;
  }
  return n;
}

export class FrameBus {
  private live: ProbeFrame | null = null;
  private readonly listeners = new Set<Listener>();
  /** Snapshots kept every `every`-th step; when full, every other one is dropped and `every` doubles. */
  private entries: HistoryEntry[] = [];
  private every = 1;

  constructor(
    /** Memory budget for the history ring. */
    readonly budgetBytes = 64 * 1024 * 1024,
    readonly maxEntries = 400,
  ) {}

  latest(): ProbeFrame | null {
    return this.live;
  }

  history(): readonly HistoryEntry[] {
    return this.entries;
  }

  /** Current history spacing in steps. */
  historyEvery(): number {
    return this.every;
  }

  /** The kept snapshot at or before training step `step`, or null. */
  atOrBefore(step: number): HistoryEntry | null {
    const h = this.entries;
    let lo = 0;
    let hi = h.length - 1;
    let best: HistoryEntry | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (h[mid].step <= step) {
        best = h[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  /**
   * The frame on show for a history cursor (a training step, null = live): the kept snapshot at or before
   * that step. The ring thins out as training goes on, but a step keeps meaning the same moment.
   */
  shown(historyStep: number | null): ProbeFrame | null {
    if (historyStep === null) return this.live;
    return this.atOrBefore(historyStep)?.frame ?? this.live;
  }

  publish(frame: ProbeFrame): void {
    this.live = frame;
    this.remember(frame);
    this.listeners.forEach((l) => l());
  }

  /** Forget everything (a reset or a new run). */
  clear(): void {
    this.live = null;
    this.entries = [];
    this.every = 1;
    this.listeners.forEach((l) => l());
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private capacity(frame: ProbeFrame): number {
    return Math.max(16, Math.min(this.maxEntries, Math.floor(this.budgetBytes / Math.max(1, frameBytes(frame)))));
  }

  private remember(frame: ProbeFrame): void {
    const last = this.entries[this.entries.length - 1];
    if (last && frame.step <= last.step) {
      // A newer frame for the same step (e.g. after a hyper-parameter change) replaces it.
      if (frame.step === last.step) last.frame = frame;
      return;
    }
    if (frame.step % this.every !== 0) return;
    this.entries.push({ step: frame.step, frame });
    const cap = this.capacity(frame);
    while (this.entries.length > cap) {
      this.every *= 2;
      this.entries = this.entries.filter((e) => e.step % this.every === 0);
    }
  }
}
