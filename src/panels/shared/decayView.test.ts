import { describe, expect, it } from 'vitest';
import type { GradientFlowFrame } from '../../contracts/protocol.ts';
import { curveMarks, decayFactorText, earlyShare, mechanismAt, runSeries, timestepAt, xDomain, xOf, type DecaySeries } from './decayView.ts';

const T = 30;

function series(key: string, dh: number[], extra: Partial<DecaySeries> = {}): DecaySeries {
  return { key, label: key, color: '#000', cell: 'rnn', dh, dc: null, dx: null, mechanism: null, slope: null, ...extra };
}

describe('decay view', () => {
  it('puts timestep t at x = t + 1, or at the distance T − 1 − t from the last step, and back', () => {
    expect([xOf(0, T, 'timestep'), xOf(T - 1, T, 'timestep')]).toEqual([1, T]);
    expect([xOf(0, T, 'distance'), xOf(T - 1, T, 'distance')]).toEqual([T - 1, 0]);
    for (const mode of ['timestep', 'distance'] as const) {
      for (const t of [0, 7, T - 1]) expect(timestepAt(xOf(t, T, mode) + 0.3, T, mode)).toBe(t);
      expect(timestepAt(-50, T, mode)).toBe(mode === 'timestep' ? 0 : T - 1);
    }
    expect(xDomain(T, 'timestep')).toEqual([0.5, T + 0.5]);
    expect(xDomain(T, 'distance')).toEqual([-0.5, T - 0.5]);
  });

  it('reads the mechanism, indexed by distance, at a timestep', () => {
    const byDistance = Array.from({ length: T }, (_, k) => 0.5 ** k);
    expect(mechanismAt(byDistance, T - 1, T)).toBe(1);
    expect(mechanismAt(byDistance, 0, T)).toBe(0.5 ** (T - 1));
  });

  it('marks where a curve vanished (below 1e-6 of its value at T) or overflowed, per series and quantity', () => {
    const vanishing = Array.from({ length: T }, (_, t) => 0.3 ** (T - 1 - t));
    const exploding = Array.from({ length: T }, (_, t) => 3 ** (T - 1 - t));
    const marks = curveMarks([
      series('rnn', vanishing, { dx: exploding }),
      series('lstm', Array.from({ length: T }, () => 1), { dc: [...Array(T - 1).fill(1), Infinity] }),
    ]);
    // 0.3^k < 1e-6 first at k = 12 → t = 17; 3^k > 1e6 first at k = 13 → t = 16.
    expect(marks).toEqual([
      { series: 'rnn', quantity: 'dh', kind: 'vanished', t: 17 },
      { series: 'rnn', quantity: 'dx', kind: 'overflow', t: 16 },
      { series: 'lstm', quantity: 'dc', kind: 'overflow', t: T - 1 },
    ]);
  });

  it('writes the decay rate as the factor per step', () => {
    expect(decayFactorText(Math.log(0.62))).toBe('×0.62');
    expect(decayFactorText(Math.log(1.5))).toBe('×1.5');
    expect(decayFactorText(Math.log(2e-5))).toBe('×2.0×10⁻⁵');
    expect(decayFactorText(Math.log(4000))).toBe('×4.0×10³');
    expect(decayFactorText(1e6)).toBe('×∞');
    expect(decayFactorText(null)).toBe('—');
    expect(decayFactorText(NaN)).toBe('—');
  });

  it('sums the shares of the first half of the sequence', () => {
    expect(earlyShare([0.1, 0.2, 0.3, 0.4])).toBeCloseTo(0.3, 12);
    expect(earlyShare([0, 0, 0.1, 0.2, 0.7])).toBe(0);
  });

  it("turns a run's flow frame into one series per layer", () => {
    const L = 2, n = 4;
    const rows = (base: number) => Float32Array.from({ length: L * n }, (_, i) => base + i);
    const flow: GradientFlowFrame = {
      dh: rows(0), dc: rows(100), dx: Float32Array.from([9, 9, 9, 9]), mechanism: rows(200),
      decaySlope: Float32Array.from([-0.5, -0.25]), gradNorm: 1, hhNorm: rows(0), hhShare: rows(0), ihNorm: rows(0), ihShare: rows(0),
    };
    const s = runSeries(flow, n, 'lstm', ['a', 'b'], ['red']);
    expect(s.map((v) => [v.key, v.label, v.color, v.slope])).toEqual([['layer0', 'a', 'red', -0.5], ['layer1', 'b', 'red', -0.25]]);
    expect(Array.from(s[1].dh)).toEqual([4, 5, 6, 7]);
    expect(Array.from(s[1].dc!)).toEqual([104, 105, 106, 107]);
    expect(Array.from(s[1].mechanism!)).toEqual([204, 205, 206, 207]);
    expect(s[0].dx).toBe(flow.dx);
    expect(s[1].dx).toBeNull();
  });
});
