import { describe, expect, it } from 'vitest';
import {
  clipGradNorm,
  clipGradValue,
  createOptimizer,
  defaultOptimizerConfig,
  globalNorm,
  type OptimizerConfig,
  type OptimizerState,
} from './optim.ts';

const P0 = [1, -2];
/** The same three gradients feed every hand-computed case. */
const GRADS = [
  [1, 2],
  [2, -1],
  [0, 1],
];

/** Runs `steps` steps from P0 with GRADS and returns the parameters after each step. */
function trajectory(config: OptimizerConfig, steps: number, grads: number[][] = GRADS): number[][] {
  const opt = createOptimizer(config, 2);
  const p = Float64Array.from(P0);
  const out: number[][] = [];
  for (let t = 0; t < steps; t++) {
    opt.step(p, Float64Array.from(grads[t]));
    out.push(Array.from(p));
  }
  return out;
}

function expectClose(actual: number[], expected: number[], digits = 12): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((x, i) => expect(x, `component ${i}`).toBeCloseTo(expected[i], digits));
}

describe('SGD (torch.optim.SGD, dampening 0)', () => {
  // d = g + wd·p;  buf = μ·buf + d (buf₁ = d);  d = nesterov ? d + μ·buf : buf;  p ← p − lr·d
  it('momentum 0.9, lr 0.1', () => {
    const [p1, p2, p3] = trajectory({ kind: 'sgd', lr: 0.1, momentum: 0.9, nesterov: false, weightDecay: 0 }, 3);
    // buf₁ = [1, 2]                         p₁ = [1, −2] − 0.1·[1, 2]       = [0.9, −2.2]
    expectClose(p1, [0.9, -2.2]);
    // buf₂ = 0.9·[1, 2] + [2, −1] = [2.9, 0.8]    p₂ = [0.9 − 0.29, −2.2 − 0.08]  = [0.61, −2.28]
    expectClose(p2, [0.61, -2.28]);
    // buf₃ = 0.9·[2.9, 0.8] + [0, 1] = [2.61, 1.72]  p₃ = [0.61 − 0.261, −2.28 − 0.172] = [0.349, −2.452]
    expectClose(p3, [0.349, -2.452]);
  });

  it('Nesterov momentum 0.9, lr 0.1', () => {
    const [p1, p2, p3] = trajectory({ kind: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0 }, 3);
    // buf₁ = [1, 2];        d = [1, 2] + 0.9·[1, 2] = [1.9, 3.8]          p₁ = [0.81, −2.38]
    expectClose(p1, [0.81, -2.38]);
    // buf₂ = [2.9, 0.8];    d = [2, −1] + 0.9·[2.9, 0.8] = [4.61, −0.28]  p₂ = [0.349, −2.352]
    expectClose(p2, [0.349, -2.352]);
    // buf₃ = [2.61, 1.72];  d = [0, 1] + 0.9·[2.61, 1.72] = [2.349, 2.548] p₃ = [0.1141, −2.6068]
    expectClose(p3, [0.1141, -2.6068]);
  });

  it('plain SGD with weight decay 0.1, lr 0.5', () => {
    const [p1, p2] = trajectory({ kind: 'sgd', lr: 0.5, momentum: 0, nesterov: false, weightDecay: 0.1 }, 2);
    // d₁ = [1, 2] + 0.1·[1, −2] = [1.1, 1.8]              p₁ = [1 − 0.55, −2 − 0.9]  = [0.45, −2.9]
    expectClose(p1, [0.45, -2.9]);
    // d₂ = [2, −1] + 0.1·[0.45, −2.9] = [2.045, −1.29]    p₂ = [0.45 − 1.0225, −2.9 + 0.645] = [−0.5725, −2.255]
    expectClose(p2, [-0.5725, -2.255]);
  });
});

