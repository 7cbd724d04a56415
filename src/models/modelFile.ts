/**
 * Model files in and out of the page: a PyTorch state_dict as JSON or safetensors, read and written by the
 * engine's interop (one place for tensor names and checks). Pure functions on bytes, so the reader worker and
 * the tests share them.
 */
import type { ModelConfig, RnnNonlinearity } from '../engine/config.ts';
import { ParamStore } from '../engine/params.ts';
import { exportSafetensors, importSafetensors } from '../engine/interop/safetensors.ts';
import { exportStateDict, importStateDict, type ImportedModel } from '../engine/interop/stateDict.ts';

/** Larger files are refused before reading: a recurrent model the page can train is far smaller. */
export const MAX_MODEL_FILE_BYTES = 256 * 1024 * 1024;
/** The safetensors reference reader's own limit on the JSON header. */
const MAX_SAFETENSORS_HEADER_BYTES = 100 * 1024 * 1024;

export type FileKind = 'json' | 'safetensors' | 'unknown';

const isSpace = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0xef || b === 0xbb || b === 0xbf;

/** JSON starts with '{' (after blanks or a BOM); safetensors with an 8-byte length and then its '{' header. */
export function sniffFile(bytes: Uint8Array): FileKind {
  let i = 0;
  while (i < bytes.length && i < 64 && isSpace(bytes[i])) i++;
  if (bytes[i] === 0x7b) return 'json';
  if (bytes.length >= 9 && bytes[8] === 0x7b) return 'safetensors';
  return 'unknown';
}

function checkSafetensorsHeader(bytes: Uint8Array): void {
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(0, true);
  if (length > BigInt(MAX_SAFETENSORS_HEADER_BYTES)) {
    throw new Error(`safetensors: header length ${length} is larger than the ${MAX_SAFETENSORS_HEADER_BYTES}-byte limit`);
  }
}

/** What a JSON text holds, parsed; the error names the file's position when it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`not valid JSON (${(e as Error).message})`);
  }
}

/**
 * A model from a file's bytes (state_dict JSON or safetensors, F32/F64). nn.RNN's nonlinearity is not in a
 * state_dict, so the caller says which one the page uses.
 */
export function readModelBytes(bytes: Uint8Array, nonlinearity: RnnNonlinearity = 'tanh'): ImportedModel {
  if (bytes.length > MAX_MODEL_FILE_BYTES) throw new Error(`the file is ${bytes.length} bytes; at most ${MAX_MODEL_FILE_BYTES} are read`);
  const kind = sniffFile(bytes);
  if (kind === 'safetensors') {
    checkSafetensorsHeader(bytes);
    return importSafetensors(bytes, { nonlinearity });
  }
  if (kind === 'json') return readModelJson(parseJson(new TextDecoder('utf-8').decode(bytes)), nonlinearity);
  // Too short to tell: the safetensors reader says how short.
  if (bytes.length < 9) return importSafetensors(bytes, { nonlinearity });
  throw new Error('this is neither a state_dict JSON nor a safetensors file');
}

export function readModelJson(json: unknown, nonlinearity: RnnNonlinearity = 'tanh'): ImportedModel {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error('a state_dict must be a JSON object mapping tensor names to nested arrays');
  }
  return importStateDict(json as Record<string, unknown>, { nonlinearity });
}

/** The model's parameters (flat, ParamStore layout) as a ParamStore. */
function paramsOf(model: ModelConfig, weights: Float64Array): ParamStore {
  const params = new ParamStore(model);
  if (weights.length !== params.size) throw new Error(`expected ${params.size} parameters for this model, got ${weights.length}`);
  params.data.set(weights);
  return params;
}

/** safetensors in float64, so reading it back (here or in PyTorch with .double()) loses nothing; names as the model panel shows them. */
export function modelToSafetensors(model: ModelConfig, weights: Float64Array): Uint8Array {
  return exportSafetensors(model, paramsOf(model, weights), 'F64', { metadata: { format: 'pt' } });
}

/** `{name: v.tolist()}` JSON; JSON numbers print every double exactly, so this round-trips bit for bit too. */
export function modelToStateDictJson(model: ModelConfig, weights: Float64Array): string {
  return JSON.stringify(exportStateDict(model, paramsOf(model, weights)));
}

/** A file name that says what the model is: lstm-h12-step300. */
export function modelFileStem(model: ModelConfig, step: number): string {
  const layers = model.numLayers > 1 ? `-l${model.numLayers}` : '';
  return `${model.cell}${layers}-h${model.hiddenSize}-step${step}`;
}
