/**
 * A saved session: everything the next training steps depend on — configuration, weights, optimiser state,
 * step, the data stream's RNG state — plus the loss history and the user's uploaded data (or, when that is
 * large, a fingerprint that asks for the same file). Opening one continues the run bit-identically. The file
 * is JSON: weights as a state_dict under the model panel's names, typed arrays in typedJson's exact encoding.
 */
import { makeModelConfig, type ModelConfig } from '../engine/config.ts';
import { toNested } from '../engine/interop/nested.ts';
import { exportStateDict, exportTensors, importStateDict } from '../engine/interop/stateDict.ts';
import { createOptimizer, type OptimizerState } from '../engine/optim.ts';
import { ParamStore } from '../engine/params.ts';
import { Rng } from '../engine/rng.ts';
import type { LossHistory } from '../contracts/runControls.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import type { CsvTable } from '../tasks/csv/parse.ts';
import type { UserCsv } from '../tasks/userData.ts';
import type { RunResume, RunSnapshot } from '../contracts/protocol.ts';
import { optimizerConfigOf } from '../trainer/buildRun.ts';
import { weightsByName } from '../trainer/resume.ts';
import { parseTyped, stringifyTyped } from './typedJson.ts';

const SESSION_FORMAT = 'lstm-lens-session';
const SESSION_VERSION = 1;
/** Uploaded data up to this many bytes of values travel inside the session; above, only a fingerprint. */
const MAX_EMBEDDED_DATA_BYTES = 4 * 1024 * 1024;

/** Enough to recognise the same CSV again without keeping it. */
export interface DataFingerprint {
  name: string;
  rows: number;
  columns: string[];
  /** FNV-1a of the column names and every value. */
  hash: string;
}

export type SessionData = { kind: 'csv'; csv: UserCsv } | { kind: 'fingerprint'; fingerprint: DataFingerprint };

export interface SavedSession {
  config: RunConfig;
  snapshot: RunSnapshot;
  loss: LossHistory;
  /** The user's CSV for task 'csv'; null for generated tasks and bundled datasets (the page has those). */
  data: SessionData | null;
  /** ms since 1970. */
  savedAt: number;
}

class Fnv {
  private h = 0x811c9dc5;
  byte(b: number): void {
    this.h = Math.imul(this.h ^ b, 0x01000193) >>> 0;
  }
  text(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      this.byte(c & 0xff);
      this.byte(c >>> 8);
    }
    this.byte(0);
  }
  numbers(a: Float64Array): void {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    for (let i = 0; i < bytes.length; i++) this.byte(bytes[i]);
  }
  get hex(): string {
    return this.h.toString(16).padStart(8, '0');
  }
}

export function csvFingerprint(csv: UserCsv): DataFingerprint {
  const fnv = new Fnv();
  for (const c of csv.table.columns) {
    fnv.text(c.name);
    if (c.values) fnv.numbers(c.values);
    for (const r of c.raw ?? []) fnv.text(r);
  }
  return { name: csv.name, rows: csv.table.rowCount, columns: csv.table.columns.map((c) => c.name), hash: fnv.hex };
}

function csvBytes(table: CsvTable): number {
  let n = table.rowNumbers.byteLength;
  for (const c of table.columns) n += (c.values?.byteLength ?? 0) + (c.raw ?? []).reduce((a, s) => a + 2 * s.length, 0);
  return n;
}

/** The data a session of `config` keeps: the CSV itself when small, else its fingerprint; null when the page has the data anyway. */
export function sessionData(config: RunConfig, csv: UserCsv | null, maxBytes = MAX_EMBEDDED_DATA_BYTES): SessionData | null {
  if (config.task !== 'csv' || csv === null) return null;
  return csvBytes(csv.table) <= maxBytes ? { kind: 'csv', csv } : { kind: 'fingerprint', fingerprint: csvFingerprint(csv) };
}

export function sameData(fingerprint: DataFingerprint, csv: UserCsv | null): boolean {
  if (csv === null) return false;
  const other = csvFingerprint(csv);
  return other.hash === fingerprint.hash && other.rows === fingerprint.rows && other.columns.join('\n') === fingerprint.columns.join('\n');
}

/**
 * A trained model to hand out rather than a run to continue exactly: the weights in float32 (as PyTorch keeps
 * them; a quarter of their decimal text) and no optimiser state, which would triple the file. Opening one goes
 * on from its step and loss history with a fresh optimiser.
 */
export interface TrainedModelForm {
  trainedModel: true;
}

