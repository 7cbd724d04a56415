import { describe, expect, it } from 'vitest';
import { makeModelConfig, type CellKind } from '../config.ts';
import { gateCount } from '../gateLayout.ts';
import { mseLoss, softmaxCrossEntropy } from '../loss.ts';
import { RecurrentNet } from '../network.ts';
import { Rng } from '../rng.ts';
import { inputRows, stateRows, timestepTerms, type TermRows } from './timestepTerms.ts';

/** The definition: build each timestep's term Σ_b δ_{t,b}·v_{t,b}ᵀ as a matrix, sum them, project. */
function byMatrices(dPre: Float64Array, v: (t: number, b: number, k: number) => number, T: number, B: number, GH: number, cols: number) {
  const terms = Array.from({ length: T }, (_, t) => {
    const m = new Float64Array(GH * cols);
    for (let b = 0; b < B; b++) for (let r = 0; r < GH; r++) for (let k = 0; k < cols; k++) m[r * cols + k] += dPre[(t * B + b) * GH + r] * v(t, b, k);
    return m;
  });
  const total = new Float64Array(GH * cols);
  for (const m of terms) m.forEach((x, i) => (total[i] += x));
  const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * b[i], 0);
  const t2 = dot(total, total);
  return { norm: terms.map((m) => Math.sqrt(dot(m, m))), share: terms.map((m) => dot(m, total) / t2), totalNorm: Math.sqrt(t2), total };
}

function check(got: ReturnType<typeof timestepTerms>, ref: ReturnType<typeof byMatrices>): void {
  got.norm.forEach((x, t) => expect(x).toBeCloseTo(ref.norm[t], 12));
  got.share.forEach((x, t) => expect(x).toBeCloseTo(ref.share[t], 12));
  expect(got.totalNorm).toBeCloseTo(ref.totalNorm, 12);
  expect(got.share.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
}

describe('RNNbow: a weight gradient split over timesteps', () => {
  for (const cell of ['rnn', 'lstm', 'gru'] as const satisfies readonly CellKind[]) {
    it(`${cell}: matches the per-timestep matrices for a batch (B = 3, 2 layers), and the total is the BPTT gradient`, () => {
      const H = 3, T = 5, B = 3, I = 2, L = 2;
      const net = new RecurrentNet(makeModelConfig({ cell, inputSize: I, hiddenSize: H, numLayers: L, outputSize: 1 }));
      const rng = new Rng(11);
      for (let i = 0; i < net.params.size; i++) net.params.data[i] = rng.uniform(-0.7, 0.7);
      const x = Float64Array.from({ length: T * B * I }, () => rng.uniform(-1, 1));
      const h0 = Float64Array.from({ length: L * B * H }, () => rng.uniform(-0.5, 0.5));
      const fwd = net.forward({ x, T, B }, { h0 });
      const dOut = new Float64Array(B);
      mseLoss(fwd.output, Float64Array.from([0.3, -0.2, 0.5]), dOut);
      net.params.zeroGrad();
      const bwd = net.backward(dOut);
      const GH = gateCount(cell) * H;
      for (let l = 0; l < L; l++) {
        const cols = l === 0 ? I : H;
        const input = l === 0 ? x : fwd.layers[0].h;
        const h = fwd.layers[l].h;
        const ih = byMatrices(bwd.layers[l].dPreIh, (t, b, k) => input[(t * B + b) * cols + k], T, B, GH, cols);
        const hh = byMatrices(bwd.layers[l].dPreHh, (t, b, k) => (t === 0 ? h0[(l * B + b) * H + k] : h[((t - 1) * B + b) * H + k]), T, B, GH, H);
        check(timestepTerms(bwd.layers[l].dPreIh, inputRows(fwd, l, cols), T, B, GH, cols), ih);
        check(timestepTerms(bwd.layers[l].dPreHh, stateRows(fwd, l, H), T, B, GH, H), hh);
        // Given the accumulated gradient instead, the same split.
        const wHh = net.params.spec(`weight_hh_l${l}`);
        check(timestepTerms(bwd.layers[l].dPreHh, stateRows(fwd, l, H), T, B, GH, H, net.params.grad, wHh.offset), hh);
        expect(hh.total.every((v, i) => Math.abs(v - net.params.grad[wHh.offset + i]) < 1e-12)).toBe(true);
      }
    });
  }

  it('a one-hot input given as symbols splits like its dense rows, repeated symbols in a timestep included', () => {
    const V = 4, H = 3, T = 4, B = 3;
    const net = new RecurrentNet(makeModelConfig({ cell: 'lstm', inputSize: V, hiddenSize: H, outputSize: V, outputMode: 'sequence' }));
    const rng = new Rng(2);
    for (let i = 0; i < net.params.size; i++) net.params.data[i] = rng.uniform(-0.7, 0.7);
    const symbols = Int32Array.from([0, 0, 3, 1, 2, 1, 3, 3, 3, 2, 0, 1]);
    const x = new Float64Array(T * B * V);
    symbols.forEach((k, r) => (x[r * V + k] = 1));
    const fwd = net.forward({ x, symbols, T, B });
    const dOut = new Float64Array(fwd.output.length);
    softmaxCrossEntropy(fwd.output, Float64Array.from(symbols, (k) => (k + 1) % V), V, dOut);
    net.params.zeroGrad();
    const bwd = net.backward(dOut);
    const rows: TermRows = inputRows(fwd, 0, V);
    expect(rows.symbols).toBe(symbols);
    const ref = byMatrices(bwd.layers[0].dPreIh, (t, b, k) => x[(t * B + b) * V + k], T, B, 4 * H, V);
    check(timestepTerms(bwd.layers[0].dPreIh, rows, T, B, 4 * H, V), ref);
    check(timestepTerms(bwd.layers[0].dPreIh, { first: x, firstOff: 0, rest: x, restOff: B * V }, T, B, 4 * H, V), ref);
  });
});
