/**
 * What a dropped or chosen file is — a model (state_dict JSON or safetensors) or a saved session — read into
 * plain data the page can use. Runs in the reader worker; pure, so the tests call it directly.
 */
import type { ModelConfig, RnnNonlinearity } from '../engine/config.ts';
import type { ImportedModel } from '../engine/interop/stateDict.ts';
import { isSessionJson, readSession, type SavedSession } from './sessionFile.ts';
import { readModelBytes, readModelJson, sniffFile } from './modelFile.ts';
import { parseTyped } from './typedJson.ts';

export type ReadResult =
  | { kind: 'model'; model: ModelConfig; weights: Float64Array; prefix: string; headPrefix: string | null }
  | { kind: 'session'; session: SavedSession };

function modelResult(imported: ImportedModel): ReadResult {
  return { kind: 'model', model: imported.config, weights: imported.params.data, prefix: imported.prefix, headPrefix: imported.headPrefix };
}

export function readFileBytes(bytes: Uint8Array, nonlinearity: RnnNonlinearity): ReadResult {
  if (sniffFile(bytes) !== 'json') return modelResult(readModelBytes(bytes, nonlinearity));
  let json: unknown;
  try {
    // Plain JSON too: the typed reader only adds the session's exact encoding of typed arrays.
    json = parseTyped(new TextDecoder('utf-8').decode(bytes));
  } catch (e) {
    throw new Error(`not valid JSON (${(e as Error).message})`);
  }
  if (isSessionJson(json)) return { kind: 'session', session: readSession(json) };
  return modelResult(readModelJson(json, nonlinearity));
}
