/**
 * The safetensors format (https://github.com/huggingface/safetensors), read and written by hand so the engine
 * needs no Node Buffer: an 8-byte little-endian u64 header length N, N bytes of UTF-8 JSON
 * {name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__"?: {string: string}}, then the byte buffer
 * (offsets are relative to its start). Only F32 and F64 are read or written.
 */
import { InteropError } from './errors.ts';
import { parsePythonJson } from './pyJson.ts';
import type { ModelConfig } from '../config.ts';
import type { ParamStore } from '../params.ts';
import { checkSize, formatIndex, formatShape, unflattenIndex, type Tensor } from './nested.ts';
import { exportTensors, importTensors, type ExportOptions, type ImportedModel, type ImportOptions } from './stateDict.ts';

// Standard in browsers, workers and Node, but absent from the ES lib the engine compiles against.
declare const TextEncoder: { new (): { encode(s: string): Uint8Array } };
declare const TextDecoder: { new (label: 'utf-8', opts: { fatal: boolean }): { decode(b: Uint8Array): string } };

export type SafetensorsDtype = 'F32' | 'F64';

const BYTES: Record<SafetensorsDtype, number> = { F32: 4, F64: 8 };
const METADATA = '__metadata__';

const isDtype = (d: unknown): d is SafetensorsDtype => d === 'F32' || d === 'F64';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const product = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

interface Entry {
  name: string;
  dtype: SafetensorsDtype;
  shape: number[];
  begin: number;
  end: number;
}

/** Check one header entry against the buffer, naming the tensor in every complaint. */
function parseEntry(name: string, info: unknown, bufferBytes: number): Entry {
  if (!isRecord(info)) throw new InteropError('safetensors.entry', `safetensors: header entry '${name}' is not an object`);
  const { dtype, shape, data_offsets: offsets } = info;
  if (!isDtype(dtype)) throw new InteropError('safetensors.dtype', `safetensors: tensor '${name}' has dtype ${JSON.stringify(dtype)}; only F32 and F64 are supported`);
  if (!Array.isArray(shape) || !shape.every(isCount)) throw new InteropError('safetensors.shape', `safetensors: tensor '${name}' has an invalid shape ${JSON.stringify(shape)}`);
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount)) {
    throw new InteropError('safetensors.offsets', `safetensors: tensor '${name}' has invalid data_offsets ${JSON.stringify(offsets)}`);
  }
  const [begin, end] = offsets as [number, number];
  if (begin > end || end > bufferBytes) {
    throw new InteropError('safetensors.offsets', `safetensors: tensor '${name}' data_offsets [${begin}, ${end}] are outside the ${bufferBytes}-byte data buffer`);
  }
  checkSize(shape, `safetensors: tensor '${name}'`);
  const want = product(shape) * BYTES[dtype];
  if (end - begin !== want) {
    throw new InteropError('safetensors.span', `safetensors: tensor '${name}' spans ${end - begin} bytes, but shape ${formatShape(shape)} of ${dtype} needs ${want}`);
  }
  return { name, dtype, shape, begin, end };
}

/**
 * The tensors must tile the data buffer exactly, as the reference loader requires: no overlap, no gap between
 * them (or before the first) and no bytes after the last. Bytes nobody reads are a sign of a corrupt or
 * doctored file.
 */
function checkLayout(entries: readonly Entry[], bufferBytes: number): void {
  const byStart = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let end = 0;
  let last = '';
  for (const e of byStart) {
    if (e.begin < end) throw new InteropError('safetensors.overlap', `safetensors: tensors '${last}' and '${e.name}' overlap in the data buffer`);
    if (e.begin > end) {
      const where = last === '' ? 'before the first tensor' : `between '${last}' and '${e.name}'`;
      throw new InteropError('safetensors.gap', `safetensors: ${e.begin - end} unused bytes in the data buffer ${where} (tensor '${e.name}' starts at ${e.begin}, expected ${end})`);
    }
    end = e.end;
    last = e.name;
  }
  if (end < bufferBytes) {
    throw new InteropError('safetensors.trailingBytes', `safetensors: ${bufferBytes - end} bytes after the last tensor's data (the data buffer is ${bufferBytes} bytes, the tensors end at ${end})`);
  }
}

