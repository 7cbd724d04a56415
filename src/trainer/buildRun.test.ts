import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import { GENERATED_TASKS } from '../tasks/registry.ts';
import { buildRun, optimizerConfigOf } from './buildRun.ts';
import { spectralNorm } from '../engine/init.ts';
import { Rng } from '../engine/rng.ts';

const SMALL: RunConfig = { ...DEFAULT_RUN_CONFIG, seqLen: 10, hiddenSize: 6 };

describe('buildRun', () => {
  it('the same config gives the same weights and data; the seed changes both', () => {
    const a = buildRun(SMALL);
    const b = buildRun(SMALL);
    const c = buildRun({ ...SMALL, seed: 2 });
    expect(Array.from(a.net.params.data)).toEqual(Array.from(b.net.params.data));
    expect(Array.from(a.net.params.data)).not.toEqual(Array.from(c.net.params.data));
    expect(a.task.trainBatch(a.data, 3)).toEqual(b.task.trainBatch(b.data, 3));
    expect(a.task.trainBatch(a.data, 3)).not.toEqual(c.task.trainBatch(c.data, 3));
  });

  it('probe and validation nets share the training parameters', () => {
    const run = buildRun(SMALL);
    expect(run.probeNet.params).toBe(run.net.params);
    expect(run.evalNet.params).toBe(run.net.params);
  });

  it('builds the model around the task', () => {
    const run = buildRun({ ...SMALL, task: 'frequency', cell: 'gru', numLayers: 2, peephole: true });
    expect(run.summary).toMatchObject({
      cell: 'gru', inputSize: 1, hiddenSize: 6, numLayers: 2, outputSize: 3, outputMode: 'last',
      gates: ['r', 'z', 'n'], loss: 'crossEntropy', paramCount: run.net.params.size,
    });
    expect(run.summary.classes).toHaveLength(3);
    expect(run.summary.tensors.map((t) => t.name)).toContain('weight_hh_l1');
    expect(run.task.seqLen).toBe(10);
    expect(Object.keys(GENERATED_TASKS)).toContain('adding');
  });

  it('applies the forget-gate bias', () => {
    const run = buildRun({ ...SMALL, forgetBias: 2 });
    const H = SMALL.hiddenSize;
    expect(Array.from(run.net.params.value('bias_ih_l0').subarray(H, 2 * H))).toEqual(new Array(H).fill(2));
  });

  it('maps the optimiser settings, with PyTorch defaults for the rest', () => {
    expect(optimizerConfigOf({ ...SMALL, optimizer: 'sgd', learningRate: 0.1, momentum: 0.5, weightDecay: 1e-4 }))
      .toEqual({ kind: 'sgd', lr: 0.1, momentum: 0.5, nesterov: false, weightDecay: 1e-4 });
    expect(optimizerConfigOf({ ...SMALL, optimizer: 'adam', learningRate: 0.02 }))
      .toEqual({ kind: 'adam', lr: 0.02, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 });
    expect(optimizerConfigOf({ ...SMALL, optimizer: 'rmsprop', momentum: 0.9 }))
      .toEqual({ kind: 'rmsprop', lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0.9, weightDecay: 0 });
  });

  describe('recurrentScale: each gate block of weight_hh gets the target spectral norm', () => {
    const block = (run: ReturnType<typeof buildRun>, l: number, g: number, H: number) =>
      run.net.params.value(`weight_hh_l${l}`).slice(g * H * H, (g + 1) * H * H);

    it('orthogonal blocks become exactly target × an orthogonal matrix (UᵀU = s²I)', () => {
      const H = 6;
      const run = buildRun({ ...SMALL, hiddenSize: H, recurrentInit: 'orthogonal', recurrentScale: 1.7, numLayers: 2 });
      for (let l = 0; l < 2; l++) {
        for (let g = 0; g < 4; g++) {
          const u = block(run, l, g, H);
          for (let i = 0; i < H; i++) {
            for (let j = 0; j < H; j++) {
              let dot = 0;
              for (let k = 0; k < H; k++) dot += u[k * H + i] * u[k * H + j];
              expect(dot).toBeCloseTo(i === j ? 1.7 ** 2 : 0, 10);
            }
          }
        }
      }
    });

    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      it(`${cell}: random blocks, checked by a long independent power iteration and random vectors`, () => {
        const H = 16;
        const target = cell === 'rnn' ? 4 : 0.5;
        const run = buildRun({ ...SMALL, cell, hiddenSize: H, recurrentScale: target });
        const G = run.summary.gates.length;
        const rng = new Rng(5);
        for (let g = 0; g < G; g++) {
          const u = block(run, 0, g, H);
          expect(spectralNorm(u, H, H, 5000)).toBeCloseTo(target, 6);
          // No vector is stretched by more than the target.
          for (let trial = 0; trial < 20; trial++) {
            const v = Float64Array.from({ length: H }, () => rng.normal());
            const vn = Math.hypot(...v);
            const uv = Array.from({ length: H }, (_, i) => v.reduce((s, vj, j) => s + u[i * H + j] * vj, 0));
            expect(Math.hypot(...uv)).toBeLessThanOrEqual(target * vn * (1 + 1e-9));
          }
        }
      });
    }

    it('is deterministic and touches nothing but weight_hh; null leaves the weights as initialised', () => {
      const a = buildRun({ ...SMALL, recurrentScale: 2 });
      const b = buildRun({ ...SMALL, recurrentScale: 2 });
      const plain = buildRun(SMALL);
      expect(Array.from(a.net.params.data)).toEqual(Array.from(b.net.params.data));
      for (const spec of a.net.params.specs) {
        const same = Array.from(a.net.params.value(spec.name)).every((v, i) => v === plain.net.params.value(spec.name)[i]);
        expect(same).toBe(spec.kind !== 'weight_hh');
      }
    });
  });
});
