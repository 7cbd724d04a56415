import { describe, expect, it } from 'vitest';
import { picked, csvData } from '../../testing/dataFixtures.ts';
import { buildDataTask } from '../../tasks/dataTasks.ts';
import type { ForecastMeta } from '../../tasks/forecast.ts';
import {
  classLabels, columnLabel, dataPanelKind, inUnits, relativeToNaive, rowShares, windowDetail, windowForTargetRow, windowIndexOf,
  windowList,
} from './pipelineView.ts';

const SERIES = `t,y\n${Array.from({ length: 30 }, (_, k) => `${k},${10 + k}`).join('\n')}\n`;
const meta = buildDataTask('csv', { ...picked('csv'), seqLen: 4 }, csvData(SERIES, 't')).meta as ForecastMeta;

describe('pipeline view helpers', () => {
  it('shows the pipeline for forecasts, the confusion matrix for classification, nothing for generated tasks', () => {
    expect(['airline', 'euStocks', 'co2', 'csv'].map((t) => dataPanelKind(t as never))).toEqual(['forecast', 'forecast', 'forecast', 'forecast']);
    expect(dataPanelKind('occupancy')).toBe('classification');
    expect(dataPanelKind('tangHans')).toBe('text');
    expect(dataPanelKind('sine')).toBeNull();
  });

  it('lists every window in row order with its part, and finds the probe and the window of a clicked row', () => {
    const list = windowList(meta);
    expect(list.starts).toHaveLength(meta.windows.train.length + meta.windows.test.length);
    expect([...list.starts]).toEqual([...list.starts].sort((a, b) => a - b));
    expect(list.parts[0]).toBe('train');
    expect(list.parts.at(-1)).toBe('test');
    const probe = windowIndexOf(list, meta.probe.start);
    expect(list.starts[probe]).toBe(meta.probe.start);
    expect(list.parts[probe]).toBe('test');
    // The window whose target is row 10 starts at row 6 (window 4, horizon 1).
    expect(list.starts[windowForTargetRow(list, meta, 10)]).toBe(6);
  });

  it('gives a window’s values before and after scaling, its target and the forecast of it', () => {
    const oneStep = { rows: Int32Array.from([25]), predicted: Float64Array.from([99]), actual: Float64Array.from([35]), metrics: meta.baseline };
    const d = windowDetail(meta, 21, oneStep);
    expect(d).toMatchObject({ start: 21, end: 25, targetRow: 25, raw: [31, 32, 33, 34], target: 35, predicted: 99 });
    // Min-max fitted on the 21 training rows: 10 … 30.
    expect(d.scaled.map((v) => +v.toFixed(6))).toEqual([1.05, 1.1, 1.15, 1.2]);
    expect(windowDetail(meta, 0, oneStep).predicted).toBeNull();
    expect(inUnits(meta, true, 20)).toBeCloseTo(0.5, 12);
    expect(inUnits(meta, false, 20)).toBe(20);
  });

  it('words columns and classes in the UI language', () => {
    expect(columnLabel('airline', 'passengers_thousands', 'en')).toMatch(/passengers, thousands/);
    expect(columnLabel('csv', 'y', 'zh')).toBe('y');
    expect(classLabels({ source: 'occupancy', classes: ['empty', 'occupied'] }, 'zh')).toEqual(['无人', '有人']);
    expect(classLabels({ source: 'csv', classes: ['0', '1'] }, 'zh')).toEqual(['0', '1']);
  });

  it('compares with the naive baseline and normalises confusion rows', () => {
    expect(relativeToNaive(8, 10)).toBeCloseTo(-0.2, 12);
    expect(relativeToNaive(1, 0)).toBeNaN();
    expect(rowShares([[3, 1], [0, 0]])).toEqual([[0.75, 0.25], [0, 0]]);
  });
});
