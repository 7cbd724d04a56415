/**
 * Our engine against an independent scalar reference written straight from the PyTorch docs' equations for
 * nn.LSTM / nn.GRU / nn.RNN (plus an nn.Linear head), reading the state_dict's nested arrays directly.
 * PyTorch is not available here, so this stands in for fixtures exported from torch: random non-uniform
 * weights, 2 layers, a head and initial states, so a swapped gate block, a transposed matrix or a misplaced
 * bias changes every number. The model goes in through importStateDict and out through runTrace, so the
 * JSON layout of the trace (batch-first, gate names) is checked too.
 */
import { describe, expect, it } from 'vitest';
import type { CellKind, OutputMode, RnnNonlinearity } from '../../src/engine/config.ts';
import { importStateDict } from '../../src/engine/interop/stateDict.ts';
import { runTrace, type TraceResult } from '../../src/engine/interop/traceIo.ts';
import { Rng } from '../../src/engine/rng.ts';

type Matrix = number[][];
type StateDict = Record<string, number[] | Matrix>;

const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

/** Σ_i W[row][i]·v[i] */
const dotRow = (W: Matrix, row: number, v: number[]): number => W[row].reduce((s, w, i) => s + w * v[i], 0);

interface Reference {
  layers: { h: number[][][]; c: number[][][]; gates: Record<string, number[][][]> }[];
  /** Head (or top h) at every step, [B][T][O]. */
  outputs: number[][][];
  hN: number[][][];
  cN: number[][][];
}

/**
 * One sequence at a time, one layer at a time, one unit at a time. Gate rows as in the docs:
 * weight_ih_l{k} = (W_ii|W_if|W_ig|W_io) for LSTM, (W_ir|W_iz|W_in) for GRU.
 */
function reference(sd: StateDict, cell: CellKind, act: RnnNonlinearity, L: number, x: number[][][], h0: number[][][], c0: number[][][]): Reference {
  const B = x.length;
  const H = (sd['m.weight_hh_l0'] as Matrix)[0].length;
  const names = { lstm: ['i', 'f', 'g', 'o'], gru: ['r', 'z', 'n'], rnn: [] as string[] }[cell];
  const layers: Reference['layers'] = Array.from({ length: L }, () => ({
    h: [], c: [], gates: Object.fromEntries(names.map((g) => [g, [] as number[][][]])),
  }));
  const outputs: number[][][] = [];
  const hN: number[][][] = Array.from({ length: L }, () => []);
  const cN: number[][][] = Array.from({ length: L }, () => []);
  for (let b = 0; b < B; b++) {
    let seq = x[b];
    for (let l = 0; l < L; l++) {
      const Wi = sd[`m.weight_ih_l${l}`] as Matrix;
      const Wh = sd[`m.weight_hh_l${l}`] as Matrix;
      const bi = sd[`m.bias_ih_l${l}`] as number[];
      const bh = sd[`m.bias_hh_l${l}`] as number[];
      // Block k, unit j, input side and hidden side (each with its own bias).
      const xi = (xt: number[], k: number, j: number): number => dotRow(Wi, k * H + j, xt) + bi[k * H + j];
      const hh = (hp: number[], k: number, j: number): number => dotRow(Wh, k * H + j, hp) + bh[k * H + j];
      let h = h0[l][b];
      let c = c0[l][b];
      const hs: number[][] = [];
      const cs: number[][] = [];
      const gs: Record<string, number[][]> = Object.fromEntries(names.map((g) => [g, []]));
      for (const xt of seq) {
        const hp = h;
        if (cell === 'lstm') {
          const i = hp.map((_, j) => sigmoid(xi(xt, 0, j) + hh(hp, 0, j)));
          const f = hp.map((_, j) => sigmoid(xi(xt, 1, j) + hh(hp, 1, j)));
          const g = hp.map((_, j) => Math.tanh(xi(xt, 2, j) + hh(hp, 2, j)));
          const o = hp.map((_, j) => sigmoid(xi(xt, 3, j) + hh(hp, 3, j)));
          c = c.map((cp, j) => f[j] * cp + i[j] * g[j]);
          h = c.map((cv, j) => o[j] * Math.tanh(cv));
          Object.entries({ i, f, g, o }).forEach(([k, v]) => gs[k].push(v));
          cs.push(c);
        } else if (cell === 'gru') {
          const r = hp.map((_, j) => sigmoid(xi(xt, 0, j) + hh(hp, 0, j)));
          const z = hp.map((_, j) => sigmoid(xi(xt, 1, j) + hh(hp, 1, j)));
          const n = hp.map((_, j) => Math.tanh(xi(xt, 2, j) + r[j] * hh(hp, 2, j)));
          h = hp.map((v, j) => (1 - z[j]) * n[j] + z[j] * v);
          Object.entries({ r, z, n }).forEach(([k, v]) => gs[k].push(v));
        } else {
          h = hp.map((_, j) => {
            const a = xi(xt, 0, j) + hh(hp, 0, j);
            return act === 'tanh' ? Math.tanh(a) : Math.max(0, a);
          });
        }
        hs.push(h);
      }
      layers[l].h.push(hs);
      layers[l].c.push(cs);
      names.forEach((g) => layers[l].gates[g].push(gs[g]));
      hN[l].push(h);
      cN[l].push(c);
      seq = hs;
    }
    const W = sd['head.weight'] as Matrix | undefined;
    const bias = sd['head.bias'] as number[] | undefined;
    outputs.push(W && bias ? seq.map((ht) => bias.map((bo, o) => dotRow(W, o, ht) + bo)) : seq);
  }
  return { layers, outputs, hN, cN };
}

