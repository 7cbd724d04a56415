/**
 * Where a NaN/Inf first appeared in the unrolled network, for the failure notice: the earliest overflowing
 * state going forward, the output that broke the loss, or the first overflowing ∂L/∂h_t, ∂L/∂c_t going back.
 */
import type { BackwardTrace, ForwardTrace } from '../network.ts';

/** Where in the unrolled network a NaN/Inf was found (0-based, like selection.t and selection.layer). */
export interface NonFiniteSite {
  timestep: number;
  /** Recurrent layer; null for the output (the head). */
  layer: number | null;
  /** The state, output or gradient that holds it. */
  quantity: 'h' | 'c' | 'y' | 'dh' | 'dc';
}

function rowFinite(a: Float64Array, start: number, length: number): boolean {
  for (let i = start; i < start + length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

/** The forward pass overflowed here: the earliest timestep (then the lowest layer) whose h_t or c_t is not finite. */
export function firstNonFiniteState(fwd: ForwardTrace, H: number): NonFiniteSite | null {
  const row = fwd.B * H;
  for (let t = 0; t < fwd.T; t++) {
    for (let l = 0; l < fwd.layers.length; l++) {
      const lt = fwd.layers[l];
      if (lt.c && !rowFinite(lt.c, t * row, row)) return { timestep: t, layer: l, quantity: 'c' };
      if (!rowFinite(lt.h, t * row, row)) return { timestep: t, layer: l, quantity: 'h' };
    }
  }
  return null;
}

/**
 * The loss overflowed with finite states (a huge head): the earliest timestep by which the sum of the squared
 * outputs — what a squared error adds up, in the loss's row order — is no longer finite. Rows are time-major
 * for many-to-many models; a many-to-one model's rows all belong to the last timestep.
 */
export function firstNonFiniteOutput(fwd: ForwardTrace): NonFiniteSite | null {
  const { output, outputRows: rows, outputWidth: width, B, T } = fwd;
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    for (let k = r * width; k < (r + 1) * width; k++) sum += output[k] * output[k];
    if (!Number.isFinite(sum)) return { timestep: rows === B ? T - 1 : Math.floor(r / B), layer: null, quantity: 'y' };
  }
  return null;
}

/**
 * BPTT overflowed here: the latest timestep (then the highest layer, which the backward pass visits first)
 * whose ∂L/∂h_t or ∂L/∂c_t is not finite — the first one met walking back from T.
 */
export function lastNonFiniteGradient(bwd: BackwardTrace, T: number, B: number, H: number): NonFiniteSite | null {
  const row = B * H;
  for (let t = T - 1; t >= 0; t--) {
    for (let l = bwd.layers.length - 1; l >= 0; l--) {
      const g = bwd.layers[l];
      if (!rowFinite(g.dh, t * row, row)) return { timestep: t, layer: l, quantity: 'dh' };
      if (g.dc && !rowFinite(g.dc, t * row, row)) return { timestep: t, layer: l, quantity: 'dc' };
    }
  }
  return null;
}
