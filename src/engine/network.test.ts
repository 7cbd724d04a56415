import { describe, expect, it } from 'vitest';
import { makeModelConfig, type ModelConfig } from './config.ts';
import { RecurrentNet, type InitialState } from './network.ts';
import { mseLoss, softmaxCrossEntropy } from './loss.ts';
import { gradientCheck } from './gradcheck.ts';
import { Rng } from './rng.ts';

const T = 4, B = 2, I = 2, H = 3;

function randomArray(rng: Rng, n: number, scale = 1): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = rng.uniform(-scale, scale);
  return a;
}

interface Case {
  config: ModelConfig;
  loss: 'mse' | 'ce';
  mask: boolean;
}

/** Builds a net with random non-uniform weights and a loss closure over fixed data. */
function setup(c: Case, seed = 1) {
  const rng = new Rng(seed);
  const net = new RecurrentNet(c.config);
  net.params.data.set(randomArray(rng, net.params.size, 0.6));
  const x = randomArray(rng, T * B * I);
  const L = c.config.numLayers;
  const state: InitialState = {
    h0: randomArray(rng, L * B * H, 0.5),
    c0: c.config.cell === 'lstm' ? randomArray(rng, L * B * H, 0.5) : null,
  };
  const rows = net.outputRows(T, B);
  const width = net.outputWidth;
  const target = randomArray(rng, rows * width);
  const labels = Float64Array.from({ length: rows }, () => rng.int(width));
  const mask = c.mask ? Float64Array.from({ length: rows }, (_, r) => (r % 3 === 1 ? 0 : 1)) : null;
  const dOut = new Float64Array(rows * width);
  const lossOnly = (): number => {
    const out = net.forward({ x, T, B }, state).output;
    return c.loss === 'mse' ? mseLoss(out, target, dOut, mask, width) : softmaxCrossEntropy(out, labels, width, dOut, mask);
  };
  const lossAndGrad = () => {
    const loss = lossOnly();
    net.params.zeroGrad();
    const bwd = net.backward(dOut);
    return { loss, bwd };
  };
  return { net, x, state, lossOnly, lossAndGrad };
}

function cases(): Case[] {
  const out: Case[] = [];
  const cells: Partial<ModelConfig>[] = [
    { cell: 'rnn', nonlinearity: 'tanh' },
    { cell: 'rnn', nonlinearity: 'relu' },
    { cell: 'rnn', nonlinearity: 'sigmoid' },
    { cell: 'gru' },
    { cell: 'gru', gateActivation: 'hardSigmoid', stateActivation: 'softsign' },
    { cell: 'lstm' },
    { cell: 'lstm', peephole: true },
    { cell: 'lstm', gateActivation: 'hardSigmoid' },
    { cell: 'lstm', stateActivation: 'softsign' },
    { cell: 'lstm', peephole: true, gateActivation: 'hardSigmoid', stateActivation: 'softsign' },
  ];
  for (const cell of cells)
    for (const numLayers of [1, 2])
      for (const outputSize of [null, 3])
        for (const outputMode of ['last', 'sequence'] as const)
          for (const loss of ['mse', 'ce'] as const)
            for (const mask of [false, true]) {
              if (mask && outputMode === 'last' && loss === 'ce') continue;
              out.push({ config: makeModelConfig({ ...cell, inputSize: I, hiddenSize: H, numLayers, outputSize, outputMode }), loss, mask });
            }
  return out;
}

const label = (c: Case): string => {
  const k = c.config;
  return `${k.cell}${k.cell === 'rnn' ? `/${k.nonlinearity}` : ''}${k.peephole ? '+peep' : ''} gate=${k.gateActivation} state=${k.stateActivation} L=${k.numLayers} head=${k.outputSize} ${k.outputMode} ${c.loss}${c.mask ? ' masked' : ''}`;
};

describe('exact BPTT matches central differences (float64)', () => {
  for (const c of cases()) {
    it(label(c), () => {
      const { net, lossOnly, lossAndGrad } = setup(c);
      lossAndGrad();
      const analytic = net.params.grad.slice();
      const results = gradientCheck(net.params, lossOnly, analytic, { eps: 1e-5 });
      for (const r of results) {
        if (r.analyticNorm + r.numericNorm < 1e-10) continue; // e.g. a gate that receives no gradient
        expect(r.relError, r.group.name).toBeLessThan(1e-6);
      }
      // The check must look at something: at least one group carries gradient.
      expect(results.some((r) => r.analyticNorm > 1e-6)).toBe(true);
    });
  }
});

