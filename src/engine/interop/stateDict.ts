/**
 * PyTorch state_dict ↔ (ModelConfig, ParamStore). The architecture is inferred from tensor names and shapes,
 * so a file holds nothing but what `{k: v.tolist() for k, v in model.state_dict().items()}` gives for an
 * nn.LSTM / nn.GRU / nn.RNN (any module prefix) plus an optional nn.Linear head. Every format (JSON here,
 * safetensors) goes through `importTensors` / `namedTensors`, so names and shapes are checked in one place.
 */
import { InteropError } from './errors.ts';
import { LIMITS, makeModelConfig, type CellKind, type ModelConfig, type OutputMode, type RnnNonlinearity } from '../config.ts';
import { cellFromGateCount } from '../gateLayout.ts';
import { ParamStore, tensorSpecs, type TensorSpec } from '../params.ts';
import { assertFinite, formatShape, fromNested, shapeEquals, toNested, type Tensor } from './nested.ts';

export interface ImportOptions {
  /** nn.RNN's nonlinearity is not stored in a state_dict, so the caller states it (default 'tanh'). */
  nonlinearity?: RnnNonlinearity;
  /** Not stored either; default 'last'. */
  outputMode?: OutputMode;
}

/** Module prefixes, e.g. prefix 'lstm.' and headPrefix 'fc.' (null = no head). */
export interface Naming {
  prefix: string;
  headPrefix: string | null;
}

export interface ImportedModel extends Naming {
  config: ModelConfig;
  params: ParamStore;
}

export interface ExportOptions {
  /** Default `${cell}.`, e.g. 'lstm.'. */
  prefix?: string;
  /** Default 'fc.'. */
  headPrefix?: string;
}

const RECURRENT = /^((?:.*\.)?)(weight_ih|weight_hh|bias_ih|bias_hh|peephole)_l(\d+)$/;
const HEAD = /^((?:.*\.)?)(weight|bias)$/;
const BIDIRECTIONAL = /(?:^|\.)(?:weight|bias)_(?:ih|hh|hr)_l\d+_reverse$/;
const PROJECTION = /(?:^|\.)weight_hr_l\d+$/;

/** The name a tensor of ours has in a state_dict with these module prefixes. */
function externalName(spec: TensorSpec, naming: Naming): string {
  if (spec.layer >= 0) return naming.prefix + spec.name;
  if (naming.headPrefix === null) throw new Error(`tensor '${spec.name}' needs a head prefix`);
  return naming.headPrefix + (spec.kind === 'head_weight' ? 'weight' : 'bias');
}

/** The head's module prefix when the caller names none (the usual `self.fc = nn.Linear(...)`). */
export const DEFAULT_HEAD_PREFIX = 'fc.';

function defaultNaming(config: ModelConfig, opts: ExportOptions = {}): Naming {
  return { prefix: opts.prefix ?? `${config.cell}.`, headPrefix: config.outputSize === null ? null : (opts.headPrefix ?? DEFAULT_HEAD_PREFIX) };
}

const ENGINE_RECURRENT = /^(?:weight_ih|weight_hh|bias_ih|bias_hh|peephole)_l\d+$/;
const ENGINE_HEAD = /^head\.(weight|bias)$/;

/**
 * The default state_dict key of an engine tensor name (weight_ih_l0 → lstm.weight_ih_l0, head.weight →
 * fc.weight); a name that is not an engine name (already prefixed) is returned as it is.
 */
export function defaultStateDictName(cell: CellKind, engineName: string): string {
  if (ENGINE_RECURRENT.test(engineName)) return `${cell}.${engineName}`;
  const head = ENGINE_HEAD.exec(engineName);
  return head ? DEFAULT_HEAD_PREFIX + head[1] : engineName;
}

/** Slice a flat array in ParamStore layout (`data` or `grad`) into tensors named as in the state_dict. */
export function namedTensors(params: ParamStore, flat: Float64Array, naming: Naming): Record<string, Tensor> {
  if (flat.length !== params.size) throw new Error(`expected ${params.size} values in parameter layout, got ${flat.length}`);
  const out: Record<string, Tensor> = {};
  for (const spec of params.specs) {
    out[externalName(spec, naming)] = { shape: [...spec.shape], data: flat.slice(spec.offset, spec.offset + spec.size) };
  }
  return out;
}

