import { describe, expect, it } from 'vitest';
import { makeModelConfig } from '../config.ts';
import { gateIndex } from '../gateLayout.ts';
import { RecurrentNet } from '../network.ts';
import { Rng } from '../rng.ts';
import { carryProducts, fitDecay, markVanishing, rnnJacobianProducts, rowNorms } from './gradientFlow.ts';
import { spectralNorm } from '../init.ts';

function randomNet(cell: 'rnn' | 'lstm' | 'gru', H: number, seed: number, scale = 0.7) {
  const net = new RecurrentNet(makeModelConfig({ cell, inputSize: 2, hiddenSize: H, outputSize: 1, outputMode: 'last' }));
  const rng = new Rng(seed);
  for (let i = 0; i < net.params.size; i++) net.params.data[i] = rng.uniform(-scale, scale);
  return { net, rng };
}

describe('decay fit and marks', () => {
  it('recovers the rate of an exact exponential', () => {
    const T = 12;
    const norms = Array.from({ length: T }, (_, t) => 3 * 0.5 ** (T - 1 - t));
    const fit = fitDecay(norms);
    expect(fit.slope).toBeCloseTo(Math.log(0.5), 12);
    expect(fit.factorPerStep).toBeCloseTo(0.5, 12);
    expect(fit.used).toBe(T);
  });
  it('ignores zeros and non-finite values', () => {
    expect(fitDecay([0, NaN, 1, 2, 4]).factorPerStep).toBeCloseTo(0.5, 12);
  });
  it('marks where a curve vanished or exploded', () => {
    const T = 30;
    const vanishing = Array.from({ length: T }, (_, t) => 0.3 ** (T - 1 - t));
    // 0.3^k < 1e-6 first at k = 12 → t = 17
    expect(markVanishing(vanishing).vanishedAt).toBe(17);
    expect(markVanishing(vanishing).explodedAt).toBeNull();
    const exploding = Array.from({ length: T }, (_, t) => 3 ** (T - 1 - t));
    expect(markVanishing(exploding).explodedAt).toBe(T - 1 - 13);
    expect(markVanishing([1, Infinity, 1, 1]).explodedAt).toBe(1);
  });
  it('rowNorms', () => {
    expect(Array.from(rowNorms([3, 4, 0, 0, 1, 0], 3, 2))).toEqual([5, 0, 1]);
  });
});

describe('Jacobian products', () => {
  it('RNN: the product of the last k Jacobians equals ∂h_{T−1}/∂h_{T−1−k} by finite differences', () => {
    const H = 4, T = 6;
    const { net, rng } = randomNet('rnn', H, 3, 0.9);
    const x = Float64Array.from({ length: T * 2 }, () => rng.uniform(-1, 1));
    const fwd = net.forward({ x, T, B: 1 });
    const l = fwd.layers[0];
    const products = rnnJacobianProducts(net.params, 0, l.pre, l.h, T);
    for (const k of [1, 3, T - 1]) {
      // Run the last k steps from h_{T−1−k}, and differentiate h_{T−1} with respect to that start state.
      const start = l.h.slice((T - 1 - k) * H, (T - k) * H);
      const suffix = new RecurrentNet(net.config, net.params.clone());
      const xs = x.slice((T - k) * 2);
      const J = new Float64Array(H * H);
      for (let j = 0; j < H; j++) {
        const up = start.slice(); up[j] += 1e-6;
        const dn = start.slice(); dn[j] -= 1e-6;
        const hu = suffix.forward({ x: xs, T: k, B: 1 }, { h0: up }).hN.slice();
        const hd = suffix.forward({ x: xs, T: k, B: 1 }, { h0: dn }).hN.slice();
        for (let i = 0; i < H; i++) J[i * H + j] = (hu[i] - hd[i]) / 2e-6;
      }
      expect(products[k]).toBeCloseTo(spectralNorm(J, H, H, 200), 6);
    }
    expect(products[0]).toBe(1);
  });

  it('LSTM and GRU: carry products are running products of f (resp. z) from the end', () => {
    for (const cell of ['lstm', 'gru'] as const) {
      const H = 3, T = 5;
      const { net, rng } = randomNet(cell, H, 4);
      const x = Float64Array.from({ length: T * 2 }, () => rng.uniform(-1, 1));
      const act = net.forward({ x, T, B: 1 }).layers[0].act;
      const G = cell === 'lstm' ? 4 : 3;
      const g = cell === 'lstm' ? gateIndex('lstm', 'f') : gateIndex('gru', 'z');
      const out = carryProducts(net.config, act, T);
      for (let k = 0; k < T; k++) {
        let mean = 0;
        for (let j = 0; j < H; j++) {
          let p = 1;
          for (let s = T - k; s < T; s++) p *= act[s * G * H + g * H + j];
          mean += p / H;
        }
        expect(out[k]).toBeCloseTo(mean, 14);
      }
    }
  });
});
