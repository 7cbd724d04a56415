import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeModelConfig } from '../../src/engine/config.ts';
import type { Tensor } from '../../src/engine/interop/nested.ts';
import { exportSafetensors, importSafetensors, readSafetensors, writeSafetensors } from '../../src/engine/interop/safetensors.ts';
import { importStateDict } from '../../src/engine/interop/stateDict.ts';
import { ParamStore } from '../../src/engine/params.ts';
import { Rng } from '../../src/engine/rng.ts';

const FIXTURES = new URL('../fixtures/trace/', import.meta.url);

/** A file from raw parts: header text (or object) and data buffer bytes; `declared` overrides the length field. */
function craft(header: string | object, buffer: Uint8Array = new Uint8Array(0), declared?: bigint): Uint8Array {
  const text = new TextEncoder().encode(typeof header === 'string' ? header : JSON.stringify(header));
  const out = new Uint8Array(8 + text.length + buffer.length);
  new DataView(out.buffer).setBigUint64(0, declared ?? BigInt(text.length), true);
  out.set(text, 8);
  out.set(buffer, 8 + text.length);
  return out;
}

function randomModel(seed: number) {
  const config = makeModelConfig({ cell: 'lstm', inputSize: 3, hiddenSize: 5, numLayers: 2, outputSize: 2, peephole: true });
  const params = new ParamStore(config);
  const rng = new Rng(seed);
  for (let i = 0; i < params.size; i++) params.data[i] = rng.normal() * 10 ** rng.uniform(-3, 3);
  return { config, params };
}

describe('reading a file written by an independent writer', () => {
  it('lstm.safetensors (F32, written by numpy + struct like save_file) equals lstm.json rounded to float32', () => {
    const fromFile = readSafetensors(new Uint8Array(readFileSync(new URL('lstm.safetensors', FIXTURES))));
    const json = JSON.parse(readFileSync(new URL('lstm.json', FIXTURES), 'utf8')) as Record<string, unknown>;
    const fromJson = importStateDict(json);
    const model = importSafetensors(new Uint8Array(readFileSync(new URL('lstm.safetensors', FIXTURES))));
    expect(Object.keys(fromFile).sort()).toEqual(Object.keys(json).sort());
    expect(fromFile['lstm.weight_ih_l0'].shape).toEqual([16, 3]);
    expect(model.config).toEqual(fromJson.config);
    expect([model.prefix, model.headPrefix]).toEqual(['lstm.', 'fc.']);
    expect(Array.from(model.params.data)).toEqual(Array.from(fromJson.params.data, Math.fround));
  });
});

describe('writeSafetensors / readSafetensors', () => {
  const tensors: Record<string, Tensor> = {
    'a.weight': { shape: [2, 3], data: Float64Array.from([1 / 3, -2, 3e-30, 4e30, Math.PI, -0]) },
    'a.bias': { shape: [3], data: Float64Array.from([0.1, 0.2, 0.3]) },
    empty: { shape: [0, 4], data: new Float64Array(0) },
  };

  it('F64 is exact, F32 rounds each value to float32', () => {
    const f64 = readSafetensors(writeSafetensors(tensors, 'F64'));
    const f32 = readSafetensors(writeSafetensors(tensors, 'F32'));
    for (const [name, t] of Object.entries(tensors)) {
      expect(f64[name].shape).toEqual(t.shape);
      expect(Array.from(f64[name].data)).toEqual(Array.from(t.data));
      expect(Array.from(f32[name].data)).toEqual(Array.from(t.data, Math.fround));
    }
  });

  it('writes the documented layout: u64 header length, space-padded JSON, aligned data', () => {
    const bytes = writeSafetensors(tensors, 'F32', { format: 'pt' });
    const n = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect((8 + n) % 8).toBe(0);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n))) as Record<string, unknown>;
    expect(header).toEqual({
      __metadata__: { format: 'pt' },
      'a.weight': { dtype: 'F32', shape: [2, 3], data_offsets: [0, 24] },
      'a.bias': { dtype: 'F32', shape: [3], data_offsets: [24, 36] },
      empty: { dtype: 'F32', shape: [0, 4], data_offsets: [36, 36] },
    });
    expect(bytes.length).toBe(8 + n + 36);
    expect(new DataView(bytes.buffer).getFloat32(8 + n + 24, true)).toBe(Math.fround(0.1));
  });

  it('reads from a Uint8Array that is a window into a larger buffer', () => {
    const inner = writeSafetensors(tensors, 'F64');
    const big = new Uint8Array(inner.length + 5);
    big.set(inner, 3);
    expect(Array.from(readSafetensors(big.subarray(3, 3 + inner.length))['a.weight'].data)).toEqual(Array.from(tensors['a.weight'].data));
  });

  it('refuses a value that overflows F32', () => {
    expect(() => writeSafetensors({ w: { shape: [1, 2], data: Float64Array.from([0, 1e39]) } }, 'F32')).toThrow(/tensor 'w' value 1e\+39 at \[0\]\[1\] overflows F32/);
  });
});

