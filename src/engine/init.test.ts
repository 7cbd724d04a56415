import { describe, expect, it } from 'vitest';
import { makeModelConfig, type ModelConfig } from './config.ts';
import { gateCount, gateIndex } from './gateLayout.ts';
import { DEFAULT_INIT, initParams, setRecurrentSpectralNorm, spectralNorm, type InitOptions } from './init.ts';
import { ParamStore } from './params.ts';
import { Rng } from './rng.ts';

function initialised(cfg: Partial<ModelConfig>, opts: Partial<InitOptions> = {}, seed = 1): ParamStore {
  const p = new ParamStore(makeModelConfig(cfg));
  initParams(p, new Rng(seed), { ...DEFAULT_INIT, ...opts });
  return p;
}

/** Gate block g of a fused [G*H, cols] tensor, as a fresh row-major [H, cols] array. */
function block(t: Float64Array, g: number, H: number, cols: number): Float64Array {
  return t.slice(g * H * cols, (g + 1) * H * cols);
}

function maxAbsQtQMinusI(q: Float64Array, n: number): number {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += q[k * n + i] * q[k * n + j];
      worst = Math.max(worst, Math.abs(s - (i === j ? 1 : 0)));
    }
  }
  return worst;
}

const variance = (xs: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < xs.length; i++) m += xs[i];
  m /= xs.length;
  let v = 0;
  for (let i = 0; i < xs.length; i++) v += (xs[i] - m) ** 2;
  return v / xs.length;
};