describe('Adam (torch.optim.Adam, amsgrad false)', () => {
  // m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g²;
  // p ← p − (lr / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε)
  it('lr 0.1, β = (0.9, 0.999), ε = 1e−8', () => {
    const [p1, p2, p3] = trajectory({ kind: 'adam', lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 }, 3);
    // t=1: m = [0.1, 0.2], v = [0.001, 0.004], step size 0.1/0.1 = 1, √v/√0.001 = |g|:
    //      p₁ = [1 − 0.1/(1 + 1e−8), −2 − 0.2/(2 + 1e−8)] ≈ [0.900000001, −2.0999999995]  (≈ lr·sign(g))
    const e1 = [1 - 0.1 / (1 + 1e-8), -2 - 0.2 / (2 + 1e-8)];
    expectClose(p1, e1);
    expectClose(p1, [0.900000001, -2.0999999995], 10);
    // t=2: m = 0.9·[0.1, 0.2] + 0.1·[2, −1] = [0.29, 0.08]
    //      v = 0.999·[0.001, 0.004] + 0.001·[4, 1] = [0.004999, 0.004996]
    //      step size 0.1/(1 − 0.81) = 0.1/0.19, √(1 − 0.999²) = √0.001999
    const e2 = [
      e1[0] - (0.1 / 0.19) * (0.29 / (Math.sqrt(0.004999) / Math.sqrt(0.001999) + 1e-8)),
      e1[1] - (0.1 / 0.19) * (0.08 / (Math.sqrt(0.004996) / Math.sqrt(0.001999) + 1e-8)),
    ];
    expectClose(p2, e2);
    expectClose(p2, [0.8034817990281656, -2.1266337032975686], 10);
    // t=3: m = 0.9·[0.29, 0.08] + 0.1·[0, 1] = [0.261, 0.172]
    //      v = 0.999·[0.004999, 0.004996] + 0.001·[0, 1] = [0.004994001, 0.005991004]
    //      step size 0.1/(1 − 0.729) = 0.1/0.271, 1 − 0.999³ = 0.002997001
    const e3 = [
      e2[0] - (0.1 / 0.271) * (0.261 / (Math.sqrt(0.004994001) / Math.sqrt(0.002997001) + 1e-8)),
      e2[1] - (0.1 / 0.271) * (0.172 / (Math.sqrt(0.005991004) / Math.sqrt(0.002997001) + 1e-8)),
    ];
    expectClose(p3, e3);
  });

  it('weight decay is coupled L2 (g += wd·p enters the moments), not AdamW', () => {
    // grad 0, wd 0.1, lr 0.1: g = 0.1·p = [0.1, −0.2]; the first Adam step normalises it to ≈ lr·sign(p):
    // p₁ = [1 − 0.01/(0.1 + 1e−8), −2 + 0.02/(0.2 + 1e−8)] ≈ [0.9, −1.9]. AdamW would give p·(1 − lr·wd) = [0.99, −1.98].
    const [p1] = trajectory({ kind: 'adam', lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.1 }, 1, [[0, 0]]);
    expectClose(p1, [1 - 0.01 / (0.1 + 1e-8), -2 + 0.02 / (0.2 + 1e-8)]);
  });
});

describe('RMSprop (torch.optim.RMSprop, centered false)', () => {
  // s = α·s + (1−α)·g²;  a = √s + ε;  μ > 0: buf = μ·buf + g/a, p ← p − lr·buf;  else p ← p − lr·g/a
  it('lr 0.01, α 0.99, ε 1e−8, no momentum', () => {
    const [p1, p2] = trajectory({ kind: 'rmsprop', lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0, weightDecay: 0 }, 2);
    // s₁ = 0.01·[1, 4] = [0.01, 0.04], a = [0.1 + 1e−8, 0.2 + 1e−8]
    const e1 = [1 - (0.01 * 1) / (0.1 + 1e-8), -2 - (0.01 * 2) / (0.2 + 1e-8)];
    expectClose(p1, e1);
    // s₂ = 0.99·[0.01, 0.04] + 0.01·[4, 1] = [0.0499, 0.0496]
    const e2 = [e1[0] - (0.01 * 2) / (Math.sqrt(0.0499) + 1e-8), e1[1] + (0.01 * 1) / (Math.sqrt(0.0496) + 1e-8)];
    expectClose(p2, e2);
    expectClose(p2, [0.8104677178008457, -2.0550986715094353], 10);
  });

  it('momentum 0.5', () => {
    const [p1, p2] = trajectory({ kind: 'rmsprop', lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0.5, weightDecay: 0 }, 2);
    // buf₁ = g₁/a₁ = [1/(0.1 + 1e−8), 2/(0.2 + 1e−8)] ≈ [10, 10]
    const buf1 = [1 / (0.1 + 1e-8), 2 / (0.2 + 1e-8)];
    const e1 = [1 - 0.01 * buf1[0], -2 - 0.01 * buf1[1]];
    expectClose(p1, e1);
    // buf₂ = 0.5·buf₁ + g₂/a₂ with a₂ = [√0.0499 + 1e−8, √0.0496 + 1e−8]
    const buf2 = [0.5 * buf1[0] + 2 / (Math.sqrt(0.0499) + 1e-8), 0.5 * buf1[1] - 1 / (Math.sqrt(0.0496) + 1e-8)];
    expectClose(p2, [e1[0] - 0.01 * buf2[0], e1[1] - 0.01 * buf2[1]]);
  });

  it('weight decay 0.5 adds wd·p to the gradient', () => {
    // g = [1, 2] + 0.5·[1, −2] = [1.5, 1]; s = 0.01·g² = [0.0225, 0.01]; a = [0.15 + 1e−8, 0.1 + 1e−8]
    const [p1] = trajectory({ kind: 'rmsprop', lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0, weightDecay: 0.5 }, 1);
    expectClose(p1, [1 - (0.01 * 1.5) / (0.15 + 1e-8), -2 - (0.01 * 1) / (0.1 + 1e-8)]);
  });
});

