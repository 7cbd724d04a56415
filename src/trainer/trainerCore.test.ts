import { describe, expect, it } from 'vitest';
import { gateCount } from '../engine/gateLayout.ts';
import { trainStep, LossBuffers } from '../engine/train.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import { buildRun, stepOptionsOf } from './buildRun.ts';
import { ProbeRecorder } from './probeFrame.ts';
import { frameBuffers, type Progress } from '../contracts/protocol.ts';
import { FRAME_INTERVAL_MS, VALIDATE_EVERY, validationInterval } from './pacing.ts';
import { TrainerCore } from './trainerCore.ts';
import { lossesOf, ofType, tickingClock } from '../testing/workerMessages.ts';

const SMALL: RunConfig = { ...DEFAULT_RUN_CONFIG, seqLen: 10, hiddenSize: 6, batchSize: 4 };

function started(config: RunConfig = SMALL, runId = 1, clock = tickingClock(0.01, 1000).now) {
  const core = new TrainerCore(clock);
  const init = core.handle({ type: 'init', runId, config });
  return { core, init };
}

describe('TrainerCore', () => {
  it('init sends ready, a step-0 frame and a paused status', () => {
    const { init } = started();
    expect(init.map((m) => m.type)).toEqual(['ready', 'frame', 'status']);
    const ready = ofType(init, 'ready')[0];
    expect(ready.summary).toMatchObject({ cell: 'lstm', hiddenSize: 6, numLayers: 1, outputSize: 1, outputMode: 'sequence', gates: ['i', 'f', 'g', 'o'] });
    expect(ofType(init, 'frame')[0].frame.step).toBe(0);
    expect(ofType(init, 'status')[0]).toMatchObject({ status: 'paused', step: 0 });
  });

  it('is deterministic: same config ⇒ identical losses and frames; another seed differs', () => {
    const run = (config: RunConfig) => started(config).core.handle({ type: 'step', runId: 1, count: 30 });
    const a = run(SMALL);
    const b = run(SMALL);
    const c = run({ ...SMALL, seed: 2 });
    expect(lossesOf(a)).toHaveLength(30);
    expect(lossesOf(a)).toEqual(lossesOf(b));
    expect(lossesOf(a)).not.toEqual(lossesOf(c));
    expect(ofType(a, 'frame')[0].frame).toEqual(ofType(b, 'frame')[0].frame);
  });

  it("'step' with count 1 trains exactly one step, then sends a frame and stays paused", () => {
    const { core } = started();
    const out = core.handle({ type: 'step', runId: 1, count: 1 });
    expect(out.map((m) => m.type)).toEqual(['progress', 'frame', 'status']);
    const p = ofType(out, 'progress')[0].progress;
    expect(p.firstStep).toBe(1);
    expect(p.losses).toHaveLength(1);
    expect(ofType(out, 'frame')[0].frame.step).toBe(1);
    expect(ofType(out, 'status')[0]).toMatchObject({ status: 'paused', step: 1 });
    const again = core.handle({ type: 'step', runId: 1 });
    expect(ofType(again, 'progress')[0].progress.firstStep).toBe(2);
  });

  it('ignores messages of another run', () => {
    const { core } = started(SMALL, 5);
    expect(core.handle({ type: 'step', runId: 4, count: 3 })).toEqual([]);
    expect(core.handle({ type: 'play', runId: 6 })).toEqual([]);
    expect(core.isPlaying).toBe(false);
    expect(core.currentStep).toBe(0);
  });

  it('setHyper changes the learning rate without re-initialising', () => {
    const a = started().core;
    const b = started().core;
    const c = started().core;
    const first = lossesOf(a.handle({ type: 'step', runId: 1, count: 10 }));
    b.handle({ type: 'step', runId: 1, count: 10 });
    c.handle({ type: 'step', runId: 1, count: 10 });
    a.handle({ type: 'setHyper', runId: 1, patch: { learningRate: 0.05 } });
    // Re-sending the same value keeps Adam's moments: nothing changes.
    c.handle({ type: 'setHyper', runId: 1, patch: { learningRate: SMALL.learningRate } });
    const after = a.handle({ type: 'step', runId: 1, count: 5 });
    const base = lossesOf(b.handle({ type: 'step', runId: 1, count: 5 }));
    expect(lossesOf(c.handle({ type: 'step', runId: 1, count: 5 }))).toEqual(base);
    expect(ofType(after, 'progress')[0].progress.firstStep).toBe(11);
    const la = lossesOf(after);
    // Step 11 is measured before the first update with the new rate: the weights continued.
    expect(la[0]).toBe(base[0]);
    expect(la[1]).not.toBe(base[1]);
    expect(first).toHaveLength(10);
  });

  it('setHyper while paused sends a fresh frame for the same step (truncation changes the backward walk)', () => {
    const { core } = started({ ...SMALL, seqLen: 12 });
    core.handle({ type: 'step', runId: 1, count: 3 });
    const out = core.handle({ type: 'setHyper', runId: 1, patch: { truncate: 4 } });
    const frame = ofType(out, 'frame')[0].frame;
    expect(frame.step).toBe(3);
    // Chunks [0,4) [4,8) [8,12): the last chunk is unchanged, the gradient no longer reaches t = 7 from t = 8.
    const full = started({ ...SMALL, seqLen: 12 }).core;
    full.handle({ type: 'step', runId: 1, count: 3 });
    const fullFrame = ofType(full.handle({ type: 'setHyper', runId: 1, patch: { truncate: 0 } }), 'frame')[0].frame;
    expect(Array.from(frame.layers[0].dhNorm.subarray(8))).toEqual(Array.from(fullFrame.layers[0].dhNorm.subarray(8)));
    expect(frame.layers[0].dhNorm[7]).not.toBe(fullFrame.layers[0].dhNorm[7]);
  });

  it('adds validation losses on a schedule that keeps their cost small', () => {
    const config = { ...SMALL, batchSize: 16 };
    const every = validationInterval(buildRun(config).task.validation.B, 16);
    expect(every % VALIDATE_EVERY).toBe(0);
    const { core } = started(config);
    const out = core.handle({ type: 'step', runId: 1, count: 2 * every });
    const v = ofType(out, 'progress')[0].progress.validation;
    expect(v.map((e) => e.step)).toEqual([every, 2 * every]);
    expect(v.every((e) => Number.isFinite(e.loss) && e.loss > 0)).toBe(true);
  });

  it('validationInterval: every VALIDATE_EVERY steps unless the validation batch is large', () => {
    expect(validationInterval(64, 64)).toBe(VALIDATE_EVERY);
    expect(validationInterval(64, 16)).toBe(2 * VALIDATE_EVERY);
    expect(validationInterval(96, 16)).toBe(3 * VALIDATE_EVERY);
    expect(validationInterval(64, 1)).toBeGreaterThan(20 * VALIDATE_EVERY);
  });

  it('stops on a non-finite value, reports it, keeps finite weights, and survives Play', () => {
    const config: RunConfig = { ...SMALL, optimizer: 'sgd', momentum: 0, learningRate: 1e6, clip: 'none' };
    const { core } = started(config);
    const out = core.handle({ type: 'step', runId: 1, count: 200 });
    const failure = ofType(out, 'failure')[0]?.failure;
    expect(failure).toBeDefined();
    expect(['loss', 'gradient', 'weights']).toContain(failure.where);
    expect(failure.step).toBe(core.currentStep + 1);
    expect(failure.message.length).toBeGreaterThan(0);
    expect(ofType(out, 'status').at(-1)).toMatchObject({ status: 'paused', step: core.currentStep });
    // The steps before the failure were reported, the last frame shows the last finite weights (which
    // may exceed Float32's range: the frame then shows ±Infinity, the run itself keeps finite doubles).
    expect(lossesOf(out)).toHaveLength(core.currentStep);
    expect(ofType(out, 'frame').at(-1)?.frame.step).toBe(core.currentStep);
    expect(core.weights?.every(Number.isFinite)).toBe(true);

    expect(core.handle({ type: 'play', runId: 1 })).toEqual([{ type: 'status', runId: 1, status: 'playing', step: core.currentStep }]);
    const again = core.runFor(50);
    expect(ofType(again, 'failure')).toHaveLength(1);
    expect(core.isPlaying).toBe(false);
    expect(core.weights?.every(Number.isFinite)).toBe(true);
  });

  it('reports an impossible config or hyper-parameter as an error, paused', () => {
    const bad = started({ ...SMALL, hiddenSize: 0 }).init;
    expect(bad.map((m) => m.type)).toEqual(['error', 'status']);
    const { core } = started();
    const out = core.handle({ type: 'setHyper', runId: 1, patch: { learningRate: -1 } });
    expect(out.map((m) => m.type)).toEqual(['error', 'status']);
    // The optimiser kept its valid config: training goes on.
    expect(lossesOf(core.handle({ type: 'step', runId: 1 }))).toHaveLength(1);
    core.handle({ type: 'setHyper', runId: 1, patch: { batchSize: 0 } });
    expect(core.handle({ type: 'step', runId: 1 }).map((m) => m.type)).toEqual(['error', 'status']);
    core.handle({ type: 'setHyper', runId: 1, patch: { batchSize: 4 } });
    expect(ofType(core.handle({ type: 'step', runId: 1 }), 'progress')[0].progress.firstStep).toBe(2);
  });

  for (const [cell, extra] of [['lstm', {}], ['lstm', { peephole: true }], ['gru', {}], ['rnn', {}]] as const) {
    it(`frames match the protocol shapes (${cell}${'peephole' in extra ? ' + peephole' : ''}, 2 layers)`, () => {
      const H = 5;
      const T = 7;
      for (const task of ['sine', 'frequency'] as const) {
        const config: RunConfig = { ...SMALL, ...extra, task, cell, numLayers: 2, hiddenSize: H, seqLen: T };
        const { core } = started(config);
        const f = ofType(core.handle({ type: 'step', runId: 1 }), 'frame')[0].frame;
        const G = gateCount(cell);
        const O = task === 'sine' ? 1 : 3;
        const rows = task === 'sine' ? T : 1;
        expect([f.step, f.T, f.H, f.I, f.O, f.rows]).toEqual([1, T, H, 1, O, rows]);
        expect(f.x).toHaveLength(T);
        expect(f.output).toHaveLength(rows * O);
        expect(f.target).toHaveLength(task === 'sine' ? rows * O : rows);
        expect(f.dx).toHaveLength(T);
        expect(f.dxNorm).toHaveLength(T);
        expect(Number.isFinite(f.loss)).toBe(true);
        expect(f.layers).toHaveLength(2);
        f.layers.forEach((l, i) => {
          const inSize = i === 0 ? 1 : H;
          expect([l.pre.length, l.act.length, l.dPre.length]).toEqual([T * G * H, T * G * H, T * G * H]);
          expect([l.h.length, l.h0.length, l.dh.length, l.dhNorm.length]).toEqual([T * H, H, T * H, T]);
          expect(l.c?.length ?? null).toBe(cell === 'lstm' ? T * H : null);
          expect(l.c0?.length ?? null).toBe(cell === 'lstm' ? H : null);
          expect(l.dc?.length ?? null).toBe(cell === 'lstm' ? T * H : null);
          expect(l.dcNorm?.length ?? null).toBe(cell === 'lstm' ? T : null);
          expect(l.hn?.length ?? null).toBe(cell === 'gru' ? T * H : null);
          expect(l.dPreHh?.length ?? null).toBe(cell === 'gru' ? T * G * H : null);
          expect(l.gateNorms).toHaveLength(T * G);
          expect([l.wIh.length, l.wHh.length, l.bIh.length, l.bHh.length]).toEqual([G * H * inSize, G * H * H, G * H, G * H]);
          expect(l.peephole?.length ?? null).toBe('peephole' in extra ? 3 * H : null);
        });
        // Every array has a buffer of its own, or postMessage's transfer list would reject the duplicate.
        const buffers = frameBuffers(f);
        expect(new Set(buffers).size).toBe(buffers.length);
      }
    });
  }

  it('the probe trace leaves the training gradient untouched', () => {
    const run = buildRun(SMALL);
    const options = stepOptionsOf(SMALL, run.task);
    trainStep(run.net, run.optimizer, run.task.trainBatch(run.data, 4), options, new LossBuffers());
    const grad = Array.from(run.net.params.grad);
    const weights = Array.from(run.net.params.data);
    const frame = new ProbeRecorder(run.probeNet, run.task.probe, run.task.loss).capture(1, 0);
    expect(Array.from(run.net.params.grad)).toEqual(grad);
    expect(Array.from(run.net.params.data)).toEqual(weights);
    expect(frame.layers[0].dhNorm.some((v) => v > 0)).toBe(true);
  });

  it('paces frames: at most one per FRAME_INTERVAL_MS, and progress covers every step', () => {
    const clock = tickingClock(0.25, 1000);
    const { core } = started(SMALL, 1, clock.now);
    core.handle({ type: 'play', runId: 1 });
    const frameTimes: number[] = [];
    const progress: Progress[] = [];
    const t0 = clock.peek();
    while (clock.peek() - t0 < 500) {
      const out = core.runFor(12);
      expect(ofType(out, 'progress').length).toBeLessThanOrEqual(1);
      expect(ofType(out, 'frame').length).toBeLessThanOrEqual(1);
      progress.push(...ofType(out, 'progress').map((m) => m.progress));
      if (ofType(out, 'frame').length) frameTimes.push(clock.peek());
    }
    expect(frameTimes.length).toBeGreaterThan(10);
    for (let k = 1; k < frameTimes.length; k++) expect(frameTimes[k] - frameTimes[k - 1]).toBeGreaterThanOrEqual(FRAME_INTERVAL_MS);
    const steps = progress.flatMap((p) => Array.from(p.losses, (_, k) => p.firstStep + k));
    expect(steps).toEqual(Array.from({ length: core.currentStep }, (_, k) => k + 1));
    // Training time is monotonic and per step.
    const times = progress.flatMap((p) => Array.from(p.times));
    expect(times.every((t, k) => k === 0 || t > times[k - 1])).toBe(true);
    expect(progress.at(-1)?.stepsPerSecond).toBeGreaterThan(0);
  });

  it('respects the speed cap and sleeps between capped steps', () => {
    const clock = tickingClock(0.05, 1000);
    const { core } = started(SMALL, 1, clock.now);
    core.handle({ type: 'setSpeed', runId: 1, stepsPerSecond: 20 });
    core.handle({ type: 'play', runId: 1 });
    const t0 = clock.peek();
    while (clock.peek() - t0 < 1000) {
      core.runFor(12);
      expect(core.idleMs()).toBeLessThanOrEqual(50);
    }
    // 20 steps/s for one second: the first at once, then one every 50 ms.
    expect(core.currentStep).toBeGreaterThanOrEqual(20);
    expect(core.currentStep).toBeLessThanOrEqual(21);
    core.handle({ type: 'setSpeed', runId: 1, stepsPerSecond: null });
    expect(core.idleMs()).toBe(0);
  });

  it('rests in proportion to its CPU share, only while busy', () => {
    const { core } = started();
    expect(core.restAfter(12)).toBe(0);
    core.handle({ type: 'setCpuShare', runId: 1, share: 0.25 });
    expect(core.restAfter(12)).toBe(0); // paused: nothing to rest from
    core.handle({ type: 'play', runId: 1 });
    expect(core.restAfter(12)).toBeCloseTo(36, 12); // 12 ms of work in every 48
    core.handle({ type: 'setCpuShare', runId: 1, share: 1 });
    expect(core.restAfter(12)).toBe(0);
  });

  it('pause flushes the last steps and frame; runFor does nothing while paused', () => {
    const { core } = started(SMALL, 1, tickingClock(1, 1000).now);
    core.handle({ type: 'play', runId: 1 });
    core.runFor(5);
    const stepAtPause = core.currentStep;
    const out = core.handle({ type: 'pause', runId: 1 });
    expect(ofType(out, 'status')[0]).toMatchObject({ status: 'paused', step: stepAtPause });
    expect(core.runFor(12)).toEqual([]);
    expect(core.currentStep).toBe(stepAtPause);
  });
});
