import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../engine/activations.ts';
import { DEFAULT_RUN_CONFIG } from '../../contracts/runConfig.ts';
import { engineFixture } from '../../testing/probeFixture.ts';
import { curvePath, gateFunction, gatePoints, saturatedCount } from './activationsView.ts';

describe('the activation panel', () => {
  it('knows which function each gate applies', () => {
    const s = DEFAULT_RUN_CONFIG;
    expect(['i', 'f', 'g', 'o'].map((g) => gateFunction('lstm', g, s))).toEqual(['sigmoid', 'sigmoid', 'tanh', 'sigmoid']);
    expect(['i', 'g'].map((g) => gateFunction('lstm', g, { ...s, gateActivation: 'hardSigmoid', stateActivation: 'softsign' }))).toEqual(['hardSigmoid', 'softsign']);
    expect(['r', 'z', 'n'].map((g) => gateFunction('gru', g, s))).toEqual(['sigmoid', 'sigmoid', 'tanh']);
    expect(gateFunction('rnn', 'a', { ...s, nonlinearity: 'relu' })).toBe('relu');
  });

  it('places each unit of a gate at its pre-activation and activation, with the slope there', () => {
    const { frame } = engineFixture({ model: { cell: 'lstm', numLayers: 1 }, T: 3 });
    const H = frame.H;
    const pts = gatePoints(frame, 'lstm', 0, 'f', 2, 'sigmoid');
    expect(pts).toHaveLength(H);
    const k = 2 * 4 * H + 1 * H + 0;
    expect(pts[0].pre).toBe(frame.layers[0].pre[k]);
    expect(pts[0].act).toBeCloseTo(sigmoid(pts[0].pre), 6);
    expect(pts[0].slope).toBeCloseTo(pts[0].act * (1 - pts[0].act), 9);
    expect(gatePoints(frame, 'lstm', 0, 'z', 0, 'sigmoid')).toEqual([]);
  });

  it('counts units on the flat ends as saturated', () => {
    const pts = [0, 1, 6, -8].map((pre, unit) => {
      const act = sigmoid(pre);
      return { unit, pre, act, slope: act * (1 - act) };
    });
    expect(saturatedCount(pts, 'sigmoid')).toBe(2);
  });

  it('draws a curve as one path through its samples', () => {
    const d = curvePath('tanh', false, -1, 1, (x) => x, (y) => y, 3);
    expect(d).toBe(`M-1.0,${Math.tanh(-1).toFixed(1)}L0.0,0.0L1.0,${Math.tanh(1).toFixed(1)}`);
  });
});