describe('input and state gradients', () => {
  for (const cell of ['rnn', 'gru', 'lstm'] as const) {
    it(`${cell}: ∂L/∂x, ∂L/∂h0, ∂L/∂c0 match central differences`, () => {
      const c: Case = { config: makeModelConfig({ cell, inputSize: I, hiddenSize: H, numLayers: 2, outputSize: 2, outputMode: 'sequence', peephole: cell === 'lstm' }), loss: 'mse', mask: false };
      const { x, state, lossOnly, lossAndGrad } = setup(c, 7);
      const { bwd } = lossAndGrad();
      const analytic = { x: bwd.dx.slice(), h0: bwd.dh0.slice(), c0: bwd.dc0?.slice() ?? null };
      const probe = (arr: Float64Array, grad: Float64Array): void => {
        for (let k = 0; k < arr.length; k++) {
          const s = arr[k];
          arr[k] = s + 1e-6;
          const up = lossOnly();
          arr[k] = s - 1e-6;
          const down = lossOnly();
          arr[k] = s;
          const num = (up - down) / 2e-6;
          expect(Math.abs(num - grad[k])).toBeLessThan(1e-8 + 1e-6 * Math.abs(num));
        }
      };
      probe(x, analytic.x);
      probe(state.h0 as Float64Array, analytic.h0);
      if (state.c0 && analytic.c0) probe(state.c0, analytic.c0);
    });
  }

  it('∂L/∂h_t and ∂L/∂c_t equal the initial-state gradients of the remaining sequence', () => {
    // For a one-layer many-to-one LSTM, the gradient arriving at (h_t, c_t) is exactly what the suffix
    // x_{t+1..T} started from (h_t, c_t) sends back to its initial state.
    const config = makeModelConfig({ cell: 'lstm', inputSize: I, hiddenSize: H, numLayers: 1, outputSize: 1, outputMode: 'last' });
    const rng = new Rng(3);
    const full = new RecurrentNet(config);
    full.params.data.set(randomArray(rng, full.params.size, 0.8));
    const x = randomArray(rng, T * B * I);
    const target = randomArray(rng, B);
    const dOut = new Float64Array(B);
    const fwd = full.forward({ x, T, B });
    mseLoss(fwd.output, target, dOut);
    const bwd = full.backward(dOut);
    const t = 1;
    const hT = fwd.layers[0].h.slice(t * B * H, (t + 1) * B * H);
    const cT = (fwd.layers[0].c as Float64Array).slice(t * B * H, (t + 1) * B * H);
    const dhT = bwd.layers[0].dh.slice(t * B * H, (t + 1) * B * H);
    const dcT = (bwd.layers[0].dc as Float64Array).slice(t * B * H, (t + 1) * B * H);
    const suffix = new RecurrentNet(config, full.params.clone());
    const out = suffix.forward({ x: x.slice((t + 1) * B * I), T: T - t - 1, B }, { h0: hT, c0: cT }).output;
    mseLoss(out, target, dOut);
    const sb = suffix.backward(dOut);
    // ∂L/∂c_t is the total: the suffix's c-path gradient plus what reaches c_t through h_t = o_t·tanh(c_t).
    const o = fwd.layers[0].act;
    const sc = fwd.layers[0].sc as Float64Array;
    for (let k = 0; k < B * H; k++) {
      const b = Math.floor(k / H), j = k % H;
      const oT = o[t * B * 4 * H + b * 4 * H + 3 * H + j];
      const s = sc[t * B * H + k];
      expect(sb.dh0[k]).toBeCloseTo(dhT[k], 12);
      expect((sb.dc0 as Float64Array)[k] + dhT[k] * oT * (1 - s * s)).toBeCloseTo(dcT[k], 12);
    }
  });
});

describe('truncated BPTT', () => {
  it('stops gradients at chunk boundaries and leaves the last chunk exact', () => {
    const T6 = 6;
    const config = makeModelConfig({ cell: 'lstm', inputSize: I, hiddenSize: H, numLayers: 1, outputSize: 1, outputMode: 'last' });
    const rng = new Rng(5);
    const net = new RecurrentNet(config);
    net.params.data.set(randomArray(rng, net.params.size, 0.8));
    const x = randomArray(rng, T6 * B * I);
    const target = randomArray(rng, B);
    const dOut = new Float64Array(B);
    mseLoss(net.forward({ x, T: T6, B }).output, target, dOut);
    const full = net.backward(dOut).layers[0].dh.slice();
    const cut = net.backward(dOut, { truncate: 3 }).layers[0].dh;
    for (let t = 0; t < T6; t++)
      for (let k = 0; k < B * H; k++) {
        const idx = t * B * H + k;
        if (t >= 3) expect(cut[idx]).toBeCloseTo(full[idx], 14);
        else expect(cut[idx]).toBe(0);
      }
    expect(full.slice(0, B * H).some((v) => v !== 0)).toBe(true);
  });
});

describe('shapes and errors', () => {
  it('rejects an input of the wrong size with a readable message', () => {
    const net = new RecurrentNet(makeModelConfig({ inputSize: 3 }));
    expect(() => net.forward({ x: new Float64Array(5), T: 2, B: 1 })).toThrow(/expected T·B·I/);
  });
  it('without a head, the output is the top layer h (last step or every step)', () => {
    for (const outputMode of ['last', 'sequence'] as const) {
      const c: Case = { config: makeModelConfig({ cell: 'gru', inputSize: I, hiddenSize: H, numLayers: 2, outputSize: null, outputMode }), loss: 'mse', mask: false };
      const { net, x, state } = setup(c);
      const fwd = net.forward({ x, T, B }, state);
      const top = fwd.layers[1].h;
      const expected = outputMode === 'last' ? top.slice((T - 1) * B * H) : top;
      expect(Array.from(fwd.output)).toEqual(Array.from(expected));
      expect(Array.from(fwd.hN.slice(B * H))).toEqual(Array.from(top.slice((T - 1) * B * H)));
    }
  });
});