describe('initParams', () => {
  it("'pytorch' keeps every recurrent tensor in ±1/√H and the head in ±1/√fan_in, filling the range", () => {
    const H = 16;
    const p = initialised({ cell: 'lstm', inputSize: 3, hiddenSize: H, numLayers: 2, outputSize: 4, peephole: true });
    const k = 1 / Math.sqrt(H);
    for (const s of p.specs) {
      const t = p.value(s.name);
      const maxAbs = Math.max(...Array.from(t, Math.abs));
      expect(maxAbs, s.name).toBeLessThanOrEqual(k);
      // Uniform draws should get close to the bound (nn.Linear's fan_in is H too, so the bound is the same).
      expect(maxAbs, s.name).toBeGreaterThan(s.size >= 48 ? 0.85 * k : 0.3 * k);
    }
    // Variance of U(−k, k) is k²/3.
    expect(variance(p.value('weight_hh_l0'))).toBeCloseTo(k * k / 3, 2);
  });

  it('is deterministic: same seed ⇒ bit-identical weights, different seed ⇒ different', () => {
    for (const opts of [DEFAULT_INIT, { scheme: 'glorotNormal', recurrent: 'orthogonal', forgetBias: 1 } as const]) {
      const cfg = { cell: 'gru', inputSize: 2, hiddenSize: 5, numLayers: 2 } as const;
      expect(initialised(cfg, opts, 9).data).toEqual(initialised(cfg, opts, 9).data);
      expect(initialised(cfg, opts, 9).data).not.toEqual(initialised(cfg, opts, 10).data);
    }
  });

  it('consumes randomness in spec order: a different head size leaves the recurrent weights unchanged', () => {
    const a = initialised({ hiddenSize: 6, outputSize: 1 });
    const b = initialised({ hiddenSize: 6, outputSize: 3 });
    expect(b.value('weight_ih_l0')).toEqual(a.value('weight_ih_l0'));
    expect(b.value('bias_hh_l0')).toEqual(a.value('bias_hh_l0'));
  });

  it('forgetBias sets the forget block of bias_ih (bias_hh 0) in every LSTM layer and touches nothing else', () => {
    const H = 4;
    const cfg = { cell: 'lstm', inputSize: 3, hiddenSize: H, numLayers: 2 } as const;
    const plain = initialised(cfg);
    const p = initialised(cfg, { forgetBias: 1.5 });
    const f = gateIndex('lstm', 'f');
    for (let l = 0; l < 2; l++) {
      const bIh = p.value(`bias_ih_l${l}`);
      const bHh = p.value(`bias_hh_l${l}`);
      for (let j = 0; j < H; j++) {
        expect(bIh[f * H + j]).toBe(1.5);
        expect(bHh[f * H + j]).toBe(0);
        expect(bIh[f * H + j] + bHh[f * H + j]).toBe(1.5);
      }
      // Other gates keep exactly the values drawn without forgetBias.
      for (let g = 0; g < gateCount('lstm'); g++) {
        if (g === f) continue;
        expect(block(bIh, g, H, 1)).toEqual(block(plain.value(`bias_ih_l${l}`), g, H, 1));
        expect(block(bHh, g, H, 1)).toEqual(block(plain.value(`bias_hh_l${l}`), g, H, 1));
      }
    }
    for (const name of ['weight_ih_l0', 'weight_hh_l1', 'head.weight', 'head.bias']) expect(p.value(name)).toEqual(plain.value(name));
  });

  it('ignores forgetBias for GRU and RNN', () => {
    for (const cell of ['gru', 'rnn'] as const) {
      expect(initialised({ cell, hiddenSize: 4 }, { forgetBias: 2 }).data).toEqual(initialised({ cell, hiddenSize: 4 }).data);
    }
  });

  it("'orthogonal' makes each gate block of weight_hh exactly orthogonal, spectral norm 1", () => {
    for (const cell of ['lstm', 'gru', 'rnn'] as const) {
      const H = 24;
      const p = initialised({ cell, inputSize: 3, hiddenSize: H, numLayers: 2 }, { recurrent: 'orthogonal' });
      for (let l = 0; l < 2; l++) {
        const w = p.value(`weight_hh_l${l}`);
        for (let g = 0; g < gateCount(cell); g++) {
          const q = block(w, g, H, H);
          expect(maxAbsQtQMinusI(q, H)).toBeLessThan(1e-12);
          expect(spectralNorm(q, H, H)).toBeCloseTo(1, 12);
        }
        // Blocks are distinct draws.
        if (gateCount(cell) > 1) expect(block(w, 0, H, H)).not.toEqual(block(w, 1, H, H));
      }
      // Non-recurrent tensors still follow the scheme.
      const k = 1 / Math.sqrt(H);
      expect(Math.max(...Array.from(p.value('weight_ih_l0'), Math.abs))).toBeLessThanOrEqual(k);
    }
  });

  it("'orthogonal' stays orthogonal for the largest hidden size block", () => {
    const H = 128;
    const p = initialised({ cell: 'rnn', hiddenSize: H }, { recurrent: 'orthogonal' });
    expect(maxAbsQtQMinusI(p.value('weight_hh_l0'), H)).toBeLessThan(1e-12);
  });

  it("'glorotUniform' / 'glorotNormal' / 'he' have the right per-block variance; biases and peepholes are 0", () => {
    const H = 64;
    const I = 32;
    const O = 16;
    const cfg = { cell: 'lstm', inputSize: I, hiddenSize: H, outputSize: O, peephole: true } as const;
    const expected = {
      glorotUniform: (fi: number, fo: number) => 2 / (fi + fo), // U(−a, a), a = √(6/(fi+fo)): a²/3
      glorotNormal: (fi: number, fo: number) => 2 / (fi + fo),
      he: (fi: number) => 2 / fi,
    } as const;
    for (const scheme of ['glorotUniform', 'glorotNormal', 'he'] as const) {
      const p = initialised(cfg, { scheme });
      const wih = p.value('weight_ih_l0');
      const whh = p.value('weight_hh_l0');
      for (let g = 0; g < 4; g++) {
        // Blocks hold 2048 / 4096 samples: the sample variance's relative s.e. is ≤ 3%, so 10% is > 3 s.e.
        expect(Math.abs(variance(block(wih, g, H, I)) / expected[scheme](I, H) - 1)).toBeLessThan(0.1);
        expect(Math.abs(variance(block(whh, g, H, H)) / expected[scheme](H, H) - 1)).toBeLessThan(0.1);
      }
      expect(Math.abs(variance(p.value('head.weight')) / expected[scheme](H, O) - 1)).toBeLessThan(0.15);
      if (scheme === 'glorotUniform') {
        expect(Math.max(...Array.from(wih, Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / (I + H)));
      }
      for (const name of ['bias_ih_l0', 'bias_hh_l0', 'peephole_l0', 'head.bias']) expect(p.value(name).every((x) => x === 0), name).toBe(true);
    }
  });
});

describe('setRecurrentSpectralNorm', () => {
  it('gives every gate block of every weight_hh the target spectral norm and leaves the other tensors alone', () => {
    const H = 6;
    const a = initialised({ cell: 'lstm', inputSize: 2, hiddenSize: H, numLayers: 2 });
    const b = a.clone();
    setRecurrentSpectralNorm(b, 0.7);
    for (const s of a.specs) {
      if (s.kind !== 'weight_hh') {
        expect(b.value(s.name)).toEqual(a.value(s.name));
        continue;
      }
      for (let g = 0; g < 4; g++) expect(spectralNorm(b.value(s.name).subarray(g * H * H, (g + 1) * H * H), H, H, 2000)).toBeCloseTo(0.7, 6);
    }
  });
});

describe('spectralNorm', () => {
  it('finds the largest |diagonal entry| of a diagonal matrix', () => {
    const d = [0.5, -3, 2, 1];
    const m = new Float64Array(16);
    d.forEach((x, i) => (m[i * 4 + i] = x));
    expect(spectralNorm(m, 4, 4, 200)).toBeCloseTo(3, 10);
  });

  it('handles rectangular matrices and the zero matrix', () => {
    // [[3, 4]] has the single singular value 5; its transpose too.
    expect(spectralNorm(Float64Array.of(3, 4), 1, 2)).toBeCloseTo(5, 12);
    expect(spectralNorm(Float64Array.of(3, 4), 2, 1)).toBeCloseTo(5, 12);
    expect(spectralNorm(new Float64Array(6), 2, 3)).toBe(0);
  });

  it('is 1 for a rotation', () => {
    const c = Math.cos(0.7);
    const s = Math.sin(0.7);
    expect(spectralNorm(Float64Array.of(c, -s, s, c), 2, 2)).toBeCloseTo(1, 14);
  });
});
