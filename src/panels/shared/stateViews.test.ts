import { describe, expect, it } from 'vitest';
import { cellIndex } from '../../viz/grid.ts';
import { syntheticFrame } from '../../testing/syntheticFrame.ts';
import { MAX_LINES, normLines, plottedUnits, stateNames, stateView, togglePin, unitColor, unitLines } from './stateViews.ts';

const T = 4;
const H = 3;

describe('state views', () => {
  it('c only for LSTM; forward states keep at least [−1, 1]; gradients come from dc/dh', () => {
    expect(stateNames(true)).toEqual(['c', 'h']);
    expect(stateNames(false)).toEqual(['h']);
    const L = syntheticFrame('lstm', T, H).layers[0];
    const h = stateView(L, 'h', H, false)!;
    expect(h.values).toBe(L.h);
    expect(h.domain).toEqual([-1, 1]);
    expect(h.values[cellIndex(h.layout!, 2, 3)]).toBeCloseTo(0.0302, 6);
    const dc = stateView(L, 'c', H, true)!;
    expect(dc.values).toBe(L.dc);
    expect(dc.domain).toEqual([-5e-5, 5e-5]);
    expect(stateView(syntheticFrame('gru', T, H).layers[0], 'c', H, false)).toBeNull();
  });

  it('unit lines are ordered unit by unit, state by state', () => {
    const L = syntheticFrame('lstm', T, H).layers[0];
    const d = unitLines(L, ['c', 'h'], [2, 0], T, H, false);
    expect(d.values.length).toBe(4);
    expect(Array.from(d.values[0]).map((v) => +v.toFixed(4))).toEqual([-0.0002, -0.0102, -0.0202, -0.0302]);
    expect(Array.from(d.values[3]).map((v) => +v.toFixed(4))).toEqual([0, 0.01, 0.02, 0.03]);
    expect(d.domain).toEqual([-1, 1]);
  });

  it('norm lines on a log domain', () => {
    const L = syntheticFrame('lstm', T, H).layers[0];
    const d = normLines(L, ['c', 'h']);
    expect(d.values[0]).toBe(L.dcNorm);
    expect(d.values[1]).toBe(L.dhNorm);
    expect(d.domain).toEqual([1e-4, 1]);
  });
});

describe('choosing units', () => {
  it('the selected unit first, then pinned ones, at most MAX_LINES', () => {
    expect(plottedUnits(1, [4, 1, 2], 8)).toEqual([1, 4, 2]);
    expect(plottedUnits(0, [1, 2, 3, 4], 8)).toHaveLength(MAX_LINES);
    expect(plottedUnits(9, [5], 4)).toEqual([3]);
  });

  it('togglePin adds, removes, and lets the oldest pin go when full', () => {
    expect(togglePin([1, 2], 2)).toEqual([1]);
    expect(togglePin([1, 2, 3], 4)).toEqual([2, 3, 4]);
  });

  it('a unit keeps its colour', () => {
    expect(unitColor(3)).toBe(unitColor(3 + 9));
    expect(unitColor(3)).not.toBe(unitColor(4));
  });
});
