import { describe, expect, it } from 'vitest';
import { gradientCheck } from '../engine/gradcheck.ts';
import { computeLoss, LossBuffers } from '../engine/train.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import { buildRun, gradCheckBatch } from './buildRun.ts';
import { GradCheckJob } from './gradCheckJob.ts';
import type { FromWorker } from '../contracts/protocol.ts';
import { TrainerCore } from './trainerCore.ts';
import { ofType, tickingClock } from '../testing/workerMessages.ts';

const SMALL: RunConfig = { ...DEFAULT_RUN_CONFIG, seqLen: 8, hiddenSize: 4, batchSize: 3 };

/** A clock that moves 1 ms per reading: with a 0 ms budget, advance() compares exactly one entry. */
function jobFor(config: RunConfig, eps: number, maxPerGroup: number | null) {
  const run = buildRun(config);
  const batch = gradCheckBatch(config, run.task);
  return { run, batch, job: new GradCheckJob(run.net, batch, run.task.loss, { requestId: 1, eps, maxPerGroup, step: 0 }) };
}

function finish(job: GradCheckJob): void {
  const clock = tickingClock(1).now;
  while (!job.finished) job.advance(1000, clock);
}

describe('GradCheckJob', () => {
  for (const [cell, peephole, task] of [['lstm', true, 'sine'], ['gru', false, 'frequency'], ['rnn', false, 'adding']] as const) {
    it(`${cell}: the same entries and numbers as the engine's gradientCheck`, () => {
      const config: RunConfig = { ...SMALL, cell, peephole, task, numLayers: 2 };
      for (const maxPerGroup of [null, 3]) {
        const { run, batch, job } = jobFor(config, 1e-5, maxPerGroup);
        finish(job);
        const params = run.net.params;
        const buffers = new LossBuffers();
        const loss = () => {
          const fwd = run.net.forward(batch, batch.state);
          return computeLoss(run.task.loss, fwd, batch, buffers.get(fwd.output.length));
        };
        params.zeroGrad();
        const fwd = run.net.forward(batch, batch.state);
        const dOut = new Float64Array(fwd.output.length);
        computeLoss(run.task.loss, fwd, batch, dOut);
        run.net.backward(dOut);
        const ref = gradientCheck(params, loss, params.grad.slice(), { eps: 1e-5, maxPerGroup: maxPerGroup ?? undefined });
        expect(job.rows()).toEqual(
          ref.map((r) => ({
            name: r.group.name, tensor: r.group.tensor, gate: r.group.gate, checked: r.checked, relError: r.relError,
            maxAbsError: r.maxAbsError, analyticNorm: r.analyticNorm, numericNorm: r.numericNorm,
          })),
        );
        expect(job.rows().every((r) => r.relError < 1e-6)).toBe(true);
      }
    });
  }

  it('advances within its budget, one entry at least, and leaves weights and gradient exact', () => {
    const { run, job } = jobFor(SMALL, 1e-5, null);
    const params = run.net.params;
    expect(job.total).toBe(params.size);
    params.grad.fill(0.5);
    const data = params.data.slice();
    const clock = tickingClock(1).now;
    for (let k = 1; k <= 5; k++) {
      job.advance(0, clock);
      expect(job.done).toBe(k);
      expect(Array.from(params.data)).toEqual(Array.from(data));
    }
    job.advance(10, clock);
    expect(job.done).toBeGreaterThan(5);
    expect(job.done).toBeLessThan(job.total);
    finish(job);
    expect(job.done).toBe(job.total);
    expect(Array.from(params.data)).toEqual(Array.from(data));
    expect(params.grad.every((v) => v === 0.5)).toBe(true);
  });

  it('samples at most maxPerGroup entries per group and rejects bad settings', () => {
    const { job } = jobFor({ ...SMALL, hiddenSize: 6 }, 1e-5, 2);
    // LSTM: 4 gates × (W_ih, W_hh, b_ih, b_hh) groups of ≥ 6 entries, head.weight (6) and head.bias (1).
    expect(job.total).toBe(16 * 2 + 2 + 1);
    const run = buildRun(SMALL);
    const batch = gradCheckBatch(SMALL, run.task);
    expect(() => new GradCheckJob(run.net, batch, 'mse', { requestId: 1, eps: 0, maxPerGroup: null, step: 0 })).toThrow(/ε/);
    expect(() => new GradCheckJob(run.net, batch, 'mse', { requestId: 1, eps: 1e-5, maxPerGroup: 0, step: 0 })).toThrow(/maxPerGroup/);
  });

  it('the check batch is fixed per seed and leaves the training data order alone', () => {
    const a = buildRun(SMALL);
    const b = buildRun(SMALL);
    expect(gradCheckBatch(SMALL, a.task)).toEqual(gradCheckBatch(SMALL, b.task));
    expect(gradCheckBatch(SMALL, a.task)).not.toEqual(gradCheckBatch({ ...SMALL, seed: 2 }, a.task));
    expect(a.task.trainBatch(a.data, 3)).toEqual(b.task.trainBatch(b.data, 3));
  });
});

