/**
 * The one clock the panels draw by. Every view that reads run data asks for a task when its input changed;
 * the scheduler runs the asked-for tasks in requestAnimationFrame within a per-frame time budget, updates
 * views that are off screen only about once a second (what is scrolled away stays roughly current at almost
 * no cost), and spaces out a task by its own measured cost or its minimum interval, so a heavy panel updates
 * less often instead of blocking a frame; after a frame that came late, all views rest in proportion.
 */

export interface FrameTask {
  run(): void;
  /** Off-screen views are updated at OFFSCREEN_INTERVAL_MS only. */
  visible(): boolean;
  /** Least time between two runs, ms (heavy views: a few per second). */
  minIntervalMs: number;
}

export interface Scheduler {
  /** Run `task` in a coming frame; asking again before it ran changes nothing. */
  request(task: FrameTask): void;
  cancel(task: FrameTask): void;
}

/** Runs every task at once: for tests and server rendering, where there are no frames to wait for. */
export const immediateScheduler: Scheduler = {
  request: (task) => task.run(),
  cancel: () => undefined,
};

/** Minimum interval of the heavy views (the race, the decay mechanism, the text colouring, the cell diagram). */
export const HEAVY_INTERVAL_MS = 250;
/** Off-screen views are brought up to date this often, ms. */
const OFFSCREEN_INTERVAL_MS = 1000;
/** Main-thread time the scheduled tasks may use per frame; the first task due always runs. */
export const FRAME_BUDGET_MS = 8;
/**
 * A task is spaced out to at least this many times its own cost, so no view can take more than a fraction
 * of the main thread however slow it is on this machine.
 */
const COST_SPACING = 3;
/** A display frame at 60 Hz, ms, and the jitter of frame times that is not lateness. */
const DISPLAY_FRAME_MS = 1000 / 60;
const FRAME_JITTER_MS = 4;
/** Longest rest after one slow frame, ms (a frame that long was a pause of the tab, not the views' doing). */
const MAX_REST_MS = 750;

interface TaskStats {
  last: number;
  /** Smoothed run time, ms. */
  cost: number;
}

type FrameFn = (cb: (now: number) => void) => number;

export class FrameScheduler implements Scheduler {
  private readonly pending = new Set<FrameTask>();
  private readonly stats = new WeakMap<FrameTask, TaskStats>();
  private frame = 0;
  /** When the last frame began, and whether it ran views. */
  private lastTick = -Infinity;
  private ranLastTick = false;
  /** No views run before this time: the page is catching up with what the last ones cost it. */
  private restUntil = -Infinity;

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly nextFrame: FrameFn = (cb) => requestAnimationFrame(cb),
  ) {}

  request(task: FrameTask): void {
    this.pending.add(task);
    this.wake();
  }

  cancel(task: FrameTask): void {
    this.pending.delete(task);
  }

  /** Tasks waiting for a frame (for tests and the UI benchmark). */
  get size(): number {
    return this.pending.size;
  }

  /** One frame's work; exposed so tests can drive frames by hand. */
  tick(): void {
    this.frame = 0;
    const start = this.now();
    // A task's own timing misses what its output costs later in the frame (React's render, style, layout,
    // paint); the frame after it shows that cost as its lateness. The views then rest COST_SPACING times as
    // long, so most frames stay free on any machine and the views update less often instead.
    if (this.ranLastTick) {
      const late = Math.min(MAX_REST_MS / COST_SPACING, start - this.lastTick - DISPLAY_FRAME_MS - FRAME_JITTER_MS);
      if (late > 0) this.restUntil = start + COST_SPACING * late;
    }
    this.lastTick = start;
    this.ranLastTick = false;
    if (start < this.restUntil) {
      if (this.pending.size > 0) this.wake();
      return;
    }
    let ran = 0;
    for (const task of [...this.pending]) {
      const s = this.stats.get(task) ?? { last: -Infinity, cost: 0 };
      const t = this.now();
      const interval = task.visible() ? task.minIntervalMs : Math.max(task.minIntervalMs, OFFSCREEN_INTERVAL_MS);
      const due = s.last + Math.max(interval, COST_SPACING * s.cost);
      if (t < due) continue;
      if (ran > 0 && t - start > FRAME_BUDGET_MS) break;
      this.pending.delete(task);
      task.run();
      const end = this.now();
      s.cost = s.cost === 0 ? end - t : 0.7 * s.cost + 0.3 * (end - t);
      s.last = end;
      this.stats.set(task, s);
      ran += 1;
    }
    this.ranLastTick = ran > 0;
    // Tasks waiting out their interval are looked at again next frame (a check costs next to nothing); after
    // views ran, the next frame also measures what they cost.
    if (this.pending.size > 0 || ran > 0) this.wake();
  }

  private wake(): void {
    if (this.frame !== 0) return;
    this.frame = this.nextFrame(() => this.tick());
  }
}