describe('optimiser behaviour', () => {
  // f(p) = ½ Σ aᵢ (pᵢ − cᵢ)², an ill-conditioned bowl; ∇f = a ⊙ (p − c).
  const A = [1, 10, 0.1];
  const C = [3, -1, 2];
  const configs: OptimizerConfig[] = [
    { kind: 'sgd', lr: 0.15, momentum: 0, nesterov: false, weightDecay: 0 },
    { kind: 'sgd', lr: 0.05, momentum: 0.9, nesterov: false, weightDecay: 0 },
    { kind: 'sgd', lr: 0.05, momentum: 0.9, nesterov: true, weightDecay: 0 },
    { ...defaultOptimizerConfig('adam'), lr: 0.05 },
    { ...defaultOptimizerConfig('rmsprop'), lr: 0.003 },
    { ...defaultOptimizerConfig('rmsprop'), lr: 0.001, momentum: 0.9 },
  ];
  for (const config of configs) {
    it(`${JSON.stringify(config)} minimises a quadratic`, () => {
      const opt = createOptimizer(config, 3);
      const p = new Float64Array(3);
      const g = new Float64Array(3);
      for (let t = 0; t < 5000; t++) {
        for (let i = 0; i < 3; i++) g[i] = A[i] * (p[i] - C[i]);
        opt.step(p, g);
      }
      expect(opt.stepCount).toBe(5000);
      for (let i = 0; i < 3; i++) expect(Math.abs(p[i] - C[i])).toBeLessThan(1e-2);
    });
  }

  it('SGD weight decay alone shrinks parameters by (1 − lr·wd) per step', () => {
    const [p1, p2] = trajectory({ kind: 'sgd', lr: 0.5, momentum: 0, nesterov: false, weightDecay: 0.1 }, 2, [[0, 0], [0, 0]]);
    expectClose(p1, [0.95, -1.9]);
    expectClose(p2, [0.9025, -1.805]);
  });

  it('never writes to grad', () => {
    for (const kind of ['sgd', 'adam', 'rmsprop'] as const) {
      const opt = createOptimizer({ ...defaultOptimizerConfig(kind), weightDecay: 0.1 }, 2);
      const g = Float64Array.of(1, -2);
      opt.step(Float64Array.of(3, 4), g);
      expect(Array.from(g)).toEqual([1, -2]);
    }
  });

  it('setConfig keeps the moments for the same kind and resets them for another kind', () => {
    const opt = createOptimizer({ kind: 'sgd', lr: 0.1, momentum: 0.9, nesterov: false, weightDecay: 0 }, 2);
    const p = Float64Array.from(P0);
    opt.step(p, Float64Array.from(GRADS[0])); // buf = [1, 2], p = [0.9, −2.2]
    opt.setConfig({ kind: 'sgd', lr: 0.2, momentum: 0.9, nesterov: false, weightDecay: 0 });
    expect(opt.stepCount).toBe(1);
    opt.step(p, Float64Array.from(GRADS[1])); // buf = [2.9, 0.8], p = [0.9 − 0.58, −2.2 − 0.16]
    expectClose(Array.from(p), [0.32, -2.36]);

    opt.setConfig(defaultOptimizerConfig('adam'));
    expect(opt.stepCount).toBe(0);
    expect(opt.getState().buffers.exp_avg).toEqual(new Float64Array(2));
    expect(opt.config).toEqual(defaultOptimizerConfig('adam'));
  });

  it('reset() zeroes the state but keeps the config', () => {
    const cfg: OptimizerConfig = { kind: 'rmsprop', lr: 0.01, alpha: 0.9, eps: 1e-8, momentum: 0.5, weightDecay: 0 };
    const opt = createOptimizer(cfg, 2);
    opt.step(Float64Array.from(P0), Float64Array.from(GRADS[0]));
    opt.reset();
    expect(opt.stepCount).toBe(0);
    expect(opt.getState()).toEqual({ config: cfg, stepCount: 0, buffers: { square_avg: new Float64Array(2), momentum_buffer: new Float64Array(2) } });
  });

  it('getState / loadState round-trips through a structured clone (page, storage) and continues identically', () => {
    for (const kind of ['sgd', 'adam', 'rmsprop'] as const) {
      const cfg = { ...defaultOptimizerConfig(kind), momentum: 0.9 } as OptimizerConfig;
      const a = createOptimizer(cfg, 2);
      const pa = Float64Array.from(P0);
      a.step(pa, Float64Array.from(GRADS[0]));
      a.step(pa, Float64Array.from(GRADS[1]));
      const saved: OptimizerState = structuredClone(a.getState());
      const b = createOptimizer(defaultOptimizerConfig('sgd'), 2);
      b.loadState(saved);
      expect(b.stepCount).toBe(2);
      expect(b.config).toEqual(a.config);
      const pb = Float64Array.from(pa);
      a.step(pa, Float64Array.from(GRADS[2]));
      b.step(pb, Float64Array.from(GRADS[2]));
      expect(Array.from(pb)).toEqual(Array.from(pa));
    }
    const wrongSize = createOptimizer(defaultOptimizerConfig('adam'), 3);
    expect(() => wrongSize.loadState(createOptimizer(defaultOptimizerConfig('adam'), 2).getState())).toThrow(/exp_avg/);
  });

  it('has PyTorch defaults and rejects invalid hyper-parameters', () => {
    expect(defaultOptimizerConfig('sgd')).toEqual({ kind: 'sgd', lr: 0.01, momentum: 0, nesterov: false, weightDecay: 0 });
    expect(defaultOptimizerConfig('adam')).toEqual({ kind: 'adam', lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 });
    expect(defaultOptimizerConfig('rmsprop')).toEqual({ kind: 'rmsprop', lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0, weightDecay: 0 });
    expect(() => createOptimizer({ ...defaultOptimizerConfig('sgd'), nesterov: true }, 1)).toThrow(/Nesterov/);
    expect(() => createOptimizer({ ...defaultOptimizerConfig('sgd'), lr: -1 }, 1)).toThrow(/learning rate/);
    expect(() => createOptimizer({ ...defaultOptimizerConfig('adam'), beta1: 1 }, 1)).toThrow(/beta1/);
    expect(() => createOptimizer(defaultOptimizerConfig('adam'), 2).step(new Float64Array(3), new Float64Array(3))).toThrow(/2 parameters/);
  });
});

