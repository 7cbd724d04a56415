/**
 * A corpus of broken model and session files, each with the message the page must show for it. Built from a
 * small valid model so every case differs from a good file in exactly one way; the file-format and the
 * model-reader tests read the same cases.
 */
import { makeModelConfig } from '../engine/config.ts';
import { writeSafetensors } from '../engine/interop/safetensors.ts';
import { exportTensors } from '../engine/interop/stateDict.ts';
import { initParams } from '../engine/init.ts';
import { ParamStore } from '../engine/params.ts';
import { Rng } from '../engine/rng.ts';
import type { Tensor } from '../engine/interop/nested.ts';
import { toNested } from '../engine/interop/nested.ts';

export interface BrokenFile {
  name: string;
  bytes: Uint8Array;
  message: string;
}

/** An LSTM 1 → 3 with a head of 1: small enough that every message is easy to check by eye. */
function goodTensors(): Record<string, Tensor> {
  const config = makeModelConfig({ cell: 'lstm', inputSize: 1, hiddenSize: 3, outputSize: 1 });
  const params = new ParamStore(config);
  initParams(params, new Rng(5), { scheme: 'pytorch', recurrent: 'same', forgetBias: 1 });
  return exportTensors(config, params);
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function json(tensors: Record<string, Tensor>): Uint8Array {
  return utf8(JSON.stringify(Object.fromEntries(Object.entries(tensors).map(([k, t]) => [k, toNested(t.data, t.shape)]))));
}

function without(t: Record<string, Tensor>, ...names: string[]): Record<string, Tensor> {
  return Object.fromEntries(Object.entries(t).filter(([k]) => !names.includes(k)));
}

function safetensorsWithHeader(header: string, dataBytes = 0): Uint8Array {
  const h = utf8(header);
  const out = new Uint8Array(8 + h.length + dataBytes);
  new DataView(out.buffer).setBigUint64(0, BigInt(h.length), true);
  out.set(h, 8);
  return out;
}

export function brokenModelFiles(): BrokenFile[] {
  const good = goodTensors();
  const hh = good['lstm.weight_hh_l0'];
  const nan = { ...good, 'lstm.bias_ih_l0': { shape: [12], data: new Float64Array(12).fill(0.5).map((v, i) => (i === 4 ? NaN : v)) } };
  const goodSafetensors = writeSafetensors(good, 'F32');
  const hugeHeader = new Uint8Array(16);
  new DataView(hugeHeader.buffer).setBigUint64(0, 1n << 40n, true);
  hugeHeader[8] = 0x7b;
  return [
    {
      name: 'wrong-shape.json',
      bytes: json({ ...good, 'lstm.weight_hh_l0': { shape: [12, 2], data: hh.data.slice(0, 24) } }),
      message: "tensor 'lstm.weight_hh_l0' has shape [12, 2]: rows must be 1, 3 or 4 × 2 (RNN, GRU, LSTM)",
    },
    {
      name: 'wrong-head.json',
      bytes: json({ ...good, 'fc.bias': { shape: [2], data: new Float64Array(2) } }),
      message: "tensor 'fc.bias' has shape [2], expected [1]",
    },
    { name: 'nan.safetensors', bytes: writeSafetensors(nan, 'F32'), message: "tensor 'lstm.bias_ih_l0' has a non-finite value (NaN) at [4]" },
    {
      name: 'unknown-tensor.json',
      bytes: json({ ...good, 'lstm.dropout_mask': { shape: [3], data: new Float64Array(3) } }),
      message: "unknown tensor 'lstm.dropout_mask' (expected lstm.{weight,bias}_{ih,hh}_l0..0 and one nn.Linear head fc.{weight,bias})",
    },
    { name: 'missing-tensor.json', bytes: json(without(good, 'lstm.bias_hh_l0')), message: "missing tensor 'lstm.bias_hh_l0'" },
    {
      name: 'bidirectional.json',
      bytes: json({ ...good, 'lstm.weight_ih_l0_reverse': good['lstm.weight_ih_l0'] }),
      message: "tensor 'lstm.weight_ih_l0_reverse': bidirectional RNNs are not supported",
    },
    {
      name: 'proj-size.json',
      bytes: json({ ...good, 'lstm.weight_hr_l0': { shape: [2, 3], data: new Float64Array(6) } }),
      message: "tensor 'lstm.weight_hr_l0': LSTM with proj_size is not supported",
    },
    {
      name: 'no-bias.json',
      bytes: json(without(good, 'lstm.bias_ih_l0', 'lstm.bias_hh_l0')),
      message: 'no bias tensors (lstm.bias_ih_l0, ...): models built with bias=False are not supported',
    },
    {
      name: 'truncated.safetensors',
      bytes: goodSafetensors.slice(0, goodSafetensors.length - 10),
      message: "safetensors: tensor 'fc.weight' data_offsets [288, 300] are outside the 294-byte data buffer",
    },
    {
      name: 'truncated-header.safetensors',
      bytes: goodSafetensors.slice(0, 40),
      message: `safetensors: header length ${new DataView(goodSafetensors.buffer).getBigUint64(0, true)} goes beyond the end of the 40-byte file`,
    },
    { name: 'oversized-header.safetensors', bytes: hugeHeader, message: 'safetensors: header length 1099511627776 is larger than the 104857600-byte limit' },
    {
      name: 'float16.safetensors',
      bytes: safetensorsWithHeader('{"lstm.weight_ih_l0":{"dtype":"F16","shape":[12,1],"data_offsets":[0,24]}}', 24),
      message: 'safetensors: tensor \'lstm.weight_ih_l0\' has dtype "F16"; only F32 and F64 are supported',
    },
    { name: 'picture.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), message: 'this is neither a state_dict JSON nor a safetensors file' },
    { name: 'notes.json', bytes: utf8('{"lr": 0.01, "epochs": 10}'), message: 'no recurrent tensors found (expected names like lstm.weight_ih_l0, weight_hh_l0, ...)' },
    { name: 'broken.json', bytes: utf8('{"lstm.weight_ih_l0": [[0.1], [0.2]'), message: 'not valid JSON' },
    { name: 'ragged.json', bytes: utf8('{"lstm.weight_ih_l0": [[0.1], [0.2, 0.3]]}'), message: "tensor 'lstm.weight_ih_l0' is ragged: [1] has length 2, expected length 1" },
  ];
}
