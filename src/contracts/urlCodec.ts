/**
 * The run configuration in the URL: one typed table of RunConfig fields (TensorFlow Playground's State.PROPS,
 * without `any` and side effects) with pure parse/serialize. Keys are short and stable — links in course notes
 * must keep working — and defaults are left out, so a link only says what differs from the first-load demo.
 * The same table validates the configuration form, so the URL and the inputs accept exactly the same values.
 */
import type { CellKind, GateActivation, OutputMode, RnnNonlinearity, StateActivation } from '../engine/config.ts';
import type { InitScheme } from '../engine/init.ts';
import type { OptimizerKind } from '../engine/optim.ts';
import type { Lang } from '../i18n/i18n.ts';
import type { SeriesTransform } from '../tasks/data/seriesTransform.ts';
import { DEFAULT_RUN_CONFIG, VARIABLE_FIELDS, type ArchitectureSet, type ClipMode, type CompareSet, type RunConfig, type VariableField } from './runConfig.ts';
import { type ScalerKind } from '../tasks/data/scaler.ts';
import { TASK_IDS } from '../tasks/registry.ts';
import {
  boolSpec,
  choiceSpec,
  numberSpec,
  optionalNumberSpec,
  textSpec,
  type BaseSpec,
  type ChoiceSpec,
  type Parsed,
  type SpecFor,
  type UrlWarning,
} from './urlValues.ts';
import { DEFAULT_VIEW_PARAMS, parseViewParam, type ViewParams } from './viewParams.ts';

export type PropTable = { [K in keyof RunConfig]: SpecFor<RunConfig[K]> };

/** One setting of a one-setting comparison and its values, as the URL writes them ('fbias', ['0', '1']). */
export interface SettingSet {
  field: VariableField;
  values: readonly string[];
}

/** What a canonical compare set races: nothing, architectures, or values of one setting. */
export type CompareSetParts = { kind: 'off' } | { kind: 'cells'; cells: CellKind[] } | ({ kind: 'setting' } & SettingSet);

/** A compare set races two or three runs: more would not fit side by side (nor in the cores). */
const MAX_RACERS = 3;

/**
 * Reads a compare set: "off"; two or three distinct architectures ("lstm,rnn", stored in the order rnn, lstm,
 * gru); or "<url key>:<value>|<value>[|<value>]" for distinct values of one setting a comparison may vary, each
 * value as its own URL parameter accepts it ("fbias:0|1", "lr:0.01|0.1"). Null when it is none of these.
 */
export function readCompareSet(raw: string): { set: CompareSet; parts: CompareSetParts } | null {
  const s = raw.trim();
  if (s === 'off') return { set: 'off', parts: { kind: 'off' } };
  const colon = s.indexOf(':');
  if (colon < 0) {
    const names = s.split(',').map((c) => c.trim());
    const cells = CELLS.filter((c) => names.includes(c));
    if (cells.length < 2 || cells.length !== names.length) return null;
    return { set: cells.join(',') as ArchitectureSet, parts: { kind: 'cells', cells } };
  }
  const field = VARIABLE_FIELDS.find((f) => PROPS[f].key === s.slice(0, colon).trim());
  if (!field) return null;
  const values: string[] = [];
  for (const raw of s.slice(colon + 1).split('|')) {
    const r = parseField(field, raw);
    if (!r.ok) return null;
    const text = serializeField(field, r.value);
    if (values.includes(text)) return null;
    values.push(text);
  }
  if (values.length < 2 || values.length > MAX_RACERS) return null;
  return { set: `${PROPS[field].key}:${values.join('|')}`, parts: { kind: 'setting', field, values } };
}

function compareSetSpec(key: string): ChoiceSpec<CompareSet> {
  return {
    type: 'choice',
    key,
    choices: COMPARE_SETS,
    parse(raw) {
      const hit = readCompareSet(raw);
      return hit ? { ok: true, value: hit.set } : { ok: false, problem: { kind: 'choice', choices: COMPARE_SETS } };
    },
    serialize: (v) => v,
  };
}

