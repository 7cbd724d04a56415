/**
 * `npm run trace` as a child process on the fixtures in tests/fixtures/trace (see make_fixtures.py there).
 * Numbers are checked against in-process runs and against identities the trace must satisfy (LSTM/GRU cell
 * equations on the dumped gates, the head on the dumped h, finite differences of the loss), so a wrong
 * transposition between batch-first JSON and the time-major engine shows up.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importStateDict, type ImportOptions } from '../../src/engine/interop/stateDict.ts';
import { runTrace } from '../../src/engine/interop/traceIo.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIX = 'tests/fixtures/trace/';
const TMP = mkdtempSync(join(tmpdir(), 'trace-cli-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function trace(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/trace.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(...args: string[]): any {
  const r = trace(...args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

const readJson = (path: string): any => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const tmpFile = (name: string, contents: string | Uint8Array): string => {
  const p = join(TMP, name);
  writeFileSync(p, contents);
  return p;
};
const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));
const close = (a: number, b: number, tol = 1e-12): boolean => Math.abs(a - b) <= tol * (1 + Math.abs(b));
const shapeOf = (v: unknown): number[] => (Array.isArray(v) ? [v.length, ...shapeOf(v[0])] : []);

/** The loss of an in-process trace after `edit` changes one number of the model or input. */
function lossWith(modelPath: string, input: any, target: any, opts: ImportOptions, edit: (sd: any, input: any) => void): number {
  const sd = readJson(modelPath);
  const x = structuredClone(input);
  edit(sd, x);
  return runTrace(importStateDict(sd, opts), x, target).loss as number;
}