function expectClose(got: unknown, want: unknown, path: string): void {
  if (typeof want === 'number') {
    if (typeof got !== 'number' || !(Math.abs(got - want) <= 1e-12 + 1e-10 * Math.abs(want))) {
      throw new Error(`${path}: got ${String(got)}, want ${want}`);
    }
    return;
  }
  expect(Array.isArray(got), `${path} is an array`).toBe(true);
  const g = got as unknown[];
  const w = want as unknown[];
  expect(g.length, `${path}.length`).toBe(w.length);
  w.forEach((v, k) => expectClose(g[k], v, `${path}[${k}]`));
}

const uniform = (rng: Rng, shape: number[], k: number): unknown =>
  shape.length === 0 ? rng.uniform(-k, k) : Array.from({ length: shape[0] }, () => uniform(rng, shape.slice(1), k));

function randomStateDict(rng: Rng, cell: CellKind, I: number, H: number, L: number, O: number | null): StateDict {
  const G = { lstm: 4, gru: 3, rnn: 1 }[cell];
  const sd: StateDict = {};
  for (let l = 0; l < L; l++) {
    sd[`m.weight_ih_l${l}`] = uniform(rng, [G * H, l === 0 ? I : H], 0.8) as Matrix;
    sd[`m.weight_hh_l${l}`] = uniform(rng, [G * H, H], 0.8) as Matrix;
    sd[`m.bias_ih_l${l}`] = uniform(rng, [G * H], 0.5) as number[];
    sd[`m.bias_hh_l${l}`] = uniform(rng, [G * H], 0.5) as number[];
  }
  if (O !== null) {
    sd['head.weight'] = uniform(rng, [O, H], 0.8) as Matrix;
    sd['head.bias'] = uniform(rng, [O], 0.5) as number[];
  }
  return sd;
}

const CASES: [CellKind, RnnNonlinearity, OutputMode, number | null][] = [
  ['lstm', 'tanh', 'sequence', 3], ['lstm', 'tanh', 'last', 3], ['lstm', 'tanh', 'last', null],
  ['gru', 'tanh', 'sequence', 3], ['gru', 'tanh', 'last', null],
  ['rnn', 'tanh', 'sequence', 3], ['rnn', 'relu', 'sequence', 3], ['rnn', 'relu', 'last', null],
];

describe('engine vs the PyTorch-docs scalar reference (2 layers, random non-uniform weights)', () => {
  it.each(CASES)('%s %s, output %s, head %s', (cell, act, outputMode, O) => {
    const [B, T, I, H, L] = [3, 6, 4, 5, 2];
    const rng = new Rng(cell.length * 1000 + act.length * 100 + outputMode.length * 10 + (O ?? 0));
    const sd = randomStateDict(rng, cell, I, H, L, O);
    const x = uniform(rng, [B, T, I], 2) as number[][][];
    const h0 = uniform(rng, [L, B, H], 0.7) as number[][][];
    const c0 = uniform(rng, [L, B, H], 1.5) as number[][][];
    const ref = reference(sd, cell, act, L, x, h0, c0);

    const model = importStateDict(sd, { nonlinearity: act, outputMode });
    expect(model.config).toMatchObject({ cell, inputSize: I, hiddenSize: H, numLayers: L, outputSize: O, nonlinearity: act });
    expect([model.prefix, model.headPrefix]).toEqual(['m.', O === null ? null : 'head.']);
    const got: TraceResult = runTrace(model, cell === 'lstm' ? { x, h0, c0 } : { x, h0 });

    expectClose(got.output, outputMode === 'sequence' ? ref.outputs : ref.outputs.map((seq) => seq[T - 1]), 'output');
    expectClose(got.h_n, ref.hN, 'h_n');
    if (cell === 'lstm') expectClose(got.c_n, ref.cN, 'c_n');
    else expect(got.c_n).toBeUndefined();
    got.layers.forEach((layer, l) => {
      expectClose(layer.h, ref.layers[l].h, `layers[${l}].h`);
      if (cell === 'lstm') expectClose(layer.c, ref.layers[l].c, `layers[${l}].c`);
      expect(Object.keys(layer.gates)).toEqual(Object.keys(ref.layers[l].gates));
      for (const g of Object.keys(layer.gates)) expectClose(layer.gates[g], ref.layers[l].gates[g], `layers[${l}].gates.${g}`);
    });
  });
});
