import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/appStore.ts';
import { float32Text, toCsv } from './csv.ts';
import { exportFileName } from './download.ts';
import { lossRows } from './panelCsv.ts';

describe('CSV export', () => {
  it('writes the shortest decimal that reads back as the same float32', () => {
    for (const v of [0.73, -0.079, 1e-21, 123456.789, 1 / 3]) {
      const f = Math.fround(v);
      const text = float32Text(f);
      expect(Math.fround(Number(text))).toBe(f);
      expect(String(text).length).toBeLessThanOrEqual(String(f).length);
    }
    expect(float32Text(Math.fround(0.73))).toBe(0.73);
  });

  it('quotes cells with commas, quotes and line breaks', () => {
    expect(toCsv([['a,b', 'say "hi"', 1, null]])).toBe('"a,b","say ""hi""",1,\r\n');
  });

  it('writes the loss history in TensorBoard columns with the history stride', () => {
    const state = createAppStore({ loss: { train: [0.5, 0.25], time: [1000, 3000], stride: 2, validation: [] } }).getState();
    expect(lossRows(state, 10_000)).toEqual([
      ['Wall time', 'Step', 'Value'],
      [8, 2, 0.5],
      [10, 4, 0.25],
    ]);
  });

  it('names files by task, architecture, step and panel', () => {
    expect(exportFileName({ task: 'sine', arch: 'rnn-lstm-gru', step: 120, panel: 'gradient-decay' }, 'png')).toBe('lstm-lens_sine_rnn-lstm-gru_step120_gradient-decay.png');
  });
});
