import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import type { FakeWorker } from '../testing/fakeWorker.ts';
import { racerOf } from './run.ts';
import { fakeRunFactory } from '../testing/testRuns.ts';
import { compareCells, compareVariants, modelConfig } from '../contracts/compareSet.ts';
import { CompareSession, racerCpuShare } from './session.ts';

const SMALL: RunConfig = { ...DEFAULT_RUN_CONFIG, task: 'adding', seqLen: 8, hiddenSize: 5, batchSize: 4, compare: 'rnn,lstm,gru', seed: 7 };

function setup(config: RunConfig = SMALL) {
  const workers: FakeWorker[] = [];
  const session = new CompareSession(config, fakeRunFactory(workers));
  const deliverAll = (): void => workers.forEach((w) => w.deliver());
  return { session, workers, deliverAll };
}

describe('compareCells and modelConfig', () => {
  it('lists the architectures of a set in order and replaces only the cell', () => {
    expect(compareCells({ ...SMALL, compare: 'off' })).toEqual([]);
    expect(compareCells(SMALL)).toEqual(['rnn', 'lstm', 'gru']);
    expect(compareCells({ ...SMALL, compare: 'lstm,gru' })).toEqual(['lstm', 'gru']);
    const [, , gru] = compareVariants(SMALL.compare);
    expect(modelConfig(SMALL, gru)).toEqual({ ...SMALL, cell: 'gru' });
  });
});

describe('CompareSession', () => {
  it('starts one run per architecture, each in its own worker, with the same seed and settings', () => {
    const { session, workers, deliverAll } = setup();
    session.start(SMALL);
    expect(workers).toHaveLength(3);
    const inits = workers.map((w) => w.sent.find((m) => m.type === 'init'));
    expect(inits.map((m) => (m?.type === 'init' ? m.config.cell : null))).toEqual(['rnn', 'lstm', 'gru']);
    for (const m of inits) {
      if (m?.type !== 'init') throw new Error('no init');
      expect({ ...m.config, cell: SMALL.cell }).toEqual(SMALL);
    }
    deliverAll();
    expect(session.runs.map((m) => m.store.getState().summary?.cell)).toEqual(['rnn', 'lstm', 'gru']);
    expect(session.runs.map((m) => m.frames.latest()?.step)).toEqual([0, 0, 0]);
  });

  it('gives every model the same data order: the probe input and the first training losses agree where they must', () => {
    const { session, deliverAll } = setup();
    session.start(SMALL);
    session.step(3);
    deliverAll();
    const frames = session.runs.map((m) => m.frames.latest());
    expect(frames.map((f) => f?.step)).toEqual([3, 3, 3]);
    // Same task and seed: the same probe sequence for all (what the panels compare).
    expect(Array.from(frames[1]?.x ?? [])).toEqual(Array.from(frames[0]?.x ?? []));
    expect(Array.from(frames[2]?.x ?? [])).toEqual(Array.from(frames[0]?.x ?? []));
    // A second session from the same config reproduces every model's losses bit for bit.
    const again = setup();
    again.session.start(SMALL);
    again.session.step(3);
    again.deliverAll();
    expect(again.session.runs.map((m) => m.store.getState().loss.train)).toEqual(session.runs.map((m) => m.store.getState().loss.train));
  });

  it('sends play, pause and step to every model', () => {
    const { session, workers, deliverAll } = setup();
    session.start(SMALL);
    deliverAll();
    session.play();
    workers.forEach((w) => w.slice());
    deliverAll();
    expect(session.isPlaying()).toBe(true);
    expect(session.runs.every((m) => m.store.getState().status === 'playing')).toBe(true);
    session.pause();
    deliverAll();
    expect(session.isPlaying()).toBe(false);
    const before = session.runs.map((m) => m.store.getState().step);
    session.step(2);
    deliverAll();
    expect(session.runs.map((m) => m.store.getState().step)).toEqual(before.map((s) => s + 2));
    for (const w of workers) expect(w.sent.map((m) => m.type)).toEqual(expect.arrayContaining(['play', 'pause', 'step']));
  });

  it('drops the frames of runs that were reset before they arrived', () => {
    const { session, workers, deliverAll } = setup();
    session.start(SMALL);
    session.step(4);
    session.reset();
    deliverAll();
    for (const m of session.runs) {
      expect(m.store.getState().step).toBe(0);
      expect(m.store.getState().loss.train).toHaveLength(0);
      expect(m.frames.history().map((e) => e.step)).toEqual([0]);
    }
    expect(workers.every((w) => w.sent.filter((m) => m.type === 'init').length === 2)).toBe(true);
  });

  it('applies live fields in place to all and restarts all for anything else, playing again if any played', () => {
    const { session, workers, deliverAll } = setup();
    session.start(SMALL);
    session.step(2);
    deliverAll();
    session.applyConfig({ ...SMALL, learningRate: 0.05 });
    deliverAll();
    expect(session.runs.map((m) => m.store.getState().step)).toEqual([2, 2, 2]);
    expect(session.runs.every((m) => m.store.getState().config.learningRate === 0.05)).toBe(true);
    // Changing the page's cell means nothing to the race.
    session.applyConfig({ ...SMALL, learningRate: 0.05, cell: 'gru' });
    expect(workers.every((w) => w.sent.at(-1)?.type === 'setHyper')).toBe(true);

    session.play();
    deliverAll();
    session.applyConfig({ ...SMALL, learningRate: 0.05, seqLen: 6 });
    deliverAll();
    for (const [k, m] of session.runs.entries()) {
      expect(m.store.getState().config).toEqual({ ...SMALL, learningRate: 0.05, seqLen: 6 });
      expect(m.store.getState().summary?.cell).toBe(session.runs[k].cell);
      expect(m.store.getState().status).toBe('playing');
      expect(m.frames.latest()?.T).toBe(6);
    }
  });

  it('leaves a core for the page: each racer gets a share of the rest, sent with every run', () => {
    expect(racerCpuShare(3, 2)).toBeCloseTo(1 / 3, 12);
    expect(racerCpuShare(2, 2)).toBe(0.5);
    expect(racerCpuShare(3, 8)).toBe(1);
    const { session, workers } = setup();
    session.start(SMALL);
    for (const w of workers) {
      const share = w.sent.filter((m) => m.type === 'setCpuShare').map((m) => (m.type === 'setCpuShare' ? m.share : NaN));
      expect(share.length).toBeGreaterThan(0);
      expect(share.every((v) => v === racerCpuShare(3, typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 2))).toBe(true);
    }
  });

  it('terminates every worker on dispose', () => {
    const { session, workers } = setup({ ...SMALL, compare: 'rnn,lstm' });
    session.start(SMALL);
    session.dispose();
    expect(workers).toHaveLength(2);
    expect(workers.every((w) => w.terminated)).toBe(true);
  });
});

