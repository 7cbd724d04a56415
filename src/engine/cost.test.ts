import { describe, expect, it } from 'vitest';
import { makeModelConfig } from './config.ts';
import { estimateCost, parameterCount, type CostShape } from './cost.ts';
import { RecurrentNet } from './network.ts';

const SHAPE: CostShape = { cell: 'lstm', T: 40, B: 16, inputSize: 1, hiddenSize: 12, numLayers: 2, outputSize: 1, outputMode: 'sequence', extraSequences: 0 };

describe('estimateCost', () => {
  it('counts the parameters the network has', () => {
    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      const s = { ...SHAPE, cell };
      const net = new RecurrentNet(makeModelConfig({ cell, inputSize: 1, hiddenSize: 12, numLayers: 2, outputSize: 1, outputMode: 'sequence' }));
      expect(parameterCount(s)).toBe(net.params.size);
    }
  });

  it('grows with T, B and H, and is about 10 GB for a large vocabulary raced three times', () => {
    const small = estimateCost(SHAPE);
    expect(small.bytes).toBeGreaterThan(0);
    expect(small.bytes).toBeLessThan(1e7);
    expect(estimateCost({ ...SHAPE, T: 80 }).bytes).toBeGreaterThan(1.9 * small.bytes - 4 * 8 * parameterCount(SHAPE));
    const big = estimateCost({ cell: 'lstm', T: 200, B: 256, inputSize: 3000, hiddenSize: 128, numLayers: 4, outputSize: 3000, outputMode: 'sequence', extraSequences: 65 });
    expect(3 * big.bytes).toBeGreaterThan(5e9);
    expect(big.flops).toBeGreaterThan(1e11);
  });
});
