/**
 * View parameters: how the page is shown, not what runs — presenter mode, the teacher's hidden controls and
 * locked configuration, one embedded panel, and the lesson to open at. A class link carries them next to the
 * run's own keys; defaults are left out the same way.
 */
import { boolSpec, choiceSpec, numberSpec, textSpec, type BaseSpec, type UrlWarning } from './urlValues.ts';

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
const HIDEABLE_IDS: readonly HideableId[] = [...PANEL_IDS, ...CONTROL_IDS];

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
export function parseViewParam(view: ViewParams, key: string, raw: string, warnings: UrlWarning[]): boolean {
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
