/**
 * What the unrolled view draws, read off a probe frame: a window of timesteps around the cursor, per copy the
 * selected unit's state, the error term's size and the timestep's term of ∂L_T/∂W_hh, and how much of the
 * total the terms from the cursor to T make up (the bar that fills while walking back). Reads only; the
 * worker computed every number.
 */
import type { ProbeFrame } from '../../contracts/protocol.ts';

/** Copies drawn at once: enough to see a chain, few enough to read at 1280 px. */
export const MAX_COPIES = 8;

export interface UnrolledCopy {
  t: number;
  /** Selected unit's h_t and (LSTM) c_t. */
  h: number;
  c: number | null;
  /** First input channel x_t[0]. */
  x: number;
  /** ‖∂L/∂h_t‖ of the shown layer. */
  delta: number;
  /** Frobenius norm and share of this timestep's term of ∂L_T/∂W_hh; null when the frame has no flow. */
  termNorm: number | null;
  termShare: number | null;
}

export interface UnrolledView {
  T: number;
  from: number;
  to: number;
  copies: UnrolledCopy[];
  /** Σ of the shares from `since` to T − 1 (1 = the whole gradient); null without flow. */
  sumSoFar: number | null;
  since: number;
}

/** The first timestep of a window of `size` copies that keeps `cursor` inside, centred where it can be. */
export function windowStart(T: number, cursor: number, size: number = MAX_COPIES): number {
  if (T <= size) return 0;
  return Math.max(0, Math.min(T - size, cursor - Math.floor(size / 2)));
}

export function unrolledView(f: ProbeFrame, layer: number, unit: number, cursor: number, backward: boolean): UnrolledView | null {
  const lf = f.layers[layer];
  if (!lf) return null;
  const { T, H, I } = f;
  const u = Math.min(unit, H - 1);
  const t0 = Math.min(Math.max(0, cursor), T - 1);
  const from = windowStart(T, t0);
  const to = Math.min(T, from + MAX_COPIES) - 1;
  const flow = f.flow;
  const copies: UnrolledCopy[] = [];
  for (let t = from; t <= to; t++) {
    copies.push({
      t,
      h: lf.h[t * H + u],
      c: lf.c ? lf.c[t * H + u] : null,
      x: f.x[t * I],
      delta: lf.dhNorm[t],
      termNorm: flow ? flow.hhNorm[layer * T + t] : null,
      termShare: flow ? flow.hhShare[layer * T + t] : null,
    });
  }
  // Walking forward the bar shows the whole sum; walking back, the terms from the cursor to T.
  const since = backward ? t0 : 0;
  let sumSoFar: number | null = null;
  if (flow) {
    sumSoFar = 0;
    for (let t = since; t < T; t++) sumSoFar += flow.hhShare[layer * T + t];
  }
  return { T, from, to, copies, sumSoFar, since };
}

/** Arrow thickness for an error-term size: log scale over the (finite) sizes on screen, 1–7 px; an overflowed one is the thickest. */
export function deltaWidth(delta: number, min: number, max: number): number {
  if (delta === Infinity) return 7;
  if (!(delta > 0) || !(max > 0) || !Number.isFinite(delta) || !Number.isFinite(max)) return 1;
  const lo = Math.log10(Math.max(min, max * 1e-12));
  const hi = Math.log10(max);
  if (hi - lo < 1e-9) return 4;
  return 1 + 6 * Math.max(0, Math.min(1, (Math.log10(delta) - lo) / (hi - lo)));
}
