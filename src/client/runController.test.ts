import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import { frameCell } from '../panels/shared/frameSource.ts';
import type { FakeWorker } from '../testing/fakeWorker.ts';
import { fakeRunFactory } from '../testing/testRuns.ts';
import type { AskCost } from './costGate.ts';
import type { TaskDataSource } from './trainerClient.ts';
import { RunController } from './runController.ts';

const SMALL: RunConfig = { ...DEFAULT_RUN_CONFIG, task: 'adding', seqLen: 8, hiddenSize: 5, batchSize: 4, cell: 'lstm' };

function setup(askCost: AskCost | null = null, data: TaskDataSource | null = null) {
  const workers: FakeWorker[] = [];
  const controller = new RunController(fakeRunFactory(workers, data), { config: SMALL }, askCost);
  const live = (): FakeWorker[] => workers.filter((w) => !w.terminated);
  const deliver = (): void => workers.forEach((w) => w.deliver());
  const focused = () => controller.focused;
  const runs = () => controller.workspace.getState().runs;
  return { workers, live, deliver, controller, focused, runs };
}

describe('RunController', () => {
  it('runs a single model when compare is off', () => {
    const { workers, deliver, controller, focused, runs } = setup();
    controller.start(SMALL);
    controller.step(2);
    deliver();
    expect(workers).toHaveLength(1);
    expect(runs()).toHaveLength(1);
    expect(controller.workspace.getState().racing).toBe(false);
    expect(focused().store.getState().step).toBe(2);
    expect(focused().frames.latest()?.step).toBe(2);
  });

  it('a race opened first starts only the racers\' workers (the page\'s first run never sent anything)', () => {
    const { workers, controller } = setup();
    controller.start({ ...SMALL, compare: 'rnn,lstm,gru' });
    expect(workers).toHaveLength(3);
    expect(workers.every((w) => !w.terminated)).toBe(true);
  });

  it('races one run per architecture; the focused one is what the panels show, no copies made', () => {
    const { live, deliver, controller, focused, runs } = setup();
    const config = { ...SMALL, compare: 'rnn,gru' } as const;
    controller.start(config);
    deliver();
    expect(live()).toHaveLength(2);
    expect(runs().map((r) => r.cell)).toEqual(['rnn', 'gru']);
    // Every racer holds the user's config (its cell untouched); the URL follows it.
    expect(focused().store.getState().config).toEqual(config);
    expect(focused().store.getState().summary?.cell).toBe('rnn');
    expect(frameCell(focused().frames.latest()!)).toBe('rnn');
    controller.step(3);
    deliver();
    expect(focused().store.getState().step).toBe(3);
    focused().store.setState((s) => ({ selection: { ...s.selection, t: 5 } }));
    controller.setFocus('gru');
    expect(focused()).toBe(runs()[1]);
    expect(focused().store.getState().summary?.cell).toBe('gru');
    expect(frameCell(focused().frames.latest()!)).toBe('gru');
    // The cursor moves over with the focus.
    expect(focused().store.getState().selection.t).toBe(5);
    controller.play();
    live().forEach((w) => w.slice());
    deliver();
    expect(focused().store.getState().status).toBe('playing');
    controller.toggle();
    deliver();
    expect(runs().every((r) => r.store.getState().status === 'paused')).toBe(true);
  });

  it('switches modes by closing one set of runs before opening the other', () => {
    const { workers, live, deliver, controller, focused, runs } = setup();
    controller.start(SMALL);
    deliver();
    const single = workers[0];
    controller.applyConfig({ ...SMALL, compare: 'rnn,lstm' });
    expect(single.terminated).toBe(true);
    deliver();
    expect(live()).toHaveLength(2);
    expect(focused().store.getState().config.compare).toBe('rnn,lstm');
    controller.step(2);
    const race = live();
    controller.applyConfig({ ...SMALL, compare: 'off' });
    deliver();
    expect(race.every((w) => w.terminated)).toBe(true);
    expect(runs()).toHaveLength(1);
    // Replies of the closed race never reach the page.
    expect(focused().store.getState().step).toBe(0);
    expect(frameCell(focused().frames.latest()!)).toBe('lstm');
  });

  it('keeps live changes in place and restarts the race for others, keeping the cursor inside the sequence', () => {
    const { deliver, controller, focused, runs } = setup();
    const config = { ...SMALL, compare: 'rnn,lstm' } as const;
    controller.start(config);
    controller.step(2);
    deliver();
    focused().store.setState((s) => ({ selection: { ...s.selection, t: 7 } }));
    controller.applyConfig({ ...config, clip: 'none' });
    deliver();
    expect(runs().map((r) => r.store.getState().step)).toEqual([2, 2]);
    expect(focused().store.getState().config.clip).toBe('none');
    controller.applyConfig({ ...config, clip: 'none', seqLen: 5 });
    deliver();
    expect(runs().map((r) => r.store.getState().step)).toEqual([0, 0]);
    expect(focused().store.getState().selection.t).toBe(4);
  });

  it('asks before a run over the cost budget and builds nothing until answered', async () => {
    const asked: Parameters<AskCost>[0][] = [];
    let answer: (c: RunConfig | null) => void = () => undefined;
    const ask: AskCost = (q) => {
      asked.push(q);
      return new Promise((resolve) => (answer = resolve));
    };
    const { workers, controller, focused } = setup(ask);
    const huge: RunConfig = { ...SMALL, task: 'tangHans', maxSymbols: 3000, seqLen: 200, batchSize: 256, hiddenSize: 128, numLayers: 4, compare: 'rnn,lstm,gru' };
    controller.start(huge);
    expect(asked).toHaveLength(1);
    expect(asked[0].cost.models).toBe(3);
    expect(asked[0].tooLarge).toBe(true);
    expect(workers.every((w) => !w.sent.some((m) => m.type === 'init'))).toBe(true);
    answer(asked[0].lowered);
    await Promise.resolve();
    expect(controller.workspace.getState().runs).toHaveLength(3);
    expect(focused().store.getState().config).toEqual(asked[0].lowered);
    // A small change never asks.
    controller.applyConfig(SMALL);
    expect(asked).toHaveLength(1);
  });

  it('in compare mode a failed dataset load rolls back the config the page shows, in every racer', async () => {
    const failing: TaskDataSource = { key: (c) => (c.task === 'airline' ? 'airline' : null), load: () => Promise.reject(new Error('HTTP 404')) };
    const { deliver, controller, focused, runs } = setup(null, failing);
    const config = { ...SMALL, compare: 'rnn,lstm' } as const;
    controller.start(config);
    deliver();
    controller.applyConfig({ ...config, task: 'airline' });
    expect(focused().store.getState().config.task).toBe('airline');
    await new Promise((r) => setTimeout(r, 0));
    expect(runs().map((r) => r.store.getState().config)).toEqual([config, config]);
    expect(focused().store.getState().dataLoad).toMatchObject({ status: 'error', message: 'HTTP 404' });
  });
});
