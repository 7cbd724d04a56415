/**
 * A demonstration's key frame — the probe frame whose gradient picture makes its point — picked out of the
 * frames a run has shown, so the panels can keep drawing it (faintly) after training has moved on or failed.
 */
import type { ProbeFrame } from '../contracts/protocol.ts';
import type { KeyFrameKind } from './presets.ts';

/** The frame's gradient-decay curves exist and are finite numbers (an overflowed step gives Inf/NaN). */
export function hasFiniteFlow(frame: ProbeFrame): boolean {
  const flow = frame.flow;
  if (!flow) return false;
  for (let i = 0; i < flow.dh.length; i++) if (!Number.isFinite(flow.dh[i])) return false;
  return true;
}

/**
 * The key frame among `frames` (in step order): 'start' = the step-0 frame; 'lastFinite' = the latest frame
 * with finite curves. Null when there is none.
 */
export function keyFrameIn(frames: readonly ProbeFrame[], kind: KeyFrameKind): ProbeFrame | null {
  if (kind === 'start') return frames.find((f) => f.step === 0 && f.flow !== null) ?? null;
  for (let k = frames.length - 1; k >= 0; k--) if (hasFiniteFlow(frames[k])) return frames[k];
  return null;
}

/** ‖∂L_T/∂h_1‖ ÷ ‖∂L_T/∂h_T‖ of a frame's first layer: below 1 the gradient vanished, above 1 it grew. */
export function earlyOverLate(frame: ProbeFrame): number {
  const { dh } = frame.flow!;
  return dh[0] / dh[frame.T - 1];
}

/**
 * Follows the frames of one run as they are shown (some are skipped; only the key ones are kept) and answers
 * which is the key frame so far: for 'start' the step-0 frame, for 'lastFinite' the latest finite frame
 * (the one on show while it is finite). Null until there is one.
 */
export class KeyFrameKeeper {
  private key: ProbeFrame | null = null;

  constructor(readonly kind: KeyFrameKind) {}

  get current(): ProbeFrame | null {
    return this.key;
  }

  offer(frame: ProbeFrame): ProbeFrame | null {
    if (this.kind === 'start') {
      if (frame.step === 0 && frame.flow) this.key = frame;
    } else if (hasFiniteFlow(frame) && (this.key === null || frame.step >= this.key.step)) {
      this.key = frame;
    }
    return this.key;
  }
}