describe('TrainerCore: gradient check', () => {
  function started(config = SMALL, tick = 0.25) {
    let t = 0;
    const core = new TrainerCore(() => (t += tick));
    core.handle({ type: 'init', runId: 1, config });
    return core;
  }

  it('pauses training, reports progress in slices, then all groups pass for the default model', () => {
    // The default model at a smaller size; 1 ms per clock reading makes a slice about a dozen entries.
    const core = started({ ...DEFAULT_RUN_CONFIG, hiddenSize: 8, seqLen: 10 }, 1);
    core.handle({ type: 'play', runId: 1 });
    core.runFor(5);
    const step = core.currentStep;
    const weights = Array.from(core.weights!);
    const start = core.handle({ type: 'gradCheck', runId: 1, requestId: 7, eps: 1e-5, maxPerGroup: null });
    expect(core.isPlaying).toBe(false);
    expect(core.isBusy).toBe(true);
    expect(ofType(start, 'status').at(-1)).toMatchObject({ status: 'paused', step });
    const total = ofType(start, 'gradCheckProgress')[0].total;
    expect(ofType(start, 'gradCheckProgress')[0]).toMatchObject({ requestId: 7, done: 0 });
    const progress: number[] = [];
    let result: Extract<FromWorker, { type: 'gradCheckResult' }> | undefined;
    for (let slices = 0; !result; slices++) {
      const out = core.runFor(12);
      expect(ofType(out, 'progress')).toHaveLength(0);
      progress.push(...ofType(out, 'gradCheckProgress').map((m) => m.done));
      result = ofType(out, 'gradCheckResult')[0];
      expect(slices).toBeLessThan(10_000);
    }
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.every((d, k) => k === 0 || d > progress[k - 1])).toBe(true);
    expect(progress.at(-1)).toBe(total);
    expect(result).toMatchObject({ requestId: 7, step, eps: 1e-5 });
    expect(result.rows.map((r) => r.name)).toContain('weight_hh_l0[f]');
    expect(result.rows.every((r) => r.relError < 1e-6)).toBe(true);
    expect(core.isBusy).toBe(false);
    expect(core.currentStep).toBe(step);
    expect(Array.from(core.weights!)).toEqual(weights);
  });

  it('Play, Step and a new run cancel a running check; Pause does not', () => {
    const runUntilDone = (core: TrainerCore) => {
      const out: FromWorker[] = [];
      for (let k = 0; k < 5000 && core.isBusy && !core.isPlaying; k++) out.push(...core.runFor(12));
      return out;
    };
    for (const cancel of ['play', 'step', 'init'] as const) {
      const core = started();
      core.handle({ type: 'gradCheck', runId: 1, requestId: 1, eps: 1e-5, maxPerGroup: null });
      core.runFor(1);
      if (cancel === 'init') core.handle({ type: 'init', runId: 2, config: SMALL });
      else core.handle({ type: cancel, runId: 1 });
      if (cancel === 'play') core.handle({ type: 'pause', runId: 1 });
      expect(ofType(runUntilDone(core), 'gradCheckResult')).toHaveLength(0);
      expect(core.isBusy).toBe(false);
    }
    const core = started();
    core.handle({ type: 'gradCheck', runId: 1, requestId: 1, eps: 1e-5, maxPerGroup: 4 });
    core.handle({ type: 'pause', runId: 1 });
    expect(ofType(runUntilDone(core), 'gradCheckResult')).toHaveLength(1);
  });

  it('a second request replaces the first', () => {
    const core = started();
    core.handle({ type: 'gradCheck', runId: 1, requestId: 1, eps: 1e-5, maxPerGroup: null });
    core.runFor(1);
    core.handle({ type: 'gradCheck', runId: 1, requestId: 2, eps: 1e-4, maxPerGroup: 2 });
    const out: FromWorker[] = [];
    while (core.isBusy) out.push(...core.runFor(12));
    expect(ofType(out, 'gradCheckResult').map((m) => [m.requestId, m.eps])).toEqual([[2, 1e-4]]);
  });
});