/** Each tensor of the state_dict as a flat Float32Array; its shape is the model's. */
function float32Weights(model: ModelConfig, params: ParamStore): Record<string, Float32Array> {
  return Object.fromEntries(Object.entries(exportTensors(model, params)).map(([name, t]) => [name, Float32Array.from(t.data)]));
}

export function encodeSession(s: SavedSession, form?: TrainedModelForm): string {
  const { model, weights, ...state } = s.snapshot;
  const params = new ParamStore(model);
  params.data.set(weights);
  // The optimiser in its place among the fields, its moments as number lists (as PyTorch's
  // optimizer.state_dict() prints them); a trained-model file has none.
  const kept: Partial<Omit<typeof state, 'optimizer'> & { optimizer: unknown }> = {
    ...state,
    optimizer: { ...state.optimizer, buffers: Object.fromEntries(Object.entries(state.optimizer.buffers).map(([k, b]) => [k, Array.from(b)])) },
  };
  if (form?.trainedModel) delete kept.optimizer;
  return stringifyTyped({
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    savedAt: new Date(s.savedAt).toISOString(),
    config: s.config,
    model,
    ...kept,
    weights: form?.trainedModel ? float32Weights(model, params) : exportStateDict(model, params),
    loss: s.loss,
    data: s.data,
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumberArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));

function field(obj: Record<string, unknown>, key: string): unknown {
  if (!(key in obj)) throw new Error(`session: '${key}' is missing`);
  return obj[key];
}

/**
 * Every RunConfig field with the type of its default (ranges are the trainer's to check). A field the file
 * lacks takes its default: a session saved before that setting existed ran with what the default does.
 */
function readConfig(v: unknown): RunConfig {
  if (!isRecord(v)) throw new Error("session: 'config' is not an object");
  const out: Record<string, unknown> = {};
  for (const [k, d] of Object.entries(DEFAULT_RUN_CONFIG)) {
    const x = k in v ? v[k] : d;
    const ok = d === null ? x === null || typeof x === 'number' : typeof x === typeof d || (k === 'forgetBias' && x === null);
    if (!ok) throw new Error(`session: config.${k} is ${JSON.stringify(x) ?? 'missing'}, expected a ${d === null ? 'number or null' : typeof d}`);
    out[k] = x;
  }
  return out as unknown as RunConfig;
}

function readModel(v: unknown, config: RunConfig): ModelConfig {
  if (!isRecord(v)) throw new Error("session: 'model' is not an object");
  let model: ModelConfig;
  try {
    model = makeModelConfig(v as Partial<ModelConfig>);
  } catch (e) {
    throw new Error(`session: model: ${(e as Error).message}`);
  }
  const clash = (['cell', 'hiddenSize', 'numLayers'] as const).find((k) => model[k] !== config[k]);
  if (clash) throw new Error(`session: model.${clash} is ${model[clash]} but config.${clash} is ${config[clash]}`);
  return model;
}

function readWeights(v: unknown, model: ModelConfig): Float64Array {
  if (!isRecord(v)) throw new Error("session: 'weights' is not a state_dict object");
  // A trained-model file holds flat float32 tensors: their shapes are the model's.
  const shapes = exportTensors(model, new ParamStore(model));
  const nested = Object.fromEntries(Object.entries(v).map(([name, t]) => [name, t instanceof Float32Array && shapes[name] ? toNested(t, shapes[name].shape) : t]));
  let imported;
  try {
    imported = importStateDict(nested, { nonlinearity: model.nonlinearity, outputMode: model.outputMode });
  } catch (e) {
    throw new Error(`session: weights: ${(e as Error).message}`);
  }
  const got = imported.config;
  for (const k of ['cell', 'inputSize', 'hiddenSize', 'numLayers', 'outputSize', 'peephole'] as const) {
    if (got[k] !== model[k]) throw new Error(`session: the weights have ${k} ${got[k]}, the model says ${model[k]}`);
  }
  return imported.params.data;
}

function readOptimizer(v: unknown, size: number, config: RunConfig): OptimizerState {
  // A trained-model file has none: training goes on with a fresh optimiser.
  if (v === undefined) return createOptimizer(optimizerConfigOf(config), size).getState();
  if (!isRecord(v) || !isRecord(v.config) || !isRecord(v.buffers)) throw new Error("session: 'optimizer' must have config, stepCount and buffers");
  if (v.config.kind !== config.optimizer) throw new Error(`session: optimizer state is for '${String(v.config.kind)}', the config uses '${config.optimizer}'`);
  if (!Number.isSafeInteger(v.stepCount) || (v.stepCount as number) < 0) throw new Error(`session: optimizer.stepCount ${JSON.stringify(v.stepCount)} is not a count`);
  for (const [name, b] of Object.entries(v.buffers)) {
    if (!isNumberArray(b) || b.length !== size) throw new Error(`session: optimizer buffer '${name}' must hold ${size} finite numbers`);
  }
  const buffers = Object.fromEntries(Object.entries(v.buffers).map(([k, b]) => [k, Float64Array.from(b as number[])]));
  return { ...(v as unknown as OptimizerState), buffers };
}

function readLoss(v: unknown, step: number): LossHistory {
  if (!isRecord(v)) throw new Error("session: 'loss' is not an object");
  const { train, time, stride, validation } = v;
  if (!isNumberArray(train) || !isNumberArray(time) || train.length !== time.length) throw new Error('session: loss.train and loss.time must be equally long lists of numbers');
  if (!Number.isSafeInteger(stride) || (stride as number) < 1) throw new Error(`session: loss.stride ${JSON.stringify(stride)} is not a positive integer`);
  if (train.length * (stride as number) > step) throw new Error(`session: the loss history reaches past step ${step}`);
  if (!Array.isArray(validation) || !validation.every((p) => isRecord(p) && typeof p.step === 'number' && typeof p.loss === 'number')) {
    throw new Error('session: loss.validation must be a list of {step, loss}');
  }
  return { train, time, stride: stride as number, validation: validation as LossHistory['validation'] };
}

function readData(v: unknown): SessionData | null {
  if (v === null || v === undefined) return null;
  if (!isRecord(v)) throw new Error("session: 'data' is not an object");
  if (v.kind === 'fingerprint' && isRecord(v.fingerprint) && typeof v.fingerprint.hash === 'string') return v as unknown as SessionData;
  if (v.kind === 'csv' && isRecord(v.csv) && isRecord(v.csv.table) && Array.isArray(v.csv.table.columns) && v.csv.table.rowNumbers instanceof Int32Array) {
    return v as unknown as SessionData;
  }
  throw new Error("session: 'data' is neither a CSV nor a fingerprint of one");
}

/** A session file's text → the session, or an Error naming what is wrong (nothing is applied meanwhile). */
export function decodeSession(text: string): SavedSession {
  let json: unknown;
  try {
    json = parseTyped(text);
  } catch (e) {
    throw new Error(`session: not valid JSON (${(e as Error).message})`);
  }
  return readSession(json);
}

export function isSessionJson(json: unknown): boolean {
  return isRecord(json) && json.format === SESSION_FORMAT;
}

export function readSession(json: unknown): SavedSession {
  if (!isRecord(json) || json.format !== SESSION_FORMAT) throw new Error(`session: not an LSTM Lens session file (no "format": "${SESSION_FORMAT}")`);
  if (json.version !== SESSION_VERSION) throw new Error(`session: version ${JSON.stringify(json.version)} is not supported (this page reads version ${SESSION_VERSION})`);
  const config = readConfig(field(json, 'config'));
  const model = readModel(field(json, 'model'), config);
  const weights = readWeights(field(json, 'weights'), model);
  const step = field(json, 'step');
  if (!Number.isSafeInteger(step) || (step as number) < 0) throw new Error(`session: step ${JSON.stringify(step)} is not a count`);
  const dataRng = field(json, 'dataRng');
  try {
    Rng.fromState(dataRng as number[]);
  } catch (e) {
    throw new Error(`session: dataRng: ${(e as Error).message}`);
  }
  const elapsedMs = field(json, 'elapsedMs');
  if (typeof elapsedMs !== 'number' || !(elapsedMs >= 0)) throw new Error(`session: elapsedMs ${JSON.stringify(elapsedMs)} is not a duration`);
  const savedAt = Date.parse(String(json.savedAt));
  return {
    config,
    snapshot: {
      model,
      weights,
      step: step as number,
      optimizer: readOptimizer(json.optimizer, weights.length, config),
      dataRng: dataRng as number[],
      elapsedMs,
    },
    loss: readLoss(field(json, 'loss'), step as number),
    data: readData(json.data),
    savedAt: Number.isFinite(savedAt) ? savedAt : 0,
  };
}

/** What the trainer needs to continue the session. */
export function resumeOf(s: Pick<SavedSession, 'snapshot'>): RunResume {
  const { model, weights, ...state } = s.snapshot;
  return { weights: weightsByName(new ParamStore(model), weights), state };
}
