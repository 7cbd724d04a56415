/**
 * The fast path for symbols: a one-hot input given as symbol ids (a row lookup forward, a column scatter-add
 * backward) and the fused softmax cross-entropy must give what the dense path gives.
 */
import { describe, expect, it } from 'vitest';
import { makeModelConfig, type CellKind } from './config.ts';
import { softmaxCrossEntropy, softmaxRow } from './loss.ts';
import { RecurrentNet } from './network.ts';
import { Rng } from './rng.ts';

const V = 7, H = 4, T = 5, B = 3;

/** max |a − b| over max |b|: the error relative to the array's scale. */
function relDiff(a: Float64Array, b: Float64Array): number {
  let d = 0, m = 0;
  for (let i = 0; i < a.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    m = Math.max(m, Math.abs(b[i]));
  }
  return d / m;
}

function oneHot(symbols: Int32Array, width: number): Float64Array {
  const x = new Float64Array(symbols.length * width);
  symbols.forEach((k, r) => (x[r * width + k] = 1));
  return x;
}

function pair(cell: CellKind, numLayers: number) {
  const config = makeModelConfig({ cell, inputSize: V, hiddenSize: H, numLayers, outputSize: V, outputMode: 'sequence', peephole: cell === 'lstm' });
  const rng = new Rng(5);
  const dense = new RecurrentNet(config);
  dense.params.data.set(Float64Array.from({ length: dense.params.size }, () => rng.uniform(-0.8, 0.8)));
  const sparse = new RecurrentNet(config, dense.params.clone());
  const symbols = Int32Array.from({ length: T * B }, () => rng.int(V));
  const labels = Float64Array.from({ length: T * B }, () => rng.int(V));
  return { dense, sparse, symbols, labels, x: oneHot(symbols, V) };
}

describe('one-hot input as symbol ids', () => {
  for (const cell of ['rnn', 'lstm', 'gru'] as const) {
    it(`${cell}: the same trace, gradients and ∂L/∂x as the dense one-hot input (2 layers, truncated BPTT)`, () => {
      const { dense, sparse, symbols, labels, x } = pair(cell, 2);
      const fd = dense.forward({ x, T, B });
      const fs = sparse.forward({ x: new Float64Array(0), symbols, T, B });
      // A lookup is what the product computes: the sum has one non-zero term.
      expect(fs.output).toEqual(fd.output);
      expect(fs.layers[0].pre).toEqual(fd.layers[0].pre);
      expect(fs.symbols).toBe(symbols);
      const dd = new Float64Array(fd.output.length);
      const ds = new Float64Array(fs.output.length);
      expect(softmaxCrossEntropy(fs.output, labels, V, ds)).toBe(softmaxCrossEntropy(fd.output, labels, V, dd));
      dense.params.zeroGrad();
      sparse.params.zeroGrad();
      const bd = dense.backward(dd, { truncate: 2 });
      const bs = sparse.backward(ds, { truncate: 2 });
      expect(relDiff(sparse.params.grad, dense.params.grad)).toBeLessThan(1e-12);
      const wIh = dense.params.spec('weight_ih_l0');
      const gs = sparse.params.grad.subarray(wIh.offset, wIh.offset + wIh.size);
      const gd = dense.params.grad.subarray(wIh.offset, wIh.offset + wIh.size);
      expect(relDiff(gs, gd)).toBeLessThan(1e-12);
      expect(bs.dx).toEqual(bd.dx);
      expect(bs.dh0).toEqual(bd.dh0);
    });
  }

  it('leaves ∂L/∂x unwritten when asked for no input gradient, with the same parameter gradients', () => {
    const { dense, sparse, symbols, labels, x } = pair('lstm', 1);
    const run = (net: RecurrentNet, inputGradient: boolean) => {
      const f = net.forward({ x, symbols, T, B });
      const d = new Float64Array(f.output.length);
      softmaxCrossEntropy(f.output, labels, V, d);
      net.params.zeroGrad();
      return net.backward(d, { inputGradient });
    };
    const with_ = run(dense, true);
    const withDx = with_.dx.slice();
    const without = run(sparse, false);
    expect(sparse.params.grad).toEqual(dense.params.grad);
    expect(withDx.some((v) => v !== 0)).toBe(true);
    expect(without.dx.every((v) => v === 0)).toBe(true);
  });

  it('rejects ids outside the input size and a wrong count', () => {
    const { sparse } = pair('gru', 1);
    const bad = new Int32Array(T * B);
    bad[4] = V;
    expect(() => sparse.forward({ x: new Float64Array(0), symbols: bad, T, B })).toThrow(/symbol 7 at row 4/);
    expect(() => sparse.forward({ x: new Float64Array(0), symbols: new Int32Array(3), T, B })).toThrow(/expected T·B/);
  });
});

describe('fused softmax cross-entropy', () => {
  /** The unfused definition: p = softmax(z), L = mean −log p_y, ∂L/∂z = (p − onehot(y)) / rows. */
  function reference(logits: Float64Array, labels: Float64Array, width: number, mask: Float64Array | null) {
    const rows = labels.length;
    const d = new Float64Array(logits.length);
    const p = new Float64Array(width);
    let count = 0;
    for (let r = 0; r < rows; r++) count += mask ? mask[r] : 1;
    let loss = 0;
    for (let r = 0; r < rows; r++) {
      const m = mask ? mask[r] : 1;
      softmaxRow(logits, r * width, width, p);
      loss -= m * Math.log(p[labels[r]]);
      for (let k = 0; k < width; k++) d[r * width + k] = (m * (p[k] - (k === labels[r] ? 1 : 0))) / count;
    }
    return { loss: loss / count, d };
  }

  for (const masked of [false, true]) {
    it(`matches the unfused softmax and cross-entropy to 1e-12${masked ? ', with a row mask' : ''}`, () => {
      const rng = new Rng(9);
      const rows = 40, width = 500;
      const logits = Float64Array.from({ length: rows * width }, () => rng.uniform(-12, 12));
      const labels = Float64Array.from({ length: rows }, () => rng.int(width));
      const mask = masked ? Float64Array.from({ length: rows }, (_, r) => (r % 4 === 0 ? 0 : 1)) : null;
      const d = new Float64Array(rows * width);
      const loss = softmaxCrossEntropy(logits, labels, width, d, mask);
      const ref = reference(logits, labels, width, mask);
      expect(Math.abs(loss - ref.loss) / ref.loss).toBeLessThan(1e-12);
      expect(relDiff(d, ref.d)).toBeLessThan(1e-12);
      if (mask) expect(d.subarray(0, width).every((v) => v === 0)).toBe(true);
    });
  }
});
