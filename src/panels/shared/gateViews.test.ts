import { describe, expect, it } from 'vitest';
import { gateIndex } from '../../engine/gateLayout.ts';
import { cellIndex, rowMajor } from '../../viz/grid.ts';
import { gateStyle, gateView, TEACHING_ORDER } from './gateViews.ts';
import { syntheticFrame } from '../../testing/syntheticFrame.ts';

const T = 5;
const H = 3;

describe('gateView', () => {
  it('finds each gate block through gateLayout (PyTorch order i, f, g, o under the teaching order f, i, g, o)', () => {
    const f = syntheticFrame('lstm', T, H);
    expect(TEACHING_ORDER.lstm).toEqual(['f', 'i', 'g', 'o']);
    for (const gate of TEACHING_ORDER.lstm) {
      const v = gateView(f.layers[0], 'lstm', gate, H, false);
      expect(v.values).toBe(f.layers[0].act);
      // unit 2 at t = 4 encodes block + 0.04 + 0.0002
      expect(v.values[cellIndex(v.layout ?? rowMajor(T), 2, 4)]).toBeCloseTo(gateIndex('lstm', gate) + 0.0402, 5);
    }
  });

  it('GRU blocks r, z, n; RNN shows its pre-activation', () => {
    const g = syntheticFrame('gru', T, H);
    const n = gateView(g.layers[0], 'gru', 'n', H, false);
    expect(n.values[cellIndex(n.layout!, 0, 1)]).toBeCloseTo(2.01, 5);
    const r = syntheticFrame('rnn', T, H);
    const a = gateView(r.layers[0], 'rnn', 'a', H, false);
    expect(a.values).toBe(r.layers[0].pre);
    expect(a.domain).toEqual([-1, 1]);
  });

  it('gradients read dPre with one symmetric domain for all gates of the layer', () => {
    const f = syntheticFrame('lstm', T, H);
    const views = TEACHING_ORDER.lstm.map((gate) => gateView(f.layers[0], 'lstm', gate, H, true));
    for (const v of views) expect(v.values).toBe(f.layers[0].dPre);
    expect(new Set(views.map((v) => v.domain)).size).toBe(1);
    expect(views[0].domain).toEqual([-0.005, 0.005]);
  });
});

describe('gateStyle', () => {
  it('sigmoid gates sequential in [0, 1], g/n diverging in [−1, 1], gradients and RNN diverging from the data', () => {
    expect(gateStyle('f', false)).toEqual({ palette: 'sequential', domain: [0, 1] });
    expect(gateStyle('z', false)).toEqual({ palette: 'sequential', domain: [0, 1] });
    expect(gateStyle('g', false)).toEqual({ palette: 'diverging', domain: [-1, 1] });
    expect(gateStyle('n', false)).toEqual({ palette: 'diverging', domain: [-1, 1] });
    expect(gateStyle('a', false)).toEqual({ palette: 'diverging', domain: null });
    expect(gateStyle('f', true)).toEqual({ palette: 'diverging', domain: null });
  });
});
