/**
 * What compare mode trains: one model per variant of the set, each the run config with the variant's patch
 * laid over it — an architecture ('rnn,lstm,gru') or one value of one setting ('fbias:0|1') — and nothing else
 * changed: same task, seed (so the same data order), optimiser and lab settings.
 */
import type { CellKind } from '../engine/config.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import type { ArchitectureSet, CompareSet, HyperPatch, RunConfig, VariableField } from './runConfig.ts';
import { parseField, readCompareSet } from './urlCodec.ts';

/** One racer of a compare set. */
export interface CompareVariant {
  /** Unique in its set and fit for a data-testid: the architecture ('lstm'), or '<url key>-<value>' ('fbias-0'). */
  id: string;
  /** What this racer changes in the run config. */
  patch: Partial<RunConfig>;
  /** The varied setting and its value as the URL writes it; null for an architecture. */
  setting: { field: VariableField; value: string } | null;
}

/**
 * Settings that exist in one architecture only: comparing them means comparing that architecture's runs
 * ("forget bias 0 vs 1" races two LSTMs whatever the single-run cell was).
 */
const CELL_OF_SETTING: Partial<Record<VariableField, CellKind>> = { nonlinearity: 'rnn', stateActivation: 'lstm', peephole: 'lstm', forgetBias: 'lstm' };

/** The racers of a compare set, in the set's order (none for 'off' or a set the URL codec would refuse). */
export function compareVariants(set: CompareSet): CompareVariant[] {
  const parts = readCompareSet(set)?.parts;
  if (!parts || parts.kind === 'off') return [];
  if (parts.kind === 'cells') return parts.cells.map((cell) => ({ id: cell, patch: { cell }, setting: null }));
  const { field, values } = parts;
  const cell = CELL_OF_SETTING[field];
  return values.map((value) => {
    const parsed = parseField(field, value);
    if (!parsed.ok) throw new Error(`compare set ${set}: ${value} does not parse`);
    return { id: `${set.slice(0, set.indexOf(':'))}-${value}`, patch: { ...(cell ? { cell } : {}), [field]: parsed.value }, setting: { field, value } };
  });
}

/** The architectures of a set's racers when `config` is the run's config (the base cell, for most settings). */
export function compareCells(config: RunConfig): CellKind[] {
  return compareVariants(config.compare).map((v) => modelConfig(config, v).cell);
}

/** Compare mode is on, and its racers are architectures (so the single-model architecture choice does nothing). */
export function comparesArchitectures(set: CompareSet): boolean {
  return compareVariants(set).some((v) => v.setting === null || v.patch.cell !== undefined);
}

/** The config one model of the race trains. */
export function modelConfig(config: RunConfig, variant: CompareVariant): RunConfig {
  return { ...config, ...variant.patch };
}

/**
 * Which trainers a race needs: the same key means the same racers (ids and architectures), so a change of
 * config keeps the session and only restarts or updates its runs.
 */
export function raceKey(config: RunConfig): string {
  return compareVariants(config.compare)
    .map((v) => `${v.id}/${modelConfig(config, v).cell}`)
    .join(',');
}

/** A live change for one racer: the setting its variant fixes stays as the variant says. */
export function hyperFor(patch: HyperPatch, variant: CompareVariant): HyperPatch {
  return Object.fromEntries(Object.entries(patch).filter(([k]) => !(k in variant.patch))) as HyperPatch;
}

/** One colour per architecture, the same in every chart and set (Okabe–Ito, safe for colour-blind viewers). */
const MODEL_COLOR: Record<CellKind, string> = {
  rnn: '#d55e00',
  lstm: '#0072b2',
  gru: '#009e73',
};

/** Colours of the values of one setting, in order (the rest of the Okabe–Ito palette). */
const SETTING_COLORS = ['#0072b2', '#e69f00', '#cc79a7'] as const;

/** A racer's colour: its architecture's, or its place among the setting's values. */
export function variantColor(variant: CompareVariant, cell: CellKind, index: number): string {
  return variant.setting ? SETTING_COLORS[index % SETTING_COLORS.length] : MODEL_COLOR[cell];
}

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The form's label of each setting a comparison may vary. */
const FIELD_LABEL: Record<VariableField, MessageKey> = {
  numLayers: 'cfg.field.numLayers',
  hiddenSize: 'cfg.field.hiddenSize',
  nonlinearity: 'cfg.field.nonlinearity',
  gateActivation: 'cfg.field.gateActivation',
  stateActivation: 'cfg.field.stateActivation',
  peephole: 'cfg.field.peephole',
  optimizer: 'cfg.field.optimizer',
  learningRate: 'cfg.field.learningRate',
  momentum: 'cfg.field.momentum',
  weightDecay: 'cfg.field.weightDecay',
  clip: 'cfg.field.clip',
  clipValue: 'cfg.field.clipValue',
  truncate: 'cfg.field.truncate',
  init: 'cfg.field.init',
  recurrentInit: 'cfg.field.recurrentInit',
  forgetBias: 'cfg.field.forgetBias',
  recurrentScale: 'lab.scale',
};

/** A setting's value in words: the form's name for a choice, "on"/"off", "as initialised" for none, else the number. */
function valueText(t: Translate, field: VariableField, value: string): string {
  switch (field) {
    case 'nonlinearity':
    case 'gateActivation':
    case 'stateActivation':
      return t(`cfg.fn.${value}` as MessageKey);
    case 'optimizer':
      return t(`cfg.opt.${value}` as MessageKey);
    case 'clip':
      return t(`cfg.clip.${value}` as MessageKey);
    case 'init':
      return t(`cfg.init.${value}` as MessageKey);
    case 'recurrentInit':
      return t(`cfg.rinit.${value}` as MessageKey);
    case 'peephole':
      return t(value === '1' ? 'variant.on' : 'variant.off');
    default:
      return value === 'none' ? t('variant.asInitialised') : value;
  }
}

/** A racer's name in legends and buttons: "LSTM", or "Forget-gate bias = 1". */
export function variantLabel(t: Translate, variant: CompareVariant): string {
  const s = variant.setting;
  if (!s) return t(`cfg.arch.${variant.patch.cell ?? 'lstm'}`);
  return t('variant.label', { field: t(FIELD_LABEL[s.field]), value: valueText(t, s.field, s.value) });
}

/** A set in words, for the compare menu: "RNN vs LSTM", or "Forget-gate bias: 0 vs 1". */
export function compareSetLabel(t: Translate, set: CompareSet): string {
  const parts = readCompareSet(set)?.parts;
  if (!parts || parts.kind === 'off') return t('compare.set.off');
  if (parts.kind === 'cells') return t(`compare.set.${parts.cells.join(',') as ArchitectureSet}`);
  const values = parts.values.map((v) => valueText(t, parts.field, v)).join(t('variant.versus'));
  return t('variant.setLabel', { field: t(FIELD_LABEL[parts.field]), values });
}
