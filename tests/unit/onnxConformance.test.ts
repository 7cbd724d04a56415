/**
 * The ONNX project's own RNN / GRU / LSTM backend node tests (tests/fixtures/onnx, Apache-2.0, see its README),
 * run through our engine after converting ONNX tensors to our PyTorch-layout ParamStore.
 *
 * GRU: every ONNX GRU case uses linear_before_reset = 0, i.e. n = tanh(W_n x + (r ⊙ h)·R_nᵀ + Rb_n + Wb_n),
 * while our GRU is PyTorch's, n = tanh(W_n x + Wb_n + r ⊙ (h·R_nᵀ + Rb_n)) = ONNX linear_before_reset = 1.
 * The two differ on these inputs, so for GRU we check instead that
 *   (a) an independent, literal reference of the ONNX equations, run with linear_before_reset = 0,
 *       reproduces the ONNX expected outputs (this validates the reference), and
 *   (b) our engine matches the same reference run with linear_before_reset = 1 on the same inputs.
 * RNN and LSTM cases compare our engine with the ONNX outputs directly.
 *
 * Most ONNX cases use constant weights, which cannot expose a gate-order or orientation bug (see the README),
 * so the last block repeats the comparison on random non-uniform ONNX-layout weights, peepholes and states.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeModelConfig, type CellKind } from '../../src/engine/config.ts';
import { RecurrentNet } from '../../src/engine/network.ts';
import { ParamStore } from '../../src/engine/params.ts';
import { Rng } from '../../src/engine/rng.ts';

interface OnnxTensor {
  dtype: 'float32' | 'int32';
  shape: number[];
  data: number[];
}

interface OnnxCase {
  name: string;
  op: 'RNN' | 'GRU' | 'LSTM';
  attributes_with_defaults: {
    hidden_size: number;
    direction: string;
    layout: 0 | 1;
    activations: string[];
    linear_before_reset?: 0 | 1;
    input_forget?: 0 | 1;
    clip?: number;
  };
  tolerance: { rtol: number; atol: number };
  inputs: Partial<Record<'X' | 'W' | 'R' | 'B' | 'sequence_lens' | 'initial_h' | 'initial_c' | 'P', OnnxTensor>>;
  outputs: Partial<Record<'Y' | 'Y_h' | 'Y_c', OnnxTensor>>;
}

/**
 * Reorder the gate blocks of a fused row-major matrix [G*H, cols] (cols = 1 for vectors).
 * `order[k]` = index of the source block that becomes block k.
 */
function reorderGateBlocks(src: ArrayLike<number>, hidden: number, cols: number, order: readonly number[]): Float64Array {
  const block = hidden * cols;
  const out = new Float64Array(order.length * block);
  order.forEach((from, k) => {
    for (let j = 0; j < block; j++) out[k * block + j] = src[from * block + j];
  });
  return out;
}

/** ONNX LSTM stores gates i, o, f, c: its block k is PyTorch block ONNX_LSTM_FROM_TORCH[k]. */
const ONNX_LSTM_FROM_TORCH = [0, 3, 1, 2] as const;
/** ONNX GRU stores gates z, r, h: its block k is PyTorch block ONNX_GRU_FROM_TORCH[k]. */
const ONNX_GRU_FROM_TORCH = [1, 0, 2] as const;
/** Inverse permutation (ONNX block → PyTorch block position). */
function invertOrder(order: readonly number[]): number[] {
  const inv = new Array<number>(order.length);
  order.forEach((from, k) => (inv[from] = k));
  return inv;
}

const DIR = new URL('../fixtures/onnx/', import.meta.url);
const CASES: OnnxCase[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as OnnxCase);

/** The files hold the shortest decimal of each float32; fround restores the exact bits. */
const f32 = (t: OnnxTensor | undefined): number[] | null => (t ? t.data.map(Math.fround) : null);

const DEFAULT_ACTIVATIONS = { RNN: ['Tanh'], GRU: ['Sigmoid', 'Tanh'], LSTM: ['Sigmoid', 'Tanh', 'Tanh'] };

/** Problem dimensions, with X in time-major order whatever the layout. */
function dims(c: OnnxCase): { T: number; B: number; I: number; H: number; x: number[] } {
  const [d0, d1, I] = c.inputs.X!.shape;
  const H = c.attributes_with_defaults.hidden_size;
  const x = f32(c.inputs.X)!;
  if (c.attributes_with_defaults.layout === 0) return { T: d0, B: d1, I, H, x };
  const tm: number[] = [];
  for (let t = 0; t < d1; t++) for (let b = 0; b < d0; b++) for (let i = 0; i < I; i++) tm.push(x[(b * d1 + t) * I + i]);
  return { T: d1, B: d0, I, H, x: tm };
}

