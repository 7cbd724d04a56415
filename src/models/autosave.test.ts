import { describe, expect, it } from 'vitest';
import type { RunCapture } from '../contracts/runControls.ts';
import { DEFAULT_RUN_CONFIG } from '../contracts/runConfig.ts';
import type { HistoryEntry } from '../contracts/runControls.ts';
import type { ProbeFrame } from '../contracts/protocol.ts';
import { Autosaver, type RunView } from './autosave.ts';
import { MAX_SAVED_SESSIONS, memorySessionStore, thinFrames, type SessionStore } from './sessionStore.ts';

function capture(step: number, config = DEFAULT_RUN_CONFIG): RunCapture {
  return {
    config,
    snapshot: { model: {} as RunCapture['snapshot']['model'], weights: new Float64Array(3), step, optimizer: { config: { kind: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 }, stepCount: step, buffers: {} }, dataRng: [1, 2, 3, 4, 5, 0, 0], elapsedMs: 0 },
    loss: { train: Array.from({ length: step }, (_, i) => 1 / (i + 1)), time: Array.from({ length: step }, (_, i) => i), stride: 1, validation: [] },
    frames: [],
  };
}

const view = (runId: number, step: number, extra: Partial<RunView> = {}): RunView => ({ runId, step, config: DEFAULT_RUN_CONFIG, startedFromWeights: false, ...extra });

describe('autosave', () => {
  it('saves a run when it changes, not a fresh step 0, and overwrites the same run’s record', async () => {
    const store = memorySessionStore();
    let step = 0;
    let clock = 1000;
    const saver = new Autosaver(store, async () => capture(step), () => null, () => undefined, 'page', () => clock++);
    await saver.tick(view(1, 0));
    expect(store.records.size).toBe(0);
    step = 5;
    await saver.tick(view(1, 5));
    await saver.tick(view(1, 5));
    step = 9;
    await saver.tick(view(1, 9));
    expect([...store.records.keys()]).toEqual(['page-1']);
    expect((await store.latest(DEFAULT_RUN_CONFIG))?.snapshot.step).toBe(9);
    expect(saver.lastSavedStep).toBe(9);
    // Imported weights are worth keeping at step 0.
    step = 0;
    await saver.tick(view(2, 0, { startedFromWeights: true }));
    expect(store.records.size).toBe(2);
    // A race is not one session.
    await saver.tick(view(3, 4, { config: { ...DEFAULT_RUN_CONFIG, compare: 'rnn,lstm' } }));
    expect(store.records.size).toBe(2);
  });

  it('keeps only the newest sessions, and finds the one of the same configuration', async () => {
    const store = memorySessionStore();
    let clock = 0;
    const saver = new Autosaver(store, async () => capture(3, { ...DEFAULT_RUN_CONFIG, seed: clock }), () => null, () => undefined, 'p', () => ++clock);
    for (let run = 1; run <= MAX_SAVED_SESSIONS + 2; run++) await saver.tick(view(run, 3));
    expect(store.records.size).toBe(MAX_SAVED_SESSIONS);
    expect(await store.latest({ ...DEFAULT_RUN_CONFIG, seed: 0 })).toBeNull();
    expect((await store.latest({ ...DEFAULT_RUN_CONFIG, seed: MAX_SAVED_SESSIONS + 1 }))?.id).toBe(`p-${MAX_SAVED_SESSIONS + 2}`);
  });

  it('a restored run keeps writing to the record it came from', async () => {
    const store = memorySessionStore();
    const saver = new Autosaver(store, async () => capture(7), () => null, () => undefined, 'new-page');
    saver.adopt(4, 'old-page-2');
    await saver.tick(view(4, 7));
    expect([...store.records.keys()]).toEqual(['old-page-2']);
  });

  it('a full or missing storage is reported once and then left alone', async () => {
    let puts = 0;
    const failing: SessionStore = {
      put: async () => {
        puts++;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      latest: async () => null,
      delete: async () => undefined,
    };
    const reports: string[] = [];
    const saver = new Autosaver(failing, async () => capture(2), () => null, (m) => reports.push(m));
    await saver.tick(view(1, 2));
    await saver.tick(view(1, 3));
    expect(reports).toEqual(['The quota has been exceeded.']);
    expect(puts).toBe(1);
  });

  it('thins the training-history frames to the budget, keeping the newest', () => {
    const frame = { x: new Float32Array(250), output: new Float32Array(0), target: new Float32Array(0), dx: new Float32Array(0), dxNorm: new Float32Array(0), layers: [] } as unknown as ProbeFrame;
    const frames: HistoryEntry[] = Array.from({ length: 10 }, (_, k) => ({ step: k, frame }));
    expect(thinFrames(frames, 10_000)).toHaveLength(10);
    const thin = thinFrames(frames, 3000);
    expect(thin.map((e) => e.step)).toEqual([3, 6, 9]);
  });
});