export function readSafetensors(bytes: Uint8Array): Record<string, Tensor> {
  if (bytes.length < 8) throw new InteropError('safetensors.short', `safetensors: file is ${bytes.length} bytes, too short for the 8-byte header length`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getBigUint64(0, true);
  if (headerLength > BigInt(bytes.length - 8)) {
    throw new InteropError('safetensors.headerLength', `safetensors: header length ${headerLength} goes beyond the end of the ${bytes.length}-byte file`);
  }
  const dataStart = 8 + Number(headerLength);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, dataStart));
  } catch (e) {
    throw new InteropError('safetensors.header', `safetensors: header is not valid UTF-8 (${(e as Error).message})`);
  }
  // Strict JSON (no NaN tokens), but with repeated keys refused: the reference loader rejects them too.
  const header = parsePythonJson(text, 'safetensors: header', false);
  if (!isRecord(header)) throw new InteropError('safetensors.header', 'safetensors: header is not a JSON object');

  const entries: Entry[] = [];
  for (const [name, info] of Object.entries(header)) {
    if (name !== METADATA) entries.push(parseEntry(name, info, bytes.length - dataStart));
    else if (!isRecord(info) || !Object.values(info).every((v) => typeof v === 'string')) {
      throw new InteropError('safetensors.metadata', 'safetensors: __metadata__ must map strings to strings');
    }
  }
  checkLayout(entries, bytes.length - dataStart);
  // fromEntries defines own properties, so even a tensor named "__proto__" stays a plain key.
  return Object.fromEntries(
    entries.map(({ name, dtype, shape, begin }) => {
      const data = new Float64Array(product(shape));
      const at = dataStart + begin;
      if (dtype === 'F32') for (let i = 0; i < data.length; i++) data[i] = view.getFloat32(at + 4 * i, true);
      else for (let i = 0; i < data.length; i++) data[i] = view.getFloat64(at + 8 * i, true);
      return [name, { shape, data }];
    }),
  );
}

export function writeSafetensors(tensors: Record<string, Tensor>, dtype: SafetensorsDtype, metadata?: Record<string, string>): Uint8Array {
  const size = BYTES[dtype];
  const header: Record<string, unknown> = metadata ? { [METADATA]: metadata } : {};
  let bufferBytes = 0;
  for (const [name, t] of Object.entries(tensors)) {
    if (t.data.length !== product(t.shape)) {
      throw new Error(`tensor '${name}' has ${t.data.length} values, but shape ${formatShape(t.shape)} needs ${product(t.shape)}`);
    }
    header[name] = { dtype, shape: t.shape, data_offsets: [bufferBytes, bufferBytes + t.data.length * size] };
    bufferBytes += t.data.length * size;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  // Pad the header with spaces to a multiple of 8 bytes, as the reference writer does, so the data is aligned.
  const headerLength = Math.ceil(json.length / 8) * 8;
  const out = new Uint8Array(8 + headerLength + bufferBytes);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(headerLength), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + headerLength);
  let at = 8 + headerLength;
  for (const [name, t] of Object.entries(tensors)) {
    for (let i = 0; i < t.data.length; i++, at += size) {
      const v = t.data[i];
      if (dtype === 'F64') {
        view.setFloat64(at, v, true);
        continue;
      }
      if (Number.isFinite(v) && !Number.isFinite(Math.fround(v))) {
        throw new Error(`tensor '${name}' value ${v} at ${formatIndex(unflattenIndex(i, t.shape))} overflows F32`);
      }
      view.setFloat32(at, v, true);
    }
  }
  return out;
}

export function importSafetensors(bytes: Uint8Array, opts: ImportOptions = {}): ImportedModel {
  return importTensors(readSafetensors(bytes), opts);
}

export function exportSafetensors(
  config: ModelConfig, params: ParamStore, dtype: SafetensorsDtype,
  opts: ExportOptions & { metadata?: Record<string, string> } = {},
): Uint8Array {
  return writeSafetensors(exportTensors(config, params, opts), dtype, opts.metadata);
}
