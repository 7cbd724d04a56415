import { describe, expect, it } from 'vitest';
import { syntheticFrame } from '../../testing/syntheticFrame.ts';
import { earlyLateRatio, modelDecaySeries } from './decayCurves.ts';
import type { GradientFlowFrame } from '../../contracts/protocol.ts';

function flowOf(L: number, T: number, withCell: boolean): GradientFlowFrame {
  const ramp = (scale: number) => Float32Array.from({ length: L * T }, (_, i) => scale * (i + 1));
  return {
    dh: ramp(1),
    dc: withCell ? ramp(10) : null,
    dx: ramp(100).subarray(0, T),
    mechanism: ramp(0.01),
    decaySlope: Float32Array.from({ length: L }, (_, l) => -0.5 - l),
    gradNorm: 1,
    hhNorm: ramp(1),
    hhShare: ramp(1),
    ihNorm: ramp(1),
    ihShare: ramp(1),
  };
}

describe('modelDecaySeries', () => {
  it('takes the chosen layer’s row of every per-layer array, without ‖∂L_T/∂x_t‖', () => {
    const frame = { ...syntheticFrame('lstm', 5, 3, 2), flow: flowOf(2, 5, true) };
    const s = modelDecaySeries(frame, { id: 'lstm', cell: 'lstm' }, 1, 'LSTM', '#000');
    expect(s).not.toBeNull();
    expect(Array.from(s!.dh)).toEqual([6, 7, 8, 9, 10]);
    expect(Array.from(s!.dc!)).toEqual([60, 70, 80, 90, 100]);
    expect(s!.dx).toBeNull();
    expect(s!.slope).toBeCloseTo(-1.5);
    expect(s).toMatchObject({ key: 'lstm', cell: 'lstm', label: 'LSTM' });
    // A layer beyond the model's is clamped to its top layer.
    expect(Array.from(modelDecaySeries(frame, { id: 'fbias-1', cell: 'lstm' }, 7, 'LSTM', '#000')!.dh)).toEqual([6, 7, 8, 9, 10]);
  });

  it('has nothing to draw for a frame without gradient flow', () => {
    expect(modelDecaySeries({ ...syntheticFrame('rnn', 4, 2, 1), flow: null }, { id: 'rnn', cell: 'rnn' }, 0, 'RNN', '#000')).toBeNull();
  });
});

describe('earlyLateRatio', () => {
  it('is ‖g_1‖ ÷ ‖g_T‖, NaN when the last norm is 0, non-finite or missing', () => {
    expect(earlyLateRatio([1e-20, 1e-3, 0.5])).toBeCloseTo(2e-20, 30);
    expect(earlyLateRatio([1, 0])).toBeNaN();
    expect(earlyLateRatio([1, Infinity])).toBeNaN();
    expect(earlyLateRatio([])).toBeNaN();
  });
});
