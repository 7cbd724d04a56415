/** The engine actually learns: small seeded runs that finish in seconds. */
import { describe, expect, it } from 'vitest';
import { makeModelConfig } from '../../src/engine/config.ts';
import { initParams } from '../../src/engine/init.ts';
import { RecurrentNet } from '../../src/engine/network.ts';
import { createOptimizer, defaultOptimizerConfig } from '../../src/engine/optim.ts';
import { Rng } from '../../src/engine/rng.ts';
import { evaluateLoss, LossBuffers, trainStep } from '../../src/engine/train.ts';
import { frequencyTask } from '../../src/tasks/frequency.ts';
import { sineTask } from '../../src/tasks/sine.ts';
import type { Task } from '../../src/tasks/task.ts';

function train(task: Task, steps: number, seed: number, hidden = 16) {
  const rng = new Rng(seed);
  const config = makeModelConfig({ cell: 'lstm', inputSize: task.inputSize, hiddenSize: hidden, outputSize: task.outputSize, outputMode: task.outputMode });
  const net = new RecurrentNet(config);
  initParams(net.params, rng.fork(1), { scheme: 'pytorch', recurrent: 'same', forgetBias: 1 });
  const opt = createOptimizer({ ...defaultOptimizerConfig('adam'), lr: 0.01 }, net.params.size);
  const buffers = new LossBuffers();
  const data = rng.fork(2);
  const before = evaluateLoss(net, task.validation, task.loss, buffers);
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    losses.push(trainStep(net, opt, task.trainBatch(data, 16), { loss: task.loss, clip: { mode: 'norm', value: 5 }, truncate: 0 }, buffers).loss);
  }
  const after = evaluateLoss(net, task.validation, task.loss, buffers);
  return { net, before, after, losses };
}

describe('learning', () => {
  it('an LSTM fits a sine-wave forecast', () => {
    const task = sineTask({ seqLen: 30 });
    const { before, after } = train(task, 300, 42);
    expect(before).toBeGreaterThan(0.2);
    expect(after).toBeLessThan(0.01);
  });

  it('an LSTM classifies sequences by frequency', () => {
    const task = frequencyTask();
    const { net, before, after } = train(task, 300, 7);
    expect(before).toBeGreaterThan(0.9); // ≈ ln 3 at chance
    expect(after).toBeLessThan(0.15);
    const v = task.validation;
    const out = net.forward(v).output;
    let correct = 0;
    for (let b = 0; b < v.B; b++) {
      let best = 0;
      for (let k = 1; k < 3; k++) if (out[b * 3 + k] > out[b * 3 + best]) best = k;
      if (best === v.target[b]) correct++;
    }
    expect(correct / v.B).toBeGreaterThan(0.95);
  });

  it('the same seed gives bit-identical weights and losses; another seed differs', () => {
    const task = sineTask({ seqLen: 12 });
    const a = train(task, 25, 9, 6);
    const b = train(task, 25, 9, 6);
    const c = train(task, 25, 10, 6);
    expect(Array.from(a.net.params.data)).toEqual(Array.from(b.net.params.data));
    expect(a.losses).toEqual(b.losses);
    expect(a.losses).not.toEqual(c.losses);
  });
});