describe('gradient norms and clipping', () => {
  it('globalNorm is the Euclidean norm, without overflow or underflow', () => {
    expect(globalNorm(Float64Array.of(3, 4))).toBe(5);
    expect(globalNorm(new Float64Array(0))).toBe(0);
    expect(globalNorm(new Float64Array(5))).toBe(0);
    expect(globalNorm(Float64Array.of(3e200, -4e200)) / 5e200).toBeCloseTo(1, 14);
    expect(globalNorm(Float64Array.of(3e-200, 4e-200)) / 5e-200).toBeCloseTo(1, 14);
    expect(globalNorm(Float64Array.of(1, Infinity))).toBe(Infinity);
    expect(globalNorm(Float64Array.of(1, NaN, Infinity))).toBeNaN();
  });

  it('clipGradNorm returns the pre-clip norm and scales by maxNorm/(norm + 1e−6)', () => {
    const g = Float64Array.of(3, 4);
    expect(clipGradNorm(g, 1)).toBe(5);
    expectClose(Array.from(g), [3 / (5 + 1e-6), 4 / (5 + 1e-6)], 15);
    expect(globalNorm(g)).toBeLessThanOrEqual(1);

    const big = Float64Array.from({ length: 100 }, (_, i) => Math.sin(i) * 1e3);
    const norm = globalNorm(big);
    expect(clipGradNorm(big, 0.25)).toBe(norm);
    expect(globalNorm(big)).toBeLessThanOrEqual(0.25);
    expect(globalNorm(big)).toBeGreaterThan(0.25 * (1 - 1e-6));
  });

  it('clipGradNorm leaves a small or non-finite gradient untouched', () => {
    const g = Float64Array.of(0.3, 0.4);
    expect(clipGradNorm(g, 1)).toBeCloseTo(0.5, 15);
    expect(Array.from(g)).toEqual([0.3, 0.4]);
    const bad = Float64Array.of(1, NaN);
    expect(clipGradNorm(bad, 1)).toBeNaN();
    expect(bad[0]).toBe(1);
  });

  it('clipGradValue clamps each entry', () => {
    const g = Float64Array.of(-3, 0.5, 2, -0.25, NaN);
    clipGradValue(g, 1);
    expect(Array.from(g)).toEqual([-1, 0.5, 1, -0.25, NaN]);
  });
});