/**
 * A literal transcription of the ONNX operator equations (docs/Operators.md), ONNX gate order and layout,
 * one direction, plain loops. Returns Y as [T][B][H] and Y_h as [B][H].
 */
function onnxReference(c: OnnxCase, linearBeforeReset: 0 | 1, act: { f: (v: number) => number; g: (v: number) => number }) {
  const { T, B, I, H, x } = dims(c);
  const W = f32(c.inputs.W)!;
  const R = f32(c.inputs.R)!;
  const G = W.length / (H * I);
  const Bv = f32(c.inputs.B) ?? new Array<number>(2 * G * H).fill(0);
  const P = f32(c.inputs.P) ?? new Array<number>(3 * H).fill(0);
  let h = Array.from({ length: B }, (_, b) => Array.from({ length: H }, (_, j) => f32(c.inputs.initial_h)?.[b * H + j] ?? 0));
  let cs = Array.from({ length: B }, (_, b) => Array.from({ length: H }, (_, j) => f32(c.inputs.initial_c)?.[b * H + j] ?? 0));
  // Block k, unit j: x_t·W_kᵀ + Wb_k, and hv·R_kᵀ + Rb_k for any vector hv.
  const xw = (t: number, b: number, k: number, j: number): number => {
    let s = Bv[k * H + j];
    for (let i = 0; i < I; i++) s += x[(t * B + b) * I + i] * W[(k * H + j) * I + i];
    return s;
  };
  const hr = (hv: number[], k: number, j: number): number => {
    let s = Bv[G * H + k * H + j];
    for (let i = 0; i < H; i++) s += hv[i] * R[(k * H + j) * H + i];
    return s;
  };
  const sigma = act.f;
  const Y: number[][][] = [];
  for (let t = 0; t < T; t++) {
    const hNew: number[][] = [];
    const cNew: number[][] = [];
    for (let b = 0; b < B; b++) {
      const hp = h[b];
      const row: number[] = [];
      const crow: number[] = [];
      if (c.op === 'RNN') {
        for (let j = 0; j < H; j++) row.push(act.f(xw(t, b, 0, j) + hr(hp, 0, j)));
      } else if (c.op === 'GRU') {
        // Blocks z, r, h.
        const z = Array.from({ length: H }, (_, j) => sigma(xw(t, b, 0, j) + hr(hp, 0, j)));
        const r = Array.from({ length: H }, (_, j) => sigma(xw(t, b, 1, j) + hr(hp, 1, j)));
        const rh = hp.map((v, j) => r[j] * v);
        for (let j = 0; j < H; j++) {
          const cand = linearBeforeReset === 0 ? act.g(xw(t, b, 2, j) + hr(rh, 2, j)) : act.g(xw(t, b, 2, j) + r[j] * hr(hp, 2, j));
          row.push((1 - z[j]) * cand + z[j] * hp[j]);
        }
      } else {
        // Blocks i, o, f, c; peepholes P = [Pi, Po, Pf].
        const cp = cs[b];
        for (let j = 0; j < H; j++) {
          const i = sigma(xw(t, b, 0, j) + hr(hp, 0, j) + P[j] * cp[j]);
          const f = sigma(xw(t, b, 2, j) + hr(hp, 2, j) + P[2 * H + j] * cp[j]);
          const cc = act.g(xw(t, b, 3, j) + hr(hp, 3, j));
          const cv = f * cp[j] + i * cc;
          const o = sigma(xw(t, b, 1, j) + hr(hp, 1, j) + P[H + j] * cv);
          crow.push(cv);
          row.push(o * act.g(cv));
        }
      }
      hNew.push(row);
      cNew.push(crow);
    }
    h = hNew;
    cs = cNew;
    Y.push(h);
  }
  return { Y, Yh: h };
}

const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));
const ACT = {
  Tanh: { f: Math.tanh, g: Math.tanh },
  Relu: { f: (v: number) => Math.max(0, v), g: Math.tanh },
  Sigmoid: { f: sigmoid, g: Math.tanh },
};
const refActivations = (c: OnnxCase) => (c.op === 'RNN' ? ACT[c.attributes_with_defaults.activations[0] as 'Tanh' | 'Relu'] : ACT.Sigmoid);

