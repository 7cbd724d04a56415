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

/** Why a raw value was refused; the UI words it (controls/problemText.ts). */
export type Problem =
  | { kind: 'empty' }
  | { kind: 'notNumber' }
  | { kind: 'notInteger' }
  | { kind: 'range'; min: number; max: number; minExclusive: boolean }
  | { kind: 'choice'; choices: readonly string[] };

export type Parsed<V> = { ok: true; value: V } | { ok: false; problem: Problem };

interface BaseSpec<V> {
  /** The URL parameter name. Never rename one: old links would silently fall back to defaults. */
  key: string;
  parse(raw: string): Parsed<V>;
  serialize(value: V): string;
}

export interface NumberSpec extends BaseSpec<number> {
  type: 'number';
  min: number;
  max: number;
  /** min itself is not allowed (a learning rate of 0 learns nothing). */
  minExclusive: boolean;
  integer: boolean;
}

export interface ChoiceSpec<V extends string> extends BaseSpec<V> {
  type: 'choice';
  choices: readonly V[];
}

export interface BoolSpec extends BaseSpec<boolean> {
  type: 'bool';
}

/** Free text (column names), length-limited. */
export interface TextSpec extends BaseSpec<string> {
  type: 'text';
  maxLength: number;
}

/** A number that may be switched off (null), written as "none". */
export interface OptionalNumberSpec extends BaseSpec<number | null> {
  type: 'optionalNumber';
  number: NumberSpec;
}

type SpecFor<V> = [V] extends [boolean]
  ? BoolSpec
  : [V] extends [number]
    ? NumberSpec
    : [V] extends [number | null]
      ? OptionalNumberSpec
      : [V] extends [string]
        ? string extends V
          ? TextSpec
          : ChoiceSpec<V>
        : never;

export type PropTable = { [K in keyof RunConfig]: SpecFor<RunConfig[K]> };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function numberSpec(key: string, min: number, max: number, opts: { integer?: boolean; minExclusive?: boolean } = {}): NumberSpec {
  const integer = opts.integer ?? false;
  const minExclusive = opts.minExclusive ?? false;
  return {
    type: 'number',
    key,
    min,
    max,
    integer,
    minExclusive,
    parse(raw) {
      const s = raw.trim();
      if (s === '') return { ok: false, problem: { kind: 'empty' } };
      // Number() alone would accept "0x10", "Infinity" and (for "") 0.
      if (!DECIMAL.test(s)) return { ok: false, problem: { kind: 'notNumber' } };
      const v = Number(s);
      if (!Number.isFinite(v)) return { ok: false, problem: { kind: 'notNumber' } };
      if (integer && !Number.isInteger(v)) return { ok: false, problem: { kind: 'notInteger' } };
      if (v > max || v < min || (minExclusive && v === min)) return { ok: false, problem: { kind: 'range', min, max, minExclusive } };
      // −0 would serialise as "0" and break the bit-for-bit round trip.
      return { ok: true, value: v === 0 ? 0 : v };
    },
    // String(x) is the shortest text that reads back as exactly x.
    serialize: (v) => String(v),
  };
}

function choiceSpec<V extends string>(key: string, choices: readonly V[]): ChoiceSpec<V> {
  return {
    type: 'choice',
    key,
    choices,
    parse(raw) {
      const hit = choices.find((c) => c === raw.trim());
      return hit === undefined ? { ok: false, problem: { kind: 'choice', choices } } : { ok: true, value: hit };
    },
    serialize: (v) => v,
  };
}

function boolSpec(key: string): BoolSpec {
  return {
    type: 'bool',
    key,
    parse(raw) {
      const s = raw.trim().toLowerCase();
      if (s === '1' || s === 'true') return { ok: true, value: true };
      if (s === '0' || s === 'false') return { ok: true, value: false };
      return { ok: false, problem: { kind: 'choice', choices: ['0', '1'] } };
    },
    serialize: (v) => (v ? '1' : '0'),
  };
}

function textSpec(key: string, maxLength = 200): TextSpec {
  return {
    type: 'text',
    key,
    maxLength,
    parse(raw) {
      const s = raw.trim();
      return s.length > maxLength ? { ok: false, problem: { kind: 'range', min: 0, max: maxLength, minExclusive: false } } : { ok: true, value: s };
    },
    serialize: (v) => v,
  };
}

function optionalNumberSpec(number: NumberSpec): OptionalNumberSpec {
  return {
    type: 'optionalNumber',
    key: number.key,
    number,
    parse: (raw) => (raw.trim().toLowerCase() === 'none' ? { ok: true, value: null } : number.parse(raw)),
    serialize: (v) => (v === null ? 'none' : number.serialize(v)),
  };
}

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

export const ARCHITECTURE_SETS: readonly ArchitectureSet[] = ['rnn,lstm', 'rnn,gru', 'lstm,gru', 'rnn,lstm,gru'];
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