const ARCHITECTURE_SETS: readonly ArchitectureSet[] = ['rnn,lstm', 'rnn,gru', 'lstm,gru', 'rnn,lstm,gru'];
/** The compare menu: off, the architecture races, and one-setting comparisons worth a click (any other is a URL away). */
export const COMPARE_SETS: readonly CompareSet[] = ['off', ...ARCHITECTURE_SETS, 'fbias:0|1', 'clip:none|norm', 'act:tanh|sigmoid', 'lr:0.01|0.1'];
export const SCALERS: readonly ScalerKind[] = ['minmax', 'zscore'];
export const TRANSFORMS: readonly SeriesTransform[] = ['level', 'diff', 'logReturn'];
export const CELLS: readonly CellKind[] = ['rnn', 'lstm', 'gru'];
export const OPTIMIZERS: readonly OptimizerKind[] = ['adam', 'sgd', 'rmsprop'];
export const CLIP_MODES: readonly ClipMode[] = ['none', 'norm', 'value'];
export const INIT_SCHEMES: readonly InitScheme[] = ['pytorch', 'glorotUniform', 'glorotNormal', 'he'];
export const RECURRENT_INITS: readonly RunConfig['recurrentInit'][] = ['same', 'orthogonal'];
export const NONLINEARITIES: readonly RnnNonlinearity[] = ['tanh', 'relu', 'sigmoid'];
export const GATE_ACTIVATIONS: readonly GateActivation[] = ['sigmoid', 'hardSigmoid'];
export const STATE_ACTIVATIONS: readonly StateActivation[] = ['tanh', 'softsign'];
export const OUTPUT_MODES: readonly OutputMode[] = ['sequence', 'last'];

/** Every RunConfig field, its URL key and what it accepts. */
export const PROPS: PropTable = {
  task: choiceSpec('task', TASK_IDS),
  seqLen: numberSpec('seq', 2, 200, { integer: true }),
  cell: choiceSpec('cell', CELLS),
  numLayers: numberSpec('layers', 1, 4, { integer: true }),
  hiddenSize: numberSpec('hidden', 1, 128, { integer: true }),
  nonlinearity: choiceSpec('act', NONLINEARITIES),
  gateActivation: choiceSpec('gate', GATE_ACTIVATIONS),
  stateActivation: choiceSpec('state', STATE_ACTIVATIONS),
  peephole: boolSpec('peep'),
  outputMode: choiceSpec('out', OUTPUT_MODES),
  optimizer: choiceSpec('opt', OPTIMIZERS),
  learningRate: numberSpec('lr', 0, 1e6, { minExclusive: true }),
  momentum: numberSpec('mom', 0, 0.999),
  weightDecay: numberSpec('wd', 0, 1),
  batchSize: numberSpec('batch', 1, 256, { integer: true }),
  clip: choiceSpec('clip', CLIP_MODES),
  clipValue: numberSpec('clipv', 0, 1e6, { minExclusive: true }),
  truncate: numberSpec('tbptt', 0, 200, { integer: true }),
  init: choiceSpec('init', INIT_SCHEMES),
  recurrentInit: choiceSpec('rinit', RECURRENT_INITS),
  forgetBias: optionalNumberSpec(numberSpec('fbias', -20, 20)),
  recurrentScale: optionalNumberSpec(numberSpec('rscale', 0, 10, { minExclusive: true })),
  seed: numberSpec('seed', 0, 2 ** 32 - 1, { integer: true }),
  compare: compareSetSpec('cmp'),
  target: textSpec('target'),
  features: textSpec('feat'),
  horizon: numberSpec('hz', 1, 50, { integer: true }),
  stride: numberSpec('stride', 1, 50, { integer: true }),
  scaler: choiceSpec('scaler', SCALERS),
  fitOnAll: boolSpec('leak'),
  trainFraction: numberSpec('split', 0.1, 0.95),
  transform: choiceSpec('pred', TRANSFORMS),
  maxSymbols: numberSpec('vocab', 10, 3000, { integer: true }),
  temperature: numberSpec('temp', 0.05, 5),
};

const LANG_KEY = 'lang';
/** The lesson link (`?lesson=<id>&lstep=<n>`) shares the query string; the lesson player owns it, the run ignores it. */
export const LESSON_KEY = 'lesson';
export const LESSON_STEP_KEY = 'lstep';
const PAGE_KEYS: readonly string[] = [LESSON_KEY, LESSON_STEP_KEY];

