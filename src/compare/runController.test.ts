import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/appStore.ts';
import { FrameBus } from '../store/frameBus.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../store/runConfig.ts';
import { frameCell } from '../viz/frameSource.ts';
import { TrainerClient } from '../worker/client.ts';
import { FakeWorker } from '../worker/fakeWorker.ts';
import { CompareModels, createCompareStore } from './compareStore.ts';
import { RunController } from './runController.ts';

const SMALL: RunConfig = { ...DEFAULT_RUN_CONFIG, task: 'adding', seqLen: 8, hiddenSize: 5, batchSize: 4, cell: 'lstm' };

function setup() {
  const store = createAppStore({ config: SMALL });
  const bus = new FrameBus();
  const models = new CompareModels();
  const focus = createCompareStore();
  const workers: FakeWorker[] = [];
  const controller = new RunController(store, bus, (s, b) => {
    const w = new FakeWorker();
    workers.push(w);
    return new TrainerClient(s, b, () => w);
  }, { models, focus });
  const live = (): FakeWorker[] => workers.filter((w) => !w.terminated);
  const deliver = (): void => workers.forEach((w) => w.deliver());
  return { store, bus, models, focus, workers, live, deliver, controller };
}

describe('RunController', () => {
  it('runs a single model on the page store when compare is off', () => {
    const { store, bus, models, workers, deliver, controller } = setup();
    controller.start(SMALL);
    controller.step(2);
    deliver();
    expect(workers).toHaveLength(1);
    expect(models.get()).toBeNull();
    expect(store.getState().step).toBe(2);
    expect(bus.latest()?.step).toBe(2);
  });

  it('races one worker per architecture and shows the focused one in the page store and bus', () => {
    const { store, bus, models, focus, live, deliver, controller } = setup();
    const config = { ...SMALL, compare: 'rnn,gru' } as const;
    controller.start(config);
    deliver();
    expect(live()).toHaveLength(2);
    expect(models.get()?.map((m) => m.cell)).toEqual(['rnn', 'gru']);
    // The page's config is the user's (its cell untouched); the URL follows it.
    expect(store.getState().config).toBe(config);
    expect(store.getState().summary?.cell).toBe('rnn');
    expect(frameCell(bus.latest()!)).toBe('rnn');

    controller.step(3);
    deliver();
    expect(store.getState().step).toBe(3);
    expect(store.getState().loss.train).toEqual(models.get()![0].store.getState().loss.train);

    focus.setState({ focus: 'gru' });
    expect(store.getState().summary?.cell).toBe('gru');
    expect(frameCell(bus.latest()!)).toBe('gru');
    expect(bus.history().map((e) => e.step)).toEqual(models.get()![1].bus.history().map((e) => e.step));

    controller.play();
    live().forEach((w) => w.slice());
    deliver();
    expect(store.getState().status).toBe('playing');
    controller.toggle();
    deliver();
    expect(store.getState().status).toBe('paused');
    expect(models.get()!.every((m) => m.store.getState().status === 'paused')).toBe(true);
  });

  it('switches modes by closing one trainer before opening the other', () => {
    const { store, bus, models, workers, live, deliver, controller } = setup();
    controller.start(SMALL);
    deliver();
    const single = workers[0];
    controller.applyConfig({ ...SMALL, compare: 'rnn,lstm' });
    expect(single.terminated).toBe(true);
    deliver();
    expect(live()).toHaveLength(2);
    expect(store.getState().config.compare).toBe('rnn,lstm');

    controller.step(2);
    const race = live();
    controller.applyConfig({ ...SMALL, compare: 'off' });
    deliver();
    expect(race.every((w) => w.terminated)).toBe(true);
    expect(models.get()).toBeNull();
    // Replies of the closed race never reach the page.
    expect(store.getState().step).toBe(0);
    expect(frameCell(bus.latest()!)).toBe('lstm');
  });

  it('keeps live changes in place and restarts the race for others, keeping the cursor inside the sequence', () => {
    const { store, models, deliver, controller } = setup();
    const config = { ...SMALL, compare: 'rnn,lstm' } as const;
    controller.start(config);
    controller.step(2);
    deliver();
    store.setState((s) => ({ selection: { ...s.selection, t: 7 } }));
    controller.applyConfig({ ...config, clip: 'none' });
    deliver();
    expect(models.get()!.map((m) => m.store.getState().step)).toEqual([2, 2]);
    expect(store.getState().config.clip).toBe('none');

    controller.applyConfig({ ...config, clip: 'none', seqLen: 5 });
    deliver();
    expect(models.get()!.map((m) => m.store.getState().step)).toEqual([0, 0]);
    expect(store.getState().selection.t).toBe(4);
    expect(store.getState().step).toBe(0);
  });
});
