import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../store/appStore.ts';
import { FrameBus } from '../store/frameBus.ts';
import { fakeClient, SMALL_RUN } from '../testing/testRuns.ts';
import { FakeWorker } from '../testing/fakeWorker.ts';
import { TrainerClient } from './trainerClient.ts';


afterEach(() => vi.restoreAllMocks());

describe('TrainerClient', () => {
  it('start() opens a new run and the replies fill the store and the frame bus', () => {
    const { store, bus, worker, client } = fakeClient();
    client.start(SMALL_RUN);
    expect(store.getState()).toMatchObject({ runId: 2, config: SMALL_RUN, step: 0, status: 'paused' });
    worker.deliver();
    expect(store.getState().summary?.hiddenSize).toBe(6);
    expect(bus.latest()?.step).toBe(0);

    client.step(5);
    worker.deliver();
    const s = store.getState();
    expect(s.step).toBe(5);
    expect(s.status).toBe('paused');
    expect(s.loss.train).toHaveLength(5);
    expect(s.loss.time).toHaveLength(5);
    expect(s.lastLoss).toBe(s.loss.train[4]);
    expect(bus.latest()?.step).toBe(5);
  });

  it('drops replies of a run that was reset before they arrived', () => {
    const { store, bus, worker, client } = fakeClient();
    client.start(SMALL_RUN);
    client.step(3);
    client.reset();
    worker.deliver();
    const s = store.getState();
    expect(s.runId).toBe(3);
    expect(s.step).toBe(0);
    expect(s.loss.train).toHaveLength(0);
    expect(bus.latest()?.step).toBe(0);
    expect(bus.history().map((e) => e.step)).toEqual([0]);
  });

  it('playing appends every step with one store update per progress message', () => {
    const { store, worker, client } = fakeClient();
    client.start(SMALL_RUN);
    client.play();
    worker.deliver();
    expect(store.getState().status).toBe('playing');
    const updates = vi.fn();
    const unsubscribe = store.subscribe(updates);
    worker.slice();
    worker.deliver();
    unsubscribe();
    const s = store.getState();
    expect(s.step).toBeGreaterThan(0);
    expect(s.loss.train).toHaveLength(s.step);
    expect(s.stepsPerSecond).toBeGreaterThan(0);
    // One slice → one progress and at most one frame (frames do not touch the store).
    expect(updates).toHaveBeenCalledTimes(1);
    const before = s.loss;
    worker.slice();
    worker.deliver();
    expect(store.getState().loss).not.toBe(before);
    client.toggle();
    worker.deliver();
    expect(store.getState().status).toBe('paused');
  });

  it('a failure lands in the store and is cleared by Play', () => {
    const { store, worker, client } = fakeClient();
    client.start({ ...SMALL_RUN, optimizer: 'sgd', momentum: 0, learningRate: 1e6, clip: 'none' });
    client.step(200);
    worker.deliver();
    const failure = store.getState().failure;
    expect(failure?.step).toBe(store.getState().step + 1);
    expect(store.getState().status).toBe('paused');
    client.play();
    expect(store.getState().failure).toBeNull();
  });

  it('applyConfig changes live fields in place and restarts for the others, playing on', () => {
    const { store, worker, client } = fakeClient();
    client.start(SMALL_RUN);
    client.step(2);
    worker.deliver();
    client.applyConfig({ ...SMALL_RUN, learningRate: 0.02, clip: 'value' });
    expect(worker.sent.at(-1)).toEqual({ type: 'setHyper', runId: 2, patch: { learningRate: 0.02, clip: 'value' } });
    expect(store.getState().config.learningRate).toBe(0.02);
    expect(store.getState().runId).toBe(2);

    client.play();
    worker.deliver();
    client.applyConfig({ ...store.getState().config, hiddenSize: 4 });
    expect(store.getState().runId).toBe(3);
    expect(worker.sent.slice(-3).map((m) => m.type)).toEqual(['init', 'setSpeed', 'play']);
    worker.deliver();
    expect(store.getState()).toMatchObject({ status: 'playing', step: 0 });
    expect(store.getState().summary?.hiddenSize).toBe(4);
  });

  it('setSpeed is remembered and re-sent to every new run', () => {
    const { store, worker, client } = fakeClient();
    client.start(SMALL_RUN);
    client.setSpeed(5);
    expect(store.getState().speed).toBe(5);
    client.reset();
    expect(worker.sent.at(-1)).toEqual({ type: 'setSpeed', runId: 3, stepsPerSecond: 5 });
  });

  it('start() keeps the selection inside the new model', () => {
    const { store, client } = fakeClient();
    store.setState({ selection: { t: 30, layer: 2, unit: 11, walk: 'backward', historyStep: 4 } });
    client.start({ ...SMALL_RUN, numLayers: 1 });
    expect(store.getState().selection).toEqual({ t: 9, layer: 0, unit: 5, walk: 'backward', historyStep: null });
  });

  it('logs worker errors', () => {
    const { worker, client } = fakeClient();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    client.start({ ...SMALL_RUN, hiddenSize: 0 });
    worker.deliver();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('hiddenSize'));
  });

  it('gradCheck: progress and rows land in the store; older requests, Play and a new run drop it', () => {
    const { store, worker, client } = fakeClient();
    client.start(SMALL_RUN);
    client.step(2);
    worker.deliver();
    client.gradCheck(1e-4, 3);
    expect(store.getState().gradCheck).toMatchObject({ status: 'running', done: 0, eps: 1e-4, step: 2 });
    expect(worker.sent.at(-1)).toMatchObject({ type: 'gradCheck', eps: 1e-4, maxPerGroup: 3 });
    worker.deliver();
    expect(store.getState().gradCheck.total).toBeGreaterThan(0);
    while (worker.core.isBusy) worker.slice();
    worker.deliver();
    const done = store.getState().gradCheck;
    expect(done).toMatchObject({ status: 'done', eps: 1e-4, step: 2 });
    expect(done.done).toBe(done.total);
    expect(done.rows.every((r) => r.relError < 1e-6)).toBe(true);

    client.gradCheck(1e-5, null);
    client.play();
    expect(store.getState().gradCheck.status).toBe('idle');
    client.pause();
    client.gradCheck(1e-5, null);
    client.reset();
    expect(store.getState().gradCheck.status).toBe('idle');
  });
});

describe('TrainerClient when its worker dies', () => {
  it('replaces the worker, restarts the run from its config at step 0 and says so; Play works again', () => {
    const workers: FakeWorker[] = [];
    const store = createAppStore();
    const client = new TrainerClient(store, new FrameBus(), () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    client.start(SMALL_RUN);
    client.step(3);
    workers[0].deliver();
    expect(store.getState().step).toBe(3);
    workers[0].crash('out of memory');
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1].sent[0]).toMatchObject({ type: 'init', config: SMALL_RUN });
    expect(store.getState()).toMatchObject({ step: 0, workerLost: 'out of memory' });
    expect(log).toHaveBeenCalled();
    client.play();
    workers[1].slice();
    workers[1].deliver();
    expect(store.getState().status).toBe('playing');
    expect(store.getState().step).toBeGreaterThan(0);
    // The dead worker's late replies are never read.
    workers[0].deliver();
    expect(store.getState().workerLost).toBe('out of memory');
  });
});