/** Just the lesson link of a query string ('' without one), so rewriting the run's part of the URL keeps it. */
export function lessonParams(search: string): string {
  const from = new URLSearchParams(search);
  const out = new URLSearchParams();
  for (const k of PAGE_KEYS) {
    const v = from.get(k);
    if (v !== null) out.set(k, v);
  }
  return out.toString();
}
const LANGS: readonly Lang[] = ['en', 'zh'];

const FIELDS = Object.keys(PROPS) as (keyof RunConfig)[];

export interface ParsedUrl {
  config: RunConfig;
  /** null = the URL does not choose a language. */
  lang: Lang | null;
  /** How the page is shown (presenter, teacher and embed parameters); not part of the run. */
  view: ViewParams;
  warnings: UrlWarning[];
}

/** One field from its raw text (the config form uses this too). */
export function parseField<K extends keyof RunConfig>(field: K, raw: string): Parsed<RunConfig[K]> {
  // The mapped table guarantees PROPS[field] parses RunConfig[field]; TS cannot see through the conditional type.
  const spec = PROPS[field] as unknown as BaseSpec<RunConfig[K]>;
  return spec.parse(raw);
}

function serializeField<K extends keyof RunConfig>(field: K, value: RunConfig[K]): string {
  const spec = PROPS[field] as unknown as BaseSpec<RunConfig[K]>;
  return spec.serialize(value);
}

/** Settings that cannot go together, fixed the way the form would fix them. */
export function reconcile(config: RunConfig): { config: RunConfig; dropped: (keyof RunConfig)[] } {
  if (config.peephole && config.cell !== 'lstm') return { config: { ...config, peephole: false }, dropped: ['peephole'] };
  return { config, dropped: [] };
}

/** A query string (with or without "?") → config, language and what was ignored. Never throws. */
export function parseUrl(search: string): ParsedUrl {
  const params = new URLSearchParams(search);
  const byKey = new Map(FIELDS.map((f) => [PROPS[f].key, f] as const));
  const draft: RunConfig = { ...DEFAULT_RUN_CONFIG };
  const warnings: UrlWarning[] = [];
  let lang: Lang | null = null;
  // A fresh hide list: parseViewParam pushes into it.
  const view: ViewParams = { ...DEFAULT_VIEW_PARAMS, hide: [] };
  for (const [key, value] of params) {
    if (parseViewParam(view, key, value, warnings)) continue;
    if (key === LANG_KEY) {
      const hit = LANGS.find((l) => l === value);
      if (hit) lang = hit;
      else warnings.push({ kind: 'invalid', key, value, problem: { kind: 'choice', choices: LANGS } });
      continue;
    }
    if (PAGE_KEYS.includes(key)) continue;
    const field = byKey.get(key);
    if (!field) {
      warnings.push({ kind: 'unknown', key, value });
      continue;
    }
    assignParsed(draft, field, value, warnings);
  }
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    if (all.length > 1) warnings.push({ kind: 'repeated', key, value: all[all.length - 1], count: all.length });
  }
  const { config, dropped } = reconcile(draft);
  for (const f of dropped) warnings.push({ kind: 'conflict', key: PROPS[f].key, value: params.get(PROPS[f].key) ?? '' });
  return { config, lang, view, warnings };
}

function assignParsed<K extends keyof RunConfig>(draft: RunConfig, field: K, raw: string, warnings: UrlWarning[]): void {
  const r = parseField(field, raw);
  if (r.ok) draft[field] = r.value;
  else warnings.push({ kind: 'invalid', key: PROPS[field].key, value: raw, problem: r.problem });
}

/**
 * Config and language → query string without "?" (empty for the defaults). The language is written only
 * when it differs from `defaultLang` (what the reader's browser would pick anyway).
 */
export function serializeUrl(config: RunConfig, lang: Lang, defaultLang: Lang): string {
  const params = new URLSearchParams();
  for (const f of FIELDS) {
    const text = serializeField(f, config[f]);
    if (text !== serializeField(f, DEFAULT_RUN_CONFIG[f])) params.set(PROPS[f].key, text);
  }
  if (lang !== defaultLang) params.set(LANG_KEY, lang);
  return params.toString();
}