/** ONNX tensors → our config + ParamStore (PyTorch gate order, one layer, no head, all timesteps out). */
function toEngine(c: OnnxCase): { net: RecurrentNet; h0: Float64Array | null; c0: Float64Array | null } {
  const { I, H } = dims(c);
  const cell = c.op.toLowerCase() as CellKind;
  const torchFromOnnx = cell === 'lstm' ? invertOrder(ONNX_LSTM_FROM_TORCH) : cell === 'gru' ? invertOrder(ONNX_GRU_FROM_TORCH) : [0];
  const G = torchFromOnnx.length;
  const config = makeModelConfig({
    cell, inputSize: I, hiddenSize: H, numLayers: 1, outputSize: null, outputMode: 'sequence',
    nonlinearity: c.attributes_with_defaults.activations[0] === 'Relu' ? 'relu' : 'tanh',
    peephole: c.inputs.P !== undefined,
  });
  const params = new ParamStore(config);
  params.value('weight_ih_l0').set(reorderGateBlocks(f32(c.inputs.W)!, H, I, torchFromOnnx));
  params.value('weight_hh_l0').set(reorderGateBlocks(f32(c.inputs.R)!, H, H, torchFromOnnx));
  const bias = f32(c.inputs.B);
  if (bias) {
    params.value('bias_ih_l0').set(reorderGateBlocks(bias.slice(0, G * H), H, 1, torchFromOnnx));
    params.value('bias_hh_l0').set(reorderGateBlocks(bias.slice(G * H), H, 1, torchFromOnnx));
  }
  // ONNX P is [Pi, Po, Pf]; ours is [i, f, o]. The swap is its own inverse.
  const P = f32(c.inputs.P);
  if (P) params.value('peephole_l0').set(reorderGateBlocks(P, H, 1, [0, 2, 1]));
  // With one direction, [nd, B, H] (layout 0) and [B, nd, H] (layout 1) are both our [L = 1, B, H].
  const state = (t: OnnxTensor | undefined): Float64Array | null => (t ? Float64Array.from(f32(t)!) : null);
  return { net: new RecurrentNet(config, params), h0: state(c.inputs.initial_h), c0: state(c.inputs.initial_c) };
}

/** Our engine's Y as [T][B][H] and Y_h as [B][H]. */
function runEngine(c: OnnxCase) {
  const { T, B, H, x } = dims(c);
  const { net, h0, c0 } = toEngine(c);
  const fwd = net.forward({ x: Float64Array.from(x), T, B }, { h0, c0 });
  const Y = Array.from({ length: T }, (_, t) => Array.from({ length: B }, (_, b) => Array.from(fwd.output.subarray((t * B + b) * H, (t * B + b + 1) * H))));
  const Yh = Array.from({ length: B }, (_, b) => Array.from(fwd.hN.subarray(b * H, (b + 1) * H)));
  return { Y, Yh };
}

/** Flatten our [T][B][H] / [B][H] in the ONNX output layout of this case. */
function onnxLayout(c: OnnxCase, out: { Y: number[][][]; Yh: number[][] }): { Y: number[]; Y_h: number[] } {
  const layout1 = c.attributes_with_defaults.layout === 1;
  const T = out.Y.length;
  const B = out.Yh.length;
  const Y: number[] = [];
  // layout 0: [T, 1, B, H]; layout 1: [B, T, 1, H].
  if (layout1) for (let b = 0; b < B; b++) for (let t = 0; t < T; t++) Y.push(...out.Y[t][b]);
  else for (let t = 0; t < T; t++) for (let b = 0; b < B; b++) Y.push(...out.Y[t][b]);
  return { Y, Y_h: out.Yh.flat() };
}

function expectClose(got: number[], want: number[], tol: { rtol: number; atol: number }, what: string): void {
  expect(got.length, `${what}: length`).toBe(want.length);
  got.forEach((g, k) => {
    const bound = tol.atol + tol.rtol * Math.abs(want[k]);
    if (!(Math.abs(g - want[k]) <= bound)) throw new Error(`${what}[${k}]: got ${g}, want ${want[k]} (|Δ| = ${Math.abs(g - want[k])} > ${bound})`);
  });
}

function expectOutputs(c: OnnxCase, got: { Y: number[][][]; Yh: number[][] }, what: string): void {
  const flat = onnxLayout(c, got);
  for (const key of ['Y', 'Y_h'] as const) {
    const want = c.outputs[key];
    if (want) expectClose(flat[key], f32(want)!, c.tolerance, `${c.name} ${what} ${key}`);
  }
}

