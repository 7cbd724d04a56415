import { describe, expect, it } from 'vitest';
import { syntheticFrame } from '../testing/syntheticFrame.ts';
import type { ProbeFrame } from '../contracts/protocol.ts';
import { earlyOverLate, hasFiniteFlow, KeyFrameKeeper, keyFrameIn } from './keyFrame.ts';

const T = 5;

/** A frame at `step` whose ‖∂L_T/∂h_t‖ is `dh` (the rest of the flow does not matter here). */
function frameAt(step: number, dh: number[] | null): ProbeFrame {
  const f = syntheticFrame('rnn', T, 2, 1, step);
  const z = new Float32Array(T);
  return {
    ...f,
    flow: dh && { dh: Float32Array.from(dh), dc: null, dx: z, mechanism: null, decaySlope: Float32Array.of(0), gradNorm: 1, hhNorm: z, hhShare: z, ihNorm: z, ihShare: z },
  };
}

const growing = [16, 8, 4, 2, 1];

describe('key frames', () => {
  it('tells finite gradient pictures from overflowed ones', () => {
    expect(hasFiniteFlow(frameAt(3, growing))).toBe(true);
    expect(hasFiniteFlow(frameAt(3, [Infinity, 8, 4, 2, 1]))).toBe(false);
    expect(hasFiniteFlow(frameAt(3, [NaN, 8, 4, 2, 1]))).toBe(false);
    expect(hasFiniteFlow(frameAt(3, null))).toBe(false);
    expect(earlyOverLate(frameAt(0, growing))).toBe(16);
  });

  it('picks the step-0 frame, or the latest finite one, out of the frames shown', () => {
    const frames = [frameAt(0, growing), frameAt(2, [32, 8, 4, 2, 1]), frameAt(4, [Infinity, 1, 1, 1, 1]), frameAt(5, [NaN, NaN, 1, 1, 1])];
    expect(keyFrameIn(frames, 'start')?.step).toBe(0);
    expect(keyFrameIn(frames, 'lastFinite')?.step).toBe(2);
    expect(keyFrameIn(frames.slice(1), 'start')).toBeNull();
    expect(keyFrameIn(frames.slice(2), 'lastFinite')).toBeNull();
  });

  it('keeps the step-0 frame of a run while training moves on', () => {
    const keeper = new KeyFrameKeeper('start');
    expect(keeper.offer(frameAt(3, growing))).toBeNull();
    const first = frameAt(0, growing);
    expect(keeper.offer(first)).toBe(first);
    expect(keeper.offer(frameAt(50, [1, 1, 1, 1, 1]))).toBe(first);
    expect(keeper.offer(frameAt(900, [Infinity, 1, 1, 1, 1]))).toBe(first);
  });

  it('keeps the last finite frame after an overflow, and ignores older frames shown again (the history scrubber)', () => {
    const keeper = new KeyFrameKeeper('lastFinite');
    const a = frameAt(0, growing);
    const b = frameAt(2, [64, 16, 4, 2, 1]);
    expect(keeper.offer(a)).toBe(a);
    expect(keeper.offer(b)).toBe(b);
    expect(keeper.offer(frameAt(3, [Infinity, NaN, 4, 2, 1]))).toBe(b);
    expect(keeper.offer(a)).toBe(b);
  });
});
