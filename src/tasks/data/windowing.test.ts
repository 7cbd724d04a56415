import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/rng.ts';
import { chronologicalSplit } from './split.ts';
import { minRowsForSplit, sampleStarts, splitWindows, targetRow, windowBatch, windowStarts, type WindowSpec } from './windowing.ts';

const spec = (window: number, horizon = 1, stride = 1): WindowSpec => ({ window, horizon, stride });
const ramp = (n: number, scale = 1) => Float64Array.from({ length: n }, (_, i) => i * scale);

describe('windowStarts', () => {
  it('covers every window whose target is in range (len − W windows for W = 10, h = 1)', () => {
    const s = windowStarts(spec(10), 0, 100);
    expect(s.length).toBe(90);
    expect(s[0]).toBe(0);
    expect(targetRow(spec(10), s[89])).toBe(99);
  });

  it('selects windows by where their target falls', () => {
    expect([...windowStarts(spec(3), 5, 8)]).toEqual([2, 3, 4]); // target row = start + 3: 5, 6, 7
    expect([...windowStarts(spec(3, 2), 5, 8)]).toEqual([1, 2, 3]); // horizon 2: start + 4
    expect([...windowStarts(spec(3, 0), 0, 4)]).toEqual([0, 1]); // horizon 0: label of the last row
  });

  it('anchors a stride at the newest window', () => {
    expect([...windowStarts(spec(2), 0, 10, 3)]).toEqual([1, 4, 7]);
  });

  it('is empty when the range cannot hold a window', () => {
    expect(windowStarts(spec(10), 0, 10).length).toBe(0);
  });
});

describe('windowBatch', () => {
  it('is time-major x [W, B, I] with the target h rows after the window', () => {
    const data = { inputs: [ramp(20), ramp(20, 10)], target: ramp(20, 100) };
    const b = windowBatch(data, spec(3, 2), [0, 5]);
    expect([b.T, b.B]).toEqual([3, 2]);
    // x[(t·B + b)·I + i]
    expect([...b.x]).toEqual([0, 0, 5, 50, 1, 10, 6, 60, 2, 20, 7, 70]);
    expect([...b.target]).toEqual([400, 900]);
  });

  it('refuses a window that runs past the series', () => {
    const data = { inputs: [ramp(5)], target: ramp(5) };
    expect(() => windowBatch(data, spec(3), [2])).toThrow(/needs rows 2…5/);
  });
});

describe('chronologicalSplit and splitWindows', () => {
  it('defaults to 70/30 and never mixes the parts', () => {
    const split = chronologicalSplit(100);
    expect(split).toEqual({ rows: 100, trainEnd: 70, testStart: 70 });
    const w = splitWindows(spec(10), split);
    expect(w.train.length).toBe(60); // targets 10…69
    expect(w.validation.length).toBe(0);
    expect(w.test.length).toBe(30); // targets 70…99
    expect(Math.max(...[...w.train].map((s) => targetRow(spec(10), s)))).toBe(69);
    expect(targetRow(spec(10), w.test[0])).toBe(70);
  });

  it('takes a validation tail from the training part', () => {
    const split = chronologicalSplit(100, { trainFraction: 0.8, validationFraction: 0.25 });
    expect(split).toEqual({ rows: 100, trainEnd: 60, testStart: 80 });
    const w = splitWindows(spec(5), split);
    expect(w.validation.length).toBe(20);
    expect(targetRow(spec(5), w.validation[0])).toBe(60);
  });

  it('thins training windows by the stride but keeps every test window', () => {
    const w = splitWindows(spec(4, 1, 5), chronologicalSplit(100));
    expect(w.train.length).toBe(14);
    expect(w.test.length).toBe(30);
  });

  it('rejects impossible fractions', () => {
    expect(() => chronologicalSplit(10, { trainFraction: 1 })).toThrow(RangeError);
    expect(() => chronologicalSplit(10, { validationFraction: -0.1 })).toThrow(RangeError);
  });

  it('knows the fewest rows that leave a training and a test window', () => {
    const needed = minRowsForSplit(spec(10), (n) => chronologicalSplit(n));
    expect(needed).toBe(16); // floor(16·0.7) = 11 ≥ W + h, 5 test rows
    const w = splitWindows(spec(10), chronologicalSplit(needed));
    expect(w.train.length).toBe(1);
    expect(splitWindows(spec(10), chronologicalSplit(needed - 1)).train.length).toBe(0);
  });
});

describe('sampleStarts', () => {
  it('draws from the given starts, reproducibly', () => {
    const starts = Int32Array.from([3, 7, 11]);
    const a = sampleStarts(new Rng(5), starts, 50);
    expect([...a].every((s) => [3, 7, 11].includes(s))).toBe(true);
    expect([...sampleStarts(new Rng(5), starts, 50)]).toEqual([...a]);
  });
});