function need(tensors: Record<string, Tensor>, name: string): Tensor {
  const t = tensors[name];
  if (!t) throw new InteropError('model.missingTensor', `missing tensor '${name}'`);
  return t;
}

function need2d(tensors: Record<string, Tensor>, name: string): [number, number] {
  const { shape } = need(tensors, name);
  if (shape.length !== 2) throw new InteropError('model.shape', `tensor '${name}' has shape ${formatShape(shape)}, expected 2 dimensions`);
  return [shape[0], shape[1]];
}

interface LocalName {
  /** Name without the module prefix, as in ParamStore. */
  name: string;
  layer: number;
}

/** Split keys into the one recurrent module (by prefix) and the rest, rejecting layouts we cannot run. */
function classify(names: string[]): { prefix: string; local: LocalName[]; others: string[] } {
  let prefix: string | null = null;
  let first = '';
  const local: LocalName[] = [];
  const others: string[] = [];
  for (const name of names) {
    if (BIDIRECTIONAL.test(name)) throw new InteropError('model.bidirectional', `tensor '${name}': bidirectional RNNs are not supported`);
    if (PROJECTION.test(name)) throw new InteropError('model.projection', `tensor '${name}': LSTM with proj_size is not supported`);
    const m = RECURRENT.exec(name);
    if (!m) {
      others.push(name);
      continue;
    }
    if (prefix === null) [prefix, first] = [m[1], name];
    else if (m[1] !== prefix) {
      throw new InteropError('model.twoModules', `tensor '${name}' belongs to a second recurrent module ('${m[1]}' vs '${prefix}' of '${first}'); only one is supported`);
    }
    local.push({ name: name.slice(prefix.length), layer: Number(m[3]) });
  }
  if (prefix === null) throw new InteropError('model.noRecurrent', 'no recurrent tensors found (expected names like lstm.weight_ih_l0, weight_hh_l0, ...)');
  return { prefix, local, others };
}

/**
 * The nn.Linear head's prefix among the non-recurrent tensors, or null. With several candidates, prefer one
 * whose weight reads the hidden state ([O, H]) so the error then names the stray module, not the head.
 */
function findHeadPrefix(tensors: Record<string, Tensor>, others: string[], H: number): string | null {
  const prefixes = [...new Set(others.flatMap((n) => HEAD.exec(n)?.[1] ?? []))];
  const readsHidden = (p: string): boolean => {
    const s = tensors[`${p}weight`]?.shape;
    return s !== undefined && s.length === 2 && s[1] === H;
  };
  return prefixes.find(readsHidden) ?? prefixes[0] ?? null;
}

/** The model config, with an impossible one (e.g. an input size beyond the engine's) refused as a bad file. */
function architecture(partial: Partial<ModelConfig>): ModelConfig {
  try {
    return makeModelConfig(partial);
  } catch (e) {
    throw new InteropError('model.architecture', `the model's tensors describe an architecture the engine cannot run: ${(e as Error).message}`);
  }
}