export const LANG_KEY = 'lang';
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

export type UrlWarning =
  | { kind: 'invalid'; key: string; value: string; problem: Problem }
  | { kind: 'unknown'; key: string; value: string }
  /** A value that is fine alone but not with the rest (peepholes on a GRU). */
  | { kind: 'conflict'; key: string; value: string }
  /** A key given `count` times: `value` is the last, the one used. */
  | { kind: 'repeated'; key: string; value: string; count: number };

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

/*
 * View parameters: how the page is shown, not what runs — presenter mode, the teacher's hidden controls and
 * locked configuration, one embedded panel, and the lesson to open at. A class link carries them next to the
 * run's own keys; defaults are left out the same way.
 */

/** The panels a link may hide or embed, by data-testid. */
export const PANEL_IDS = [
  'panel-cell', 'panel-loss', 'panel-predictions', 'panel-gates', 'panel-state', 'panel-summary',
  'panel-gradient-decay', 'panel-gradcheck', 'panel-compare', 'panel-pipeline', 'panel-metrics', 'panel-confusion',
  'panel-text',
] as const;

/** The controls a link may hide, by data-testid (Playground's hidable controls). */
export const CONTROL_IDS = [
  'config-panel', 'preset-bar', 'speed-select', 'btn-reset', 'history-slider', 'input-task', 'input-seq-len',
  'input-cell', 'input-compare', 'input-num-layers', 'input-hidden-size', 'input-optimizer', 'input-learning-rate',
  'input-momentum', 'input-batch-size', 'input-weight-decay', 'input-clip', 'input-clip-value', 'input-truncate',
  'input-seed',
] as const;

export type PanelId = (typeof PANEL_IDS)[number];
export type HideableId = PanelId | (typeof CONTROL_IDS)[number];
export const HIDEABLE_IDS: readonly HideableId[] = [...PANEL_IDS, ...CONTROL_IDS];

export interface ViewParams {
  present: boolean;
  hide: HideableId[];
  lock: boolean;
  embed: PanelId | null;
  /** Lesson id and 1-based step to open at; the lessons decide what the id means. */
  lesson: string | null;
  lessonStep: number | null;
}

export const DEFAULT_VIEW_PARAMS: ViewParams = { present: false, hide: [], lock: false, embed: null, lesson: null, lessonStep: null };

const VIEW_SPECS = {
  present: boolSpec('present'),
  lock: boolSpec('lock'),
  embed: choiceSpec<PanelId>('embed', PANEL_IDS),
  hideItem: choiceSpec<HideableId>('hide', HIDEABLE_IDS),
  lesson: textSpec('lesson', 64),
  lessonStep: numberSpec('lstep', 1, 999, { integer: true }),
};

/** Reads one view parameter into `view`; false when `key` is not one. Bad values warn and keep the default. */
function parseViewParam(view: ViewParams, key: string, raw: string, warnings: UrlWarning[]): boolean {
  const take = <V>(spec: BaseSpec<V>, put: (v: V) => void): true => {
    const r = spec.parse(raw);
    if (r.ok) put(r.value);
    else warnings.push({ kind: 'invalid', key, value: raw, problem: r.problem });
    return true;
  };
  switch (key) {
    case 'present':
      return take(VIEW_SPECS.present, (v) => (view.present = v));
    case 'lock':
      return take(VIEW_SPECS.lock, (v) => (view.lock = v));
    case 'embed':
      return take(VIEW_SPECS.embed, (v) => (view.embed = v));
    case 'lesson':
      return take(VIEW_SPECS.lesson, (v) => (view.lesson = v === '' ? null : v));
    case 'lstep':
      return take(VIEW_SPECS.lessonStep, (v) => (view.lessonStep = v));
    case 'hide':
      // Each id on its own: one misspelt id must not unhide the others.
      for (const id of raw.split(',').filter((s) => s.trim() !== '')) {
        const r = VIEW_SPECS.hideItem.parse(id);
        if (r.ok) {
          if (!view.hide.includes(r.value)) view.hide.push(r.value);
        } else warnings.push({ kind: 'invalid', key, value: id, problem: r.problem });
      }
      return true;
    default:
      return false;
  }
}

/** View parameters → query-string pairs (without the defaults), to append to serializeUrl's. */
export function serializeView(view: ViewParams): string {
  const params = new URLSearchParams();
  if (view.present) params.set('present', '1');
  if (view.hide.length) params.set('hide', view.hide.join(','));
  if (view.lock) params.set('lock', '1');
  if (view.embed) params.set('embed', view.embed);
  if (view.lesson) params.set('lesson', view.lesson);
  if (view.lessonStep !== null) params.set('lstep', String(view.lessonStep));
  // Commas are safe in a query and far easier to read in a link a teacher edits by hand.
  return params.toString().replace(/%2C/g, ',');
}
