import { describe, expect, it } from 'vitest';
import { FRAME_BUDGET_MS, FrameScheduler, HEAVY_INTERVAL_MS, type FrameTask } from './scheduler.ts';

/** A scheduler on a hand-driven clock and frame source. */
function setup() {
  let now = 0;
  let frames: (() => void)[] = [];
  const scheduler = new FrameScheduler(
    () => now,
    (cb) => {
      frames.push(() => cb(now));
      return frames.length;
    },
  );
  const frame = (advance = 16): void => {
    now += advance;
    const due = frames;
    frames = [];
    due.forEach((f) => f());
  };
  const task = (cost: number, options: Partial<FrameTask> = {}) => {
    const t = { runs: 0, visible: () => true, minIntervalMs: 0, ...options, run: () => {
      t.runs += 1;
      now += cost;
    } };
    return t;
  };
  return { scheduler, frame, task, pending: () => frames.length };
}

describe('FrameScheduler', () => {
  it('runs an asked-for task once in the next frame, however often it was asked', () => {
    const { scheduler, frame, task } = setup();
    const t = task(1);
    scheduler.request(t);
    scheduler.request(t);
    expect(t.runs).toBe(0);
    frame();
    expect(t.runs).toBe(1);
    frame();
    expect(t.runs).toBe(1);
  });

  it('stops a frame at the budget and carries the rest over to the next', () => {
    const { scheduler, frame, task } = setup();
    const tasks = Array.from({ length: 6 }, () => task(FRAME_BUDGET_MS / 2 + 1));
    tasks.forEach((t) => scheduler.request(t));
    frame();
    const first = tasks.filter((t) => t.runs === 1).length;
    expect(first).toBeGreaterThanOrEqual(1);
    expect(first).toBeLessThan(6);
    for (let k = 0; k < 10 && scheduler.size > 0; k++) frame(100);
    expect(tasks.every((t) => t.runs === 1)).toBe(true);
  });

  it('updates views that are off screen about once a second, and at once when they come back', () => {
    const { scheduler, frame, task } = setup();
    let visible = false;
    const view = task(1, { visible: () => visible });
    for (let k = 0; k < 120; k++) {
      scheduler.request(view);
      frame(16);
    }
    // About 2 s of frames at 60 Hz: two or three updates instead of 120.
    expect(view.runs).toBeGreaterThanOrEqual(2);
    expect(view.runs).toBeLessThanOrEqual(3);
    visible = true;
    const before = view.runs;
    scheduler.request(view);
    frame(16);
    expect(view.runs).toBe(before + 1);
  });

  it('updates a heavy view at its lower rate and spaces a slow view by its cost', () => {
    const { scheduler, frame, task } = setup();
    const heavy = task(1, { minIntervalMs: HEAVY_INTERVAL_MS });
    const slow = task(20);
    for (let k = 0; k < 30; k++) {
      scheduler.request(heavy);
      scheduler.request(slow);
      frame(16);
    }
    // 30 frames of ≈ 16 ms plus the work: the heavy view a few times, the 20 ms one at most every 60 ms.
    expect(heavy.runs).toBeGreaterThanOrEqual(2);
    expect(heavy.runs).toBeLessThanOrEqual(5);
    expect(slow.runs).toBeGreaterThanOrEqual(5);
    expect(slow.runs).toBeLessThanOrEqual(14);
  });

  it('rests after a frame that came late (what the views cost the page after their tasks) and goes on when frames are on time', () => {
    const { scheduler, frame, task } = setup();
    const view = task(1);
    const runsOver = (frames: number, frameMs: (ranLast: boolean) => number): number => {
      const before = view.runs;
      let last = view.runs;
      for (let k = 0; k < frames; k++) {
        scheduler.request(view);
        const ranLast = view.runs !== last;
        last = view.runs;
        frame(frameMs(ranLast));
      }
      return view.runs - before;
    };
    // On time: every frame updates the view.
    expect(runsOver(30, () => 16)).toBe(30);
    // Each update makes the next frame 60 ms late: the view rests ~3 × 44 ms after each, so it updates in
    // far fewer frames and most frames are free.
    const slow = runsOver(60, (ranLast) => (ranLast ? 60 : 16));
    expect(slow).toBeGreaterThan(3);
    expect(slow).toBeLessThan(60 / 6);
    // Back on time, back to every frame.
    runsOver(20, () => 16);
    expect(runsOver(30, () => 16)).toBe(30);
  });
});