/** Infer the architecture from names and shapes, check every tensor, and load the values. */
export function importTensors(tensors: Record<string, Tensor>, opts: ImportOptions = {}): ImportedModel {
  const names = Object.keys(tensors);
  const { prefix, local, others } = classify(names);

  if (!local.some((n) => n.name.startsWith('bias_'))) {
    throw new InteropError('model.noBias', `no bias tensors (${prefix}bias_ih_l0, ...): models built with bias=False are not supported`);
  }
  const deepest = local.reduce((a, n) => (n.layer > a.layer ? n : a));
  const numLayers = deepest.layer + 1;
  if (numLayers > LIMITS.maxLayers) {
    throw new InteropError('model.tooManyLayers', `tensor '${prefix}${deepest.name}': at most ${LIMITS.maxLayers} layers are supported, this model has ${numLayers}`);
  }

  const hhName = `${prefix}weight_hh_l0`;
  const [rows, H] = need2d(tensors, hhName);
  if (H < 1 || H > LIMITS.maxHidden) {
    throw new InteropError('model.hiddenSize', `tensor '${hhName}' has shape ${formatShape([rows, H])}: hidden size must be 1 to ${LIMITS.maxHidden}, got ${H}`);
  }
  const cell = rows % H === 0 ? cellFromGateCount(rows / H) : null;
  if (cell === null) {
    throw new InteropError('model.gateRows', `tensor '${hhName}' has shape ${formatShape([rows, H])}: rows must be 1, 3 or 4 × ${H} (RNN, GRU, LSTM)`);
  }
  const peepholeName = local.find((n) => n.name.startsWith('peephole_'))?.name;
  if (peepholeName && cell !== 'lstm') throw new InteropError('model.peephole', `tensor '${prefix}${peepholeName}': peepholes exist only for LSTM cells`);

  const headPrefix = findHeadPrefix(tensors, others, H);
  const outputSize = headPrefix === null ? null : need2d(tensors, `${headPrefix}weight`)[0];

  const config = architecture({
    cell,
    inputSize: need2d(tensors, `${prefix}weight_ih_l0`)[1],
    hiddenSize: H,
    numLayers,
    outputSize,
    outputMode: opts.outputMode ?? 'last',
    nonlinearity: opts.nonlinearity ?? 'tanh',
    peephole: peepholeName !== undefined,
  });
  const params = new ParamStore(config);
  const naming = { prefix, headPrefix };

  const expected = new Set(params.specs.map((s) => externalName(s, naming)));
  const unknown = names.find((n) => !expected.has(n));
  if (unknown !== undefined) {
    throw new InteropError('model.unknownTensor',
      `unknown tensor '${unknown}' (expected ${prefix}{weight,bias}_{ih,hh}_l0..${numLayers - 1}` +
        (headPrefix === null ? '' : ` and one nn.Linear head ${headPrefix}{weight,bias}`) + ')',
    );
  }
  for (const spec of params.specs) {
    const name = externalName(spec, naming);
    const t = need(tensors, name);
    if (!shapeEquals(t.shape, spec.shape)) {
      throw new InteropError('model.shape', `tensor '${name}' has shape ${formatShape(t.shape)}, expected ${formatShape(spec.shape)}`);
    }
    assertFinite(t, `tensor '${name}'`);
    params.data.set(t.data, spec.offset);
  }
  return { config, params, prefix, headPrefix };
}

/** Import a state_dict given as nested number arrays (JSON of `v.tolist()` per tensor). */
export function importStateDict(json: Record<string, unknown>, opts: ImportOptions = {}): ImportedModel {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new InteropError('model.notObject', 'a state_dict must be a JSON object mapping tensor names to nested arrays');
  }
  // fromEntries defines own properties, so even a key named "__proto__" is seen (and rejected as unknown).
  const tensors = Object.fromEntries(Object.entries(json).map(([name, v]) => [name, fromNested(v, `tensor '${name}'`)]));
  return importTensors(tensors, opts);
}

/** The inverse of importStateDict: nested arrays like `tolist()`, named with PyTorch module prefixes. */
export function exportStateDict(config: ModelConfig, params: ParamStore, opts: ExportOptions = {}): Record<string, number[] | number[][]> {
  const tensors = exportTensors(config, params, opts);
  const out: Record<string, number[] | number[][]> = {};
  for (const [name, t] of Object.entries(tensors)) out[name] = toNested(t.data, t.shape) as number[] | number[][];
  return out;
}

/** The model's tensors under their state_dict names (shared by the JSON and safetensors exporters). */
export function exportTensors(config: ModelConfig, params: ParamStore, opts: ExportOptions = {}): Record<string, Tensor> {
  const specs = tensorSpecs(config);
  if (specs.length !== params.specs.length || specs.some((s, i) => s.name !== params.specs[i].name || s.size !== params.specs[i].size)) {
    throw new Error('the parameters do not match the model config');
  }
  return namedTensors(params, params.data, defaultNaming(config, opts));
}
