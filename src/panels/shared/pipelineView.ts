/**
 * Display transforms for the data-pipeline panels (pure, unit-tested): which panels a task shows, the windows
 * a student can step through, a window's numbers before and after scaling, values in either unit, a path
 * thinned to the pixels it covers, and the labels of columns and classes in the UI language.
 */
import type { Lang } from '../../i18n/i18n.ts';
import type { TaskId } from '../../tasks/taskSpec.ts';
import type { ClassificationMeta } from '../../tasks/classification.ts';
import { DATASETS } from '../../tasks/data/datasets.ts';
import { targetRow } from '../../tasks/data/windowing.ts';
import type { ForecastMeta } from '../../tasks/forecast.ts';
import { dataKindOf } from '../../tasks/registry.ts';
import type { ForecastCurve } from '../../tasks/forecast.ts';

export type DataPanelKind = 'forecast' | 'classification' | 'text';

/** What a task's data panels show; null for generated tasks. */
export function dataPanelKind(task: TaskId): DataPanelKind | null {
  const kind = dataKindOf(task);
  return kind === 'series' ? 'forecast' : kind;
}

export type WindowPart = 'train' | 'validation' | 'test';

/** Every window of the split in row order, with the part its target falls in. */
export interface WindowList {
  starts: Int32Array;
  parts: WindowPart[];
}

export function windowList(meta: Pick<ForecastMeta, 'windows'>): WindowList {
  const { train, validation, test } = meta.windows;
  const starts = new Int32Array(train.length + validation.length + test.length);
  starts.set(train, 0);
  starts.set(validation, train.length);
  starts.set(test, train.length + validation.length);
  const parts: WindowPart[] = [
    ...Array<WindowPart>(train.length).fill('train'),
    ...Array<WindowPart>(validation.length).fill('validation'),
    ...Array<WindowPart>(test.length).fill('test'),
  ];
  return { starts, parts };
}

/** Index of the window starting at `start` (the probe), or the nearest one. */
export function windowIndexOf(list: WindowList, start: number): number {
  let best = 0;
  for (let k = 1; k < list.starts.length; k++) if (Math.abs(list.starts[k] - start) < Math.abs(list.starts[best] - start)) best = k;
  return best;
}

/** The window whose target row is nearest to `row` (a click on the chart). */
export function windowForTargetRow(list: WindowList, meta: Pick<ForecastMeta, 'spec'>, row: number): number {
  let best = 0;
  let bestGap = Infinity;
  for (let k = 0; k < list.starts.length; k++) {
    const gap = Math.abs(targetRow(meta.spec, list.starts[k]) - row);
    if (gap < bestGap) {
      best = k;
      bestGap = gap;
    }
  }
  return best;
}

/** A window's target-column values before and after scaling, its target, and the model's forecast of it if it was judged. */
export interface WindowDetail {
  start: number;
  end: number;
  targetRow: number;
  raw: number[];
  scaled: number[];
  target: number;
  targetScaled: number;
  /** One-step forecast in original units, when the window is in the test part. */
  predicted: number | null;
}

export function windowDetail(meta: ForecastMeta, start: number, oneStep: ForecastCurve | null): WindowDetail {
  const c = meta.target;
  const end = start + meta.spec.window;
  const tr = targetRow(meta.spec, start);
  const k = oneStep ? oneStep.rows.indexOf(tr) : -1;
  return {
    start,
    end,
    targetRow: tr,
    raw: Array.from(meta.raw[c].subarray(start, end)),
    scaled: Array.from(meta.scaled[c].subarray(start, end)),
    target: meta.raw[c][tr],
    targetScaled: meta.targetScaled[tr],
    predicted: oneStep && k >= 0 ? oneStep.predicted[k] : null,
  };
}

/** A value of the target column in the chosen units (the scaler's own transform: display only). */
export function inUnits(meta: Pick<ForecastMeta, 'scaler' | 'target'>, scaled: boolean, v: number): number {
  return scaled ? (v - meta.scaler.offset[meta.target]) / meta.scaler.scale[meta.target] : v;
}

/** How a column is described in the UI: a bundled dataset's description, else the column's own name. */
export function columnLabel(source: string, column: string, lang: Lang): string {
  const info = DATASETS.find((d) => d.id === source);
  return info?.columns.find((c) => c.name === column)?.description[lang] ?? column;
}

/** A dataset's title in the UI language; the user's file is named by the caller. */
export function datasetTitle(source: string, lang: Lang): string | null {
  return DATASETS.find((d) => d.id === source)?.title[lang] ?? null;
}

/** Class names in the UI language (a bundled dataset's translations, else the names the task has). */
export function classLabels(meta: Pick<ClassificationMeta, 'source' | 'classes'>, lang: Lang): readonly string[] {
  const info = DATASETS.find((d) => d.id === meta.source);
  return info?.classes?.[lang] ?? meta.classes;
}

/** RMSE of the model relative to the naive baseline: −0.3 = 30% lower (better). */
export function relativeToNaive(model: number, naive: number): number {
  return naive > 0 ? model / naive - 1 : NaN;
}

/** Each row of a confusion matrix as shares of its true class (0 for an empty row). */
export function rowShares(confusion: readonly (readonly number[])[]): number[][] {
  return confusion.map((row) => {
    const sum = row.reduce((a, b) => a + b, 0);
    return row.map((c) => (sum > 0 ? c / sum : 0));
  });
}