describe('ONNX conformance fixtures', () => {
  it('has all 12 cases, each within what the conversion supports', () => {
    expect(CASES.map((c) => c.name)).toHaveLength(12);
    for (const c of CASES) {
      const a = c.attributes_with_defaults;
      expect(a.direction, c.name).toBe('forward');
      expect(a.activations, c.name).toEqual(DEFAULT_ACTIVATIONS[c.op]);
      expect(a.clip, c.name).toBeUndefined();
      expect(a.input_forget ?? 0, c.name).toBe(0);
      // We have no masking: every sequence length must be the full length.
      const lens = c.inputs.sequence_lens?.data;
      if (lens) expect(lens, c.name).toEqual(new Array(dims(c).B).fill(dims(c).T));
    }
    expect(CASES.filter((c) => c.op === 'GRU').every((c) => c.attributes_with_defaults.linear_before_reset === 0)).toBe(true);
  });
});

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  it('the literal ONNX reference reproduces the expected outputs', () => {
    expectOutputs(c, onnxReference(c, c.attributes_with_defaults.linear_before_reset ?? 0, refActivations(c)), 'reference');
  });

  if (c.op !== 'GRU') {
    it('our engine reproduces the expected outputs', () => expectOutputs(c, runEngine(c), 'engine'));
  } else {
    it('our engine (PyTorch GRU) matches the ONNX reference with linear_before_reset = 1', () => {
      const got = onnxLayout(c, runEngine(c));
      const want = onnxLayout(c, onnxReference(c, 1, ACT.Sigmoid));
      expectClose(got.Y, want.Y, { rtol: 1e-12, atol: 1e-14 }, `${c.name} Y`);
      expectClose(got.Y_h, want.Y_h, { rtol: 1e-12, atol: 1e-14 }, `${c.name} Y_h`);
    });
  }
});

it('linear_before_reset 0 and 1 really differ on the random-weight GRU case (so (a)+(b) above are both needed)', () => {
  const c = CASES.find((k) => k.name === 'test_gru_seq_length')!;
  const lbr0 = onnxLayout(c, onnxReference(c, 0, ACT.Sigmoid)).Y_h;
  const lbr1 = onnxLayout(c, onnxReference(c, 1, ACT.Sigmoid)).Y_h;
  const worst = Math.max(...lbr0.map((v, k) => Math.abs(v - lbr1[k]) / (c.tolerance.atol + c.tolerance.rtol * Math.abs(v))));
  expect(worst).toBeGreaterThan(1);
});

describe('random non-uniform ONNX-layout weights (gate order, peephole order, orientation, initial state)', () => {
  const tensor = (r: Rng, shape: number[], scale = 1): OnnxTensor => ({
    dtype: 'float32', shape, data: Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => Math.fround(r.uniform(-scale, scale))),
  });
  const variants: [OnnxCase['op'], string, 0 | 1, boolean][] = [
    ['LSTM', 'Tanh', 0, true], ['LSTM', 'Tanh', 1, false], ['GRU', 'Tanh', 0, false], ['GRU', 'Tanh', 1, false],
    ['RNN', 'Tanh', 0, false], ['RNN', 'Relu', 1, false],
  ];
  it.each(variants)('%s %s layout=%i peephole=%s', (op, activation, layout, peephole) => {
    const r = new Rng(op.length * 97 + layout * 13 + activation.length);
    const [T, B, I, H] = [5, 3, 4, 6];
    const G = { RNN: 1, GRU: 3, LSTM: 4 }[op];
    const c: OnnxCase = {
      name: `random ${op}`, op,
      attributes_with_defaults: { hidden_size: H, direction: 'forward', layout, activations: op === 'RNN' ? [activation] : DEFAULT_ACTIVATIONS[op] },
      tolerance: { rtol: 1e-12, atol: 1e-14 },
      inputs: {
        X: tensor(r, layout === 0 ? [T, B, I] : [B, T, I], 1.5),
        W: tensor(r, [1, G * H, I], 0.75),
        R: tensor(r, [1, G * H, H], 0.75),
        B: tensor(r, [1, 2 * G * H], 0.5),
        initial_h: tensor(r, layout === 0 ? [1, B, H] : [B, 1, H], 0.5),
        ...(op === 'LSTM' ? { initial_c: tensor(r, layout === 0 ? [1, B, H] : [B, 1, H], 1) } : {}),
        ...(peephole ? { P: tensor(r, [1, 3 * H], 1) } : {}),
      },
      outputs: {},
    };
    const want = onnxLayout(c, onnxReference(c, 1, refActivations(c)));
    const got = onnxLayout(c, runEngine(c));
    expectClose(got.Y, want.Y, c.tolerance, `${op} Y`);
    expectClose(got.Y_h, want.Y_h, c.tolerance, `${op} Y_h`);
  });
});