describe('trace CLI: LSTM state_dict JSON with initial states and a target', () => {
  const model = `${FIX}lstm.json`;
  const out = ok('--model', model, '--input', `${FIX}input_state.json`, '--target', `${FIX}target_last.json`);
  const sd = readJson(model);
  const input = readJson(`${FIX}input_state.json`);
  const target = readJson(`${FIX}target_last.json`);
  const [B, T, L, H, O] = [2, 5, 2, 4, 2];

  it('has the documented keys and shapes', () => {
    expect(Object.keys(out)).toEqual(['cell', 'layers', 'output', 'h_n', 'c_n', 'loss', 'grads']);
    expect(out.cell).toBe('lstm');
    expect(out.layers).toHaveLength(L);
    for (const layer of out.layers) {
      expect(Object.keys(layer)).toEqual(['h', 'c', 'gates']);
      expect(shapeOf(layer.h)).toEqual([B, T, H]);
      expect(shapeOf(layer.c)).toEqual([B, T, H]);
      expect(Object.keys(layer.gates)).toEqual(['i', 'f', 'g', 'o']);
      for (const g of Object.values(layer.gates)) expect(shapeOf(g)).toEqual([B, T, H]);
    }
    expect(shapeOf(out.output)).toEqual([B, O]);
    expect(shapeOf(out.h_n)).toEqual([L, B, H]);
    expect(shapeOf(out.c_n)).toEqual([L, B, H]);
    expect(Object.keys(out.grads)).toEqual([...Object.keys(sd), 'x', 'layers']);
    for (const name of Object.keys(sd)) expect(shapeOf(out.grads[name]), name).toEqual(shapeOf(sd[name]));
    expect(shapeOf(out.grads.x)).toEqual([B, T, 3]);
    for (const g of out.grads.layers) {
      expect(Object.keys(g)).toEqual(['h', 'c']);
      expect(shapeOf(g.h)).toEqual([B, T, H]);
      expect(shapeOf(g.c)).toEqual([B, T, H]);
    }
  });

  it('equals the in-process trace', () => {
    expect(out).toEqual(JSON.parse(JSON.stringify(runTrace(importStateDict(sd), input, target))));
  });

  it('dumped gates, states and output satisfy the LSTM and head equations', () => {
    for (let l = 0; l < L; l++) {
      const { h, c, gates } = out.layers[l];
      for (let b = 0; b < B; b++) {
        for (let t = 0; t < T; t++) {
          for (let j = 0; j < H; j++) {
            const cPrev = t === 0 ? input.c0[l][b][j] : c[b][t - 1][j];
            expect(close(c[b][t][j], gates.f[b][t][j] * cPrev + gates.i[b][t][j] * gates.g[b][t][j])).toBe(true);
            expect(close(h[b][t][j], gates.o[b][t][j] * Math.tanh(c[b][t][j]))).toBe(true);
          }
        }
        expect(out.h_n[l][b]).toEqual(h[b][T - 1]);
        expect(out.c_n[l][b]).toEqual(c[b][T - 1]);
      }
    }
    // The first gate pre-activation of layer 0 at t = 0, by hand, pins the orientation of weight_ih and h0.
    const x0 = input.x[1][0];
    const h0 = input.h0[0][1];
    let a = sd['lstm.bias_ih_l0'][H + 2] + sd['lstm.bias_hh_l0'][H + 2];
    x0.forEach((v: number, i: number) => (a += sd['lstm.weight_ih_l0'][H + 2][i] * v));
    h0.forEach((v: number, i: number) => (a += sd['lstm.weight_hh_l0'][H + 2][i] * v));
    expect(close(out.layers[0].gates.f[1][0][2], sigmoid(a))).toBe(true);
    for (let b = 0; b < B; b++) {
      for (let o = 0; o < O; o++) {
        const top = out.layers[L - 1].h[b][T - 1];
        const y = sd['fc.bias'][o] + top.reduce((s: number, v: number, j: number) => s + sd['fc.weight'][o][j] * v, 0);
        expect(close(out.output[b][o], y)).toBe(true);
      }
    }
  });

  it('loss is the MSE over all elements; ∂L/∂h of the top layer at T−1 is fc.weightᵀ·∂L/∂output', () => {
    const diffs = out.output.flatMap((row: number[], b: number) => row.map((v, o) => v - target.y[b][o]));
    expect(close(out.loss, diffs.reduce((s: number, d: number) => s + d * d, 0) / diffs.length)).toBe(true);
    for (let b = 0; b < B; b++) {
      for (let j = 0; j < H; j++) {
        let want = 0;
        for (let o = 0; o < O; o++) want += sd['fc.weight'][o][j] * ((2 * (out.output[b][o] - target.y[b][o])) / (B * O));
        expect(close(out.grads.layers[L - 1].h[b][T - 1][j], want)).toBe(true);
      }
    }
  });

  it('gradients match central finite differences of the loss', () => {
    const eps = 1e-6;
    const fd = (edit: (sd: any, x: any, d: number) => void): number =>
      (lossWith(model, input, target, {}, (s, x) => edit(s, x, eps)) - lossWith(model, input, target, {}, (s, x) => edit(s, x, -eps))) / (2 * eps);
    const checks: [number, (s: any, x: any, d: number) => void][] = [
      [out.grads.x[1][3][2], (_s, x, d) => (x.x[1][3][2] += d)],
      [out.grads.x[0][0][1], (_s, x, d) => (x.x[0][0][1] += d)],
      [out.grads['lstm.weight_ih_l0'][9][1], (s, _x, d) => (s['lstm.weight_ih_l0'][9][1] += d)],
      [out.grads['lstm.weight_hh_l1'][14][3], (s, _x, d) => (s['lstm.weight_hh_l1'][14][3] += d)],
      [out.grads['lstm.bias_hh_l0'][5], (s, _x, d) => (s['lstm.bias_hh_l0'][5] += d)],
      [out.grads['fc.weight'][1][2], (s, _x, d) => (s['fc.weight'][1][2] += d)],
      [out.grads['fc.bias'][0], (s, _x, d) => (s['fc.bias'][0] += d)],
    ];
    for (const [got, edit] of checks) expect(Math.abs(got - fd(edit))).toBeLessThan(1e-8 + 1e-5 * Math.abs(got));
  });
});

