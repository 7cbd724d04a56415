import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import { DIVERGENCE, DivergenceWatch } from './divergence.ts';
import type { FromWorker } from '../contracts/protocol.ts';
import { TrainerCore } from './trainerCore.ts';

/** Feeds losses; returns [step, report] for every change the watch reports. */
function watch(losses: number[], w = new DivergenceWatch()): [number, unknown][] {
  const out: [number, unknown][] = [];
  losses.forEach((loss, k) => {
    const r = w.push(k + 1, loss);
    if (r !== undefined) out.push([k + 1, r]);
  });
  return out;
}

describe('DivergenceWatch', () => {
  it('reports a loss that stays two orders of magnitude above its start, once', () => {
    const reports = watch([1, ...Array.from({ length: 100 }, (_, k) => 1e9 * (1 + (k % 7)))]);
    expect(reports).toHaveLength(1);
    const [step, d] = reports[0];
    expect(step).toBeLessThan(2 + DIVERGENCE.steps + 5);
    expect(d).toMatchObject({ startLoss: 1 });
    expect((d as { ratio: number }).ratio).toBeGreaterThan(1e8);
  });

  it('ignores a falling loss, a short spike and non-finite losses', () => {
    expect(watch(Array.from({ length: 200 }, (_, k) => 1 / (k + 1)))).toEqual([]);
    expect(watch([1, ...Array(10).fill(1e3), ...Array(200).fill(0.5)])).toEqual([]);
    // A spike whose smoothed loss stays over 100× the start for longer than `steps`, but falls all the while.
    expect(watch([1, ...Array(4).fill(1e4), ...Array(200).fill(0.5)])).toEqual([]);
    expect(watch([1, ...Array(10).fill(NaN), ...Array(50).fill(0.9)])).toEqual([]);
  });

  it('withdraws the report when the loss comes back down', () => {
    const reports = watch([1, ...Array(60).fill(1e6), ...Array(200).fill(0.1)]);
    expect(reports.map(([, r]) => (r === null ? null : 'diverging'))).toEqual(['diverging', null]);
  });

  it('is judged afresh after rearm(), and says whether a report was withdrawn', () => {
    const w = new DivergenceWatch();
    watch([1, ...Array(60).fill(1e6)], w);
    expect(w.rearm()).toBe(true);
    expect(w.rearm()).toBe(false);
    expect(watch(Array(DIVERGENCE.steps + 1).fill(1e6), w)).toHaveLength(1);
  });
});

describe('divergence in the trainer core', () => {
  const run = (config: RunConfig, steps: number): FromWorker[] => {
    let t = 0;
    const core = new TrainerCore(() => (t += 0.01));
    core.handle({ type: 'init', runId: 1, config });
    return core.handle({ type: 'step', runId: 1, count: steps });
  };
  const reports = (msgs: FromWorker[]) => msgs.filter((m) => m.type === 'divergence');

  it('warns about Adam at learning rate 1e6 before any NaN, after the losses that show it', () => {
    const out = run({ ...DEFAULT_RUN_CONFIG, optimizer: 'adam', learningRate: 1e6, clip: 'none' }, 60);
    expect(out.some((m) => m.type === 'failure')).toBe(false);
    const [d] = reports(out);
    expect(d).toMatchObject({ type: 'divergence', runId: 1 });
    if (d?.type !== 'divergence' || !d.divergence) throw new Error('no divergence');
    expect(d.divergence.ratio).toBeGreaterThan(DIVERGENCE.factor);
    const before = out.slice(0, out.indexOf(d)).filter((m) => m.type === 'progress');
    const last = before[before.length - 1];
    expect(last?.type === 'progress' && last.progress.firstStep + last.progress.losses.length - 1).toBe(d.divergence.step);
  });

  it('warns about clipped SGD at learning rate 1e6, and not about the demo run', () => {
    expect(reports(run({ ...DEFAULT_RUN_CONFIG, optimizer: 'sgd', learningRate: 1e6, clip: 'norm' }, 60))).toHaveLength(1);
    expect(reports(run(DEFAULT_RUN_CONFIG, 200))).toEqual([]);
  });

  it('withdraws the warning when new hyper-parameters are set', () => {
    let t = 0;
    const core = new TrainerCore(() => (t += 0.01));
    core.handle({ type: 'init', runId: 1, config: { ...DEFAULT_RUN_CONFIG, learningRate: 1e6 } });
    expect(reports(core.handle({ type: 'step', runId: 1, count: 60 }))).toHaveLength(1);
    expect(reports(core.handle({ type: 'setHyper', runId: 1, patch: { learningRate: 0.001 } }))).toEqual([{ type: 'divergence', runId: 1, divergence: null }]);
  });
});