describe('CompareSession racing one setting', () => {
  it('starts one run per value, the same run otherwise, and keeps each value through live changes', () => {
    const config: RunConfig = { ...SMALL, compare: 'lr:0.01|0.1' };
    const { session, workers, deliverAll } = setup(config);
    session.start(config);
    const inits = workers.map((w) => w.sent.find((m) => m.type === 'init'));
    expect(inits.map((m) => (m?.type === 'init' ? m.config.learningRate : null))).toEqual([0.01, 0.1]);
    expect(inits.map((m) => (m?.type === 'init' ? { ...m.config, learningRate: 0 } : null))).toEqual([{ ...config, learningRate: 0 }, { ...config, learningRate: 0 }]);
    expect(session.runs.map((m) => racerOf(m).variant.id)).toEqual(['lr-0.01', 'lr-0.1']);
    expect(session.runs.map((m) => m.cell)).toEqual([config.cell, config.cell]);
    deliverAll();
    // Same seed, different learning rate: the same step-0 probe, different losses after a few steps.
    expect(Array.from(session.runs[0].frames.latest()!.x)).toEqual(Array.from(session.runs[1].frames.latest()!.x));
    session.applyConfig({ ...config, learningRate: 0.5, momentum: 0.5 });
    deliverAll();
    // Each worker keeps its own learning rate and takes the momentum.
    const hypers = workers.map((w) => w.sent.flatMap((m) => (m.type === 'setHyper' ? [m.patch] : [])));
    expect(hypers.map((list) => list.some((p) => 'learningRate' in p))).toEqual([false, false]);
    expect(hypers.map((list) => list.some((p) => p.momentum === 0.5))).toEqual([true, true]);
    session.step(3);
    deliverAll();
    const losses = session.runs.map((m) => m.store.getState().lastLoss);
    expect(losses[0]).not.toBe(losses[1]);
  });
});
