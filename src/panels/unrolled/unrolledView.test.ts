import { describe, expect, it } from 'vitest';
import { engineFixture } from '../../testing/probeFixture.ts';
import { deltaWidth, MAX_COPIES, unrolledView, windowStart } from './unrolledView.ts';

describe('the unrolled view', () => {
  it('windows long sequences around the cursor, inside the sequence', () => {
    expect(windowStart(5, 4)).toBe(0);
    expect(windowStart(50, 0)).toBe(0);
    expect(windowStart(50, 20)).toBe(20 - MAX_COPIES / 2);
    expect(windowStart(50, 49)).toBe(50 - MAX_COPIES);
  });

  it('reads each copy’s state and error term off the frame, and adds the W_hh terms from the cursor to T', () => {
    const { frame } = engineFixture({ model: { cell: 'lstm' }, T: 5 });
    const { T, H } = frame;
    const shares = Float32Array.from([0.1, 0.2, 0.3, 0.15, 0.25, 0, 0, 0, 0, 0]);
    frame.flow = {
      dh: new Float32Array(2 * T), dc: null, dx: new Float32Array(T), mechanism: null, decaySlope: new Float32Array(2), gradNorm: 0,
      hhNorm: Float32Array.from({ length: 2 * T }, (_, k) => k + 1), hhShare: shares, ihNorm: new Float32Array(2 * T), ihShare: new Float32Array(2 * T),
    };
    const view = unrolledView(frame, 0, 1, 3, true);
    expect(view).not.toBeNull();
    expect(view!.copies.map((c) => c.t)).toEqual([0, 1, 2, 3, 4]);
    expect(view!.copies[2].h).toBe(frame.layers[0].h[2 * H + 1]);
    expect(view!.copies[2].c).toBe(frame.layers[0].c![2 * H + 1]);
    expect(view!.copies[2].delta).toBe(frame.layers[0].dhNorm[2]);
    expect(view!.copies[4].termNorm).toBe(5);
    expect(view!.since).toBe(3);
    expect(view!.sumSoFar).toBeCloseTo(0.4, 6);
    // Walking forward the bar shows the whole sum.
    expect(unrolledView(frame, 0, 1, 3, false)!.sumSoFar).toBeCloseTo(1, 6);
    expect(unrolledView(frame, 5, 0, 0, false)).toBeNull();
  });

  it('has no sum without the per-timestep terms', () => {
    const { frame } = engineFixture({ model: { cell: 'rnn' }, T: 4 });
    frame.flow = null;
    expect(unrolledView(frame, 0, 0, 0, true)!.sumSoFar).toBeNull();
  });

  it('draws bigger error terms with thicker arrows, on a log scale', () => {
    expect(deltaWidth(1, 1e-6, 1)).toBeCloseTo(7);
    expect(deltaWidth(1e-3, 1e-6, 1)).toBeCloseTo(4);
    expect(deltaWidth(0, 1e-6, 1)).toBe(1);
    expect(deltaWidth(0.5, 0.5, 0.5)).toBe(4);
    expect(deltaWidth(Infinity, 1e-6, 1)).toBe(7);
    expect(deltaWidth(NaN, 1e-6, 1)).toBe(1);
    expect(deltaWidth(1, 1e-6, Infinity)).toBe(1);
  });
});