describe('trace CLI: other models and flags', () => {
  it('.safetensors (F32) with --output sequence and --out matches the JSON model to float32 precision', () => {
    const outFile = join(TMP, 'seq.json');
    const r = trace('--model', `${FIX}lstm.safetensors`, '--input', `${FIX}input.json`, '--output=sequence', '--target', `${FIX}target_sequence.json`, '--out', outFile);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
    const out = JSON.parse(readFileSync(outFile, 'utf8'));
    expect(shapeOf(out.output)).toEqual([2, 5, 2]);
    expect(Object.keys(out.grads)).toContain('lstm.weight_ih_l0');
    const want = runTrace(importStateDict(readJson(`${FIX}lstm.json`), { outputMode: 'sequence' }), readJson(`${FIX}input.json`)).output as number[][][];
    want.flat(2).forEach((v, k) => expect(Math.abs(out.output.flat(2)[k] - v)).toBeLessThan(1e-5));
  });

  it('GRU without prefix or head: output is the top h at T−1, gates r, z, n, no c', () => {
    const input = readJson(`${FIX}input.json`);
    const out = ok('--model', `${FIX}gru_noprefix_nohead.json`, '--input', `${FIX}input.json`);
    expect(Object.keys(out)).toEqual(['cell', 'layers', 'output', 'h_n']);
    expect(out.cell).toBe('gru');
    expect(out.output).toEqual(out.layers[1].h.map((seq: number[][]) => seq[4]));
    for (const { h, gates } of out.layers) {
      expect(Object.keys(gates)).toEqual(['r', 'z', 'n']);
      for (let b = 0; b < 2; b++) {
        for (let t = 1; t < 5; t++) {
          h[b][t].forEach((v: number, j: number) => expect(close(v, (1 - gates.z[b][t][j]) * gates.n[b][t][j] + gates.z[b][t][j] * h[b][t - 1][j])).toBe(true));
        }
      }
    }
    const y = tmpFile('gru_target.json', JSON.stringify({ y: [[0, 0, 0, 0], [1, 1, 1, 1]] }));
    const withGrads = ok('--model', `${FIX}gru_noprefix_nohead.json`, '--input', `${FIX}input.json`, '--target', y);
    expect(Object.keys(withGrads.grads)).toEqual(['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0', 'weight_ih_l1', 'weight_hh_l1', 'bias_ih_l1', 'bias_hh_l1', 'x', 'layers']);
    expect(Object.keys(withGrads.grads.layers[0])).toEqual(['h']);
    expect(shapeOf(withGrads.grads.x)).toEqual(shapeOf(input.x));
  });

  it('RNN with --nonlinearity relu: gates {}, h ≥ 0, prefixes kept in gradient names', () => {
    const tanh = ok('--model', `${FIX}rnn.json`, '--input', `${FIX}input.json`);
    const out = ok('--model', `${FIX}rnn.json`, '--input', `${FIX}input.json`, '--nonlinearity', 'relu', '--target', `${FIX}target_last.json`);
    expect(out.cell).toBe('rnn');
    expect(out.layers[0].gates).toEqual({});
    expect(out.layers[0].h.flat(2).every((v: number) => v >= 0)).toBe(true);
    expect(tanh.layers[0].h.flat(2).some((v: number) => v < 0)).toBe(true);
    expect(Object.keys(out.grads)).toEqual(['encoder.rnn.weight_ih_l0', 'encoder.rnn.weight_hh_l0', 'encoder.rnn.bias_ih_l0', 'encoder.rnn.bias_hh_l0', 'decoder.weight', 'decoder.bias', 'x', 'layers']);
  });

  it('--help prints the usage', () => {
    const r = trace('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run trace -- --model/);
  });
});

describe('trace CLI errors: exit 2 and one line on stderr', () => {
  const lstm = `${FIX}lstm.json`;
  const input = `${FIX}input.json`;
  const badShape = (): string => {
    const sd = readJson(lstm);
    sd['lstm.weight_hh_l1'] = sd['lstm.weight_hh_l1'].slice(1);
    return tmpFile('bad_shape.json', JSON.stringify(sd));
  };
  const cases: [string, () => string[], RegExp][] = [
    ['unknown flag', () => ['--model', lstm, '--input', input, '--verbose', '1'], /unknown flag --verbose/],
    ['positional argument', () => ['--model', lstm, '--input', input, 'extra'], /unexpected argument 'extra'/],
    ['missing --input', () => ['--model', lstm], /--input is required/],
    ['flag without value', () => ['--model', lstm, '--input'], /--input needs a value/],
    ['repeated flag', () => ['--model', lstm, '--model', lstm, '--input', input], /--model is given twice/],
    ['bad --output', () => ['--model', lstm, '--input', input, '--output', 'all'], /--output must be last or sequence, got 'all'/],
    ['missing model file', () => ['--model', `${FIX}nope.json`, '--input', input], /cannot read --model file '.*nope\.json': no such file/],
    ['model is a directory', () => ['--model', FIX, '--input', input], /cannot read --model file .*: is a directory/],
    ['bad JSON', () => ['--model', tmpFile('bad.json', '{"lstm.weight_ih_l0": [[1, 2],'), '--input', input], /--model file '.*bad\.json' is not valid JSON/],
    ['wrong tensor shape', () => ['--model', badShape(), '--input', input], /model '.*': tensor 'lstm\.weight_hh_l1' has shape \[15, 4\], expected \[16, 4\]/],
    ['truncated safetensors', () => ['--model', tmpFile('cut.safetensors', readFileSync(join(ROOT, FIX, 'lstm.safetensors')).subarray(0, 100)), '--input', input],
      /model '.*cut\.safetensors': safetensors: header length \d+ goes beyond the end of the 100-byte file/],
    ['x with the wrong input size', () => ['--model', lstm, '--input', tmpFile('x4.json', JSON.stringify({ x: [[[1, 2, 3, 4]]] }))],
      /input 'x' has shape \[1, 1, 4\], expected \[B\]\[T\]\[3\]/],
    ['x not batch-first 3-D', () => ['--model', lstm, '--input', tmpFile('x2.json', JSON.stringify({ x: [[1, 2, 3]] }))], /input 'x' has shape \[1, 3\]/],
    ['ragged x', () => ['--model', lstm, '--input', tmpFile('xr.json', JSON.stringify({ x: [[[1, 2, 3]], [[1, 2, 3], [4, 5, 6]]] }))], /input 'x' is ragged/],
    ['h0 of the wrong shape', () => ['--model', lstm, '--input', tmpFile('h0.json', JSON.stringify({ x: [[[1, 2, 3]]], h0: [[[0, 0, 0, 0]]] }))],
      /input 'h0' has shape \[1, 1, 4\], expected \[2, 1, 4\]/],
    ['c0 for a GRU', () => ['--model', `${FIX}gru_noprefix_nohead.json`, '--input', `${FIX}input_state.json`], /input has unknown key 'c0' \(expected x, h0\)/],
    ['target of the wrong shape', () => ['--model', `${FIX}gru_noprefix_nohead.json`, '--input', input, '--target', `${FIX}target_last.json`],
      /target 'y' has shape \[2, 2\], expected \[2, 4\]/],
    ['--out into a missing folder', () => ['--model', lstm, '--input', input, '--out', join(TMP, 'no', 'such', 'dir.json')], /cannot write --out file/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const r = trace(...args());
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^trace: [^\n]+\n$/);
    expect(r.stderr).toMatch(message);
  });
});