describe('model round trip through safetensors', () => {
  it('F64 is exact, F32 within float32 precision', () => {
    const { config, params } = randomModel(7);
    const f64 = importSafetensors(exportSafetensors(config, params, 'F64'));
    expect(f64.config).toEqual(config);
    expect(Array.from(f64.params.data)).toEqual(Array.from(params.data));
    const f32 = importSafetensors(exportSafetensors(config, params, 'F32', { prefix: 'model.lstm.', headPrefix: 'model.out.' }));
    expect([f32.prefix, f32.headPrefix]).toEqual(['model.lstm.', 'model.out.']);
    f32.params.data.forEach((v, i) => expect(Math.abs(v - params.data[i])).toBeLessThanOrEqual(Math.abs(params.data[i]) * 2 ** -24));
  });

  it('shares the state_dict checks (a missing tensor is named)', () => {
    const { config, params } = randomModel(8);
    const all = readSafetensors(exportSafetensors(config, params, 'F64'));
    delete all['lstm.bias_hh_l1'];
    expect(() => importSafetensors(writeSafetensors(all, 'F64'))).toThrow(/missing tensor 'lstm\.bias_hh_l1'/);
  });

  it('rejects NaN stored in the file, naming tensor and index', () => {
    const { config, params } = randomModel(9);
    params.value('weight_hh_l1')[5 * 1 + 2] = NaN;
    expect(() => importSafetensors(exportSafetensors(config, params, 'F32'))).toThrow(/tensor 'lstm\.weight_hh_l1' has a non-finite value \(NaN\) at \[1\]\[2\]/);
  });
});

describe('readSafetensors validation', () => {
  const f32 = (...v: number[]): Uint8Array => new Uint8Array(Float32Array.from(v).buffer);
  const cases: [string, Uint8Array, RegExp][] = [
    ['too short', new Uint8Array(5), /file is 5 bytes, too short/],
    ['header length beyond the file', craft('{}', new Uint8Array(0), 1000n), /header length 1000 goes beyond the end of the 10-byte file/],
    ['header length beyond 2^53', craft('{}', new Uint8Array(0), 2n ** 63n), /header length 9223372036854775808 goes beyond/],
    ['bad JSON', craft('{"a": '), /header is not valid JSON/],
    ['not an object', craft('[1, 2]'), /header is not a JSON object/],
    ['unsupported dtype', craft({ w: { dtype: 'BF16', shape: [2], data_offsets: [0, 4] } }, new Uint8Array(4)), /tensor 'w' has dtype "BF16"; only F32 and F64 are supported/],
    ['bad shape', craft({ w: { dtype: 'F32', shape: [-1], data_offsets: [0, 4] } }, f32(1)), /tensor 'w' has an invalid shape \[-1\]/],
    ['bad offsets', craft({ w: { dtype: 'F32', shape: [1], data_offsets: [0] } }, f32(1)), /tensor 'w' has invalid data_offsets \[0\]/],
    ['offsets out of range', craft({ w: { dtype: 'F32', shape: [2], data_offsets: [4, 12] } }, f32(1, 2)), /tensor 'w' data_offsets \[4, 12\] are outside the 8-byte data buffer/],
    ['offsets reversed', craft({ w: { dtype: 'F32', shape: [0], data_offsets: [4, 0] } }, f32(1)), /tensor 'w' data_offsets \[4, 0\] are outside/],
    ['size mismatch', craft({ w: { dtype: 'F64', shape: [2], data_offsets: [0, 8] } }, f32(1, 2)), /tensor 'w' spans 8 bytes, but shape \[2\] of F64 needs 16/],
    ['overlap', craft({ a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] }, b: { dtype: 'F32', shape: [2], data_offsets: [4, 12] } }, f32(1, 2, 3)), /tensors 'a' and 'b' overlap/],
    ['bad metadata', craft({ __metadata__: { n: 1 } }), /__metadata__ must map strings to strings/],
    ['trailing bytes', craft({ a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, f32(1, 2)), /4 bytes after the last tensor's data/],
    ['bytes and no tensors', craft({}, f32(1)), /4 bytes after the last tensor's data/],
    ['a gap between tensors', craft({ a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] }, b: { dtype: 'F32', shape: [1], data_offsets: [8, 12] } }, f32(1, 2, 3)), /4 unused bytes in the data buffer between 'a' and 'b'/],
    ['a gap before the first tensor', craft({ a: { dtype: 'F32', shape: [1], data_offsets: [4, 8] } }, f32(1, 2)), /4 unused bytes in the data buffer before the first tensor/],
    ['a repeated key', craft('{"a": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}, "a": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}', f32(1)), /header has the key "a" twice/],
    ['a shape too large to allocate', craft({ a: { dtype: 'F32', shape: [2000, 2000, 2000], data_offsets: [0, 4] } }, f32(1)), /tensor 'a' has shape \[2000, 2000, 2000\] = 8,000,000,000 values; at most 16,777,216 are read/],
  ];
  it.each(cases)('%s', (_n, bytes, message) => {
    expect(() => readSafetensors(bytes)).toThrow(message);
  });

  it('accepts metadata and tensors in any offset order', () => {
    const out = readSafetensors(craft({
      __metadata__: { format: 'pt' },
      b: { dtype: 'F32', shape: [1], data_offsets: [4, 8] },
      a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] },
    }, f32(1.5, 2.5)));
    expect(out).toEqual({ b: { shape: [1], data: Float64Array.from([2.5]) }, a: { shape: [1], data: Float64Array.from([1.5]) } });
  });
});
