/**
 * The known result, measured: at T = 50 the vanilla RNN stays near chance on long-range memory tasks while the
 * LSTM and the GRU learn them (same seed, data order and optimiser for all three). Numbers are in the README.
 */
import { describe, expect, it } from 'vitest';
import { makeModelConfig, type CellKind } from '../../src/engine/config.ts';
import { initParams } from '../../src/engine/init.ts';
import { RecurrentNet } from '../../src/engine/network.ts';
import { createOptimizer, defaultOptimizerConfig } from '../../src/engine/optim.ts';
import { Rng } from '../../src/engine/rng.ts';
import { evaluateLoss, LossBuffers, trainStep } from '../../src/engine/train.ts';
import { chanceLoss, memoryTask, type MemoryTaskId } from '../../src/tasks/memory.ts';

function trainOn(id: MemoryTaskId, cell: CellKind, T: number, steps: number): number {
  const task = memoryTask(id, T);
  const rng = new Rng(1);
  const net = new RecurrentNet(makeModelConfig({ cell, inputSize: task.inputSize, hiddenSize: 16, outputSize: task.outputSize, outputMode: 'last' }));
  initParams(net.params, rng.fork(1), { scheme: 'pytorch', recurrent: 'same', forgetBias: cell === 'lstm' ? 1 : null });
  const opt = createOptimizer({ ...defaultOptimizerConfig('adam'), lr: 0.01 }, net.params.size);
  const buffers = new LossBuffers();
  const data = rng.fork(2);
  for (let s = 0; s < steps; s++) {
    trainStep(net, opt, task.trainBatch(data, 32), { loss: task.loss, clip: { mode: 'norm', value: 1 }, truncate: 0 }, buffers);
  }
  return evaluateLoss(net, task.validation, task.loss, buffers);
}

describe('long-range memory at T = 50', () => {
  it('temporal order: LSTM and GRU learn it, the RNN stays at chance', () => {
    const chance = chanceLoss('temporalOrder');
    const rnn = trainOn('temporalOrder', 'rnn', 50, 600);
    const lstm = trainOn('temporalOrder', 'lstm', 50, 600);
    const gru = trainOn('temporalOrder', 'gru', 50, 600);
    expect(rnn).toBeGreaterThan(0.95 * chance);
    expect(lstm).toBeLessThan(0.05);
    expect(gru).toBeLessThan(0.05);
  });

  // Three 1000-step runs: minutes on a loaded machine, so this one test gets a longer timeout.
  it('adding problem: LSTM and GRU beat the constant guess by far, the RNN does not', { timeout: 240_000 }, () => {
    const chance = chanceLoss('adding');
    const rnn = trainOn('adding', 'rnn', 50, 1000);
    const lstm = trainOn('adding', 'lstm', 50, 1000);
    const gru = trainOn('adding', 'gru', 50, 1000);
    expect(rnn).toBeGreaterThan(0.7 * chance);
    expect(lstm).toBeLessThan(0.1 * chance);
    expect(gru).toBeLessThan(0.1 * chance);
  });

  it('each batch is seeded and shaped as declared', () => {
    for (const id of ['adding', 'firstSymbol', 'temporalOrder'] as const) {
      const task = memoryTask(id, 20);
      const a = task.trainBatch(new Rng(5), 4);
      const b = task.trainBatch(new Rng(5), 4);
      expect(a.x.length).toBe(20 * 4 * task.inputSize);
      expect(a.target.length).toBe(4);
      expect(Array.from(a.x)).toEqual(Array.from(b.x));
    }
  });
});
