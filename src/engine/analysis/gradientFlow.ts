/**
 * How the gradient travels back through time (the vanishing-gradient derivation made measurable): per-timestep norms,
 * a fitted decay rate, the running Jacobian products that cause it (RNN: ∏ diag(φ′)·W_hh; LSTM: ∏ f along
 * the cell path; GRU: ∏ z along the carry path). RNNbow's split of a weight gradient into the contributions
 * of each timestep is in timestepTerms.ts.
 */
import type { ModelConfig } from '../config.ts';
import { gateIndex } from '../gateLayout.ts';
import { activationDerivative } from '../activations.ts';
import { spectralNorm } from '../init.ts';
import { gemmNN } from '../kernels/gemm.ts';
import type { ParamStore } from '../params.ts';

/** Euclidean norm of each row of a [rows, width] array. */
export function rowNorms(a: ArrayLike<number>, rows: number, width: number): Float64Array {
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let k = r * width; k < (r + 1) * width; k++) s += a[k] * a[k];
    out[r] = Math.sqrt(s);
  }
  return out;
}

export interface DecayFit {
  /** Least-squares slope of ln‖g_t‖ against the distance T−1−t (per step; negative = vanishing). */
  slope: number;
  /** e^slope: the average factor the gradient is multiplied by per step back in time. */
  factorPerStep: number;
  /** Timesteps used (finite, non-zero norms). */
  used: number;
}

/** Fit ‖g_t‖ ≈ A·e^{slope·(T−1−t)} over the timesteps with a finite, positive norm. */
export function fitDecay(norms: ArrayLike<number>): DecayFit {
  const T = norms.length;
  let n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (let t = 0; t < T; t++) {
    const v = norms[t];
    if (!(v > 0) || !Number.isFinite(v)) continue;
    const x = T - 1 - t;
    const y = Math.log(v);
    n++; sx += x; sy += y; sxx += x * x; sxy += x * y;
  }
  const den = n * sxx - sx * sx;
  const slope = n >= 2 && den > 0 ? (n * sxy - sx * sy) / den : 0;
  return { slope, factorPerStep: Math.exp(slope), used: n };
}

export interface VanishMark {
  /** Latest timestep (closest to T) whose norm fell below ratio × the norm at T, or null. */
  vanishedAt: number | null;
  /** Latest timestep where the norm is Inf/NaN or above overflowRatio × the norm at T, or null. */
  explodedAt: number | null;
}

/** Where a per-timestep gradient curve vanished (below 1e-6 of its value at the last step) or blew up. */
export function markVanishing(norms: ArrayLike<number>, ratio = 1e-6, overflowRatio = 1e6): VanishMark {
  const T = norms.length;
  const ref = norms[T - 1];
  let vanishedAt: number | null = null;
  let explodedAt: number | null = null;
  for (let t = T - 1; t >= 0; t--) {
    const v = norms[t];
    if (explodedAt === null && (!Number.isFinite(v) || (ref > 0 && v > overflowRatio * ref))) explodedAt = t;
    if (vanishedAt === null && ref > 0 && v < ratio * ref) vanishedAt = t;
  }
  return { vanishedAt, explodedAt };
}

/**
 * RNN: ‖∏_{s=t+1}^{T} J_s‖₂ with J_s = ∂h_s/∂h_{s−1} = diag(φ′(pre_s))·W_hh, for one layer and one sequence.
 * Entry k (k = 0..T−1) is the norm of the product of the last k Jacobians (entry 0 = 1, the identity).
 * `pre` and `h` are [T, H] for that sequence.
 */
export function rnnJacobianProducts(
  params: ParamStore, layer: number, pre: ArrayLike<number>, h: ArrayLike<number>, T: number,
): Float64Array {
  const H = params.config.hiddenSize;
  const W = params.data;
  const wHh = params.layers[layer].wHh;
  const kind = params.config.nonlinearity;
  let prod = new Float64Array(H * H);
  for (let i = 0; i < H; i++) prod[i * H + i] = 1;
  const out = new Float64Array(T);
  out[0] = 1;
  let next = new Float64Array(H * H);
  const J = new Float64Array(H * H);
  for (let k = 1; k < T; k++) {
    const s = T - k; // J_s, s from T−1 down to 1 (0-based): the step whose input is h_{s−1}
    // J = diag(φ′_s)·W_hh, then prod ← prod·J with the engine's matrix kernel.
    for (let m = 0; m < H; m++) {
      const d = activationDerivative(kind, pre[s * H + m], h[s * H + m]);
      for (let j = 0; j < H; j++) J[m * H + j] = d * W[wHh + m * H + j];
    }
    gemmNN(H, H, H, prod, 0, J, 0, next, 0, false);
    [prod, next] = [next, prod];
    out[k] = spectralNorm(prod, H, H, 30);
  }
  return out;
}

/**
 * The carry path: LSTM ∏ f_s along the cell state, GRU ∏ z_s along h (h = (1−z)⊙n + z⊙h_prev), from the
 * last step back. Entry k is the mean over units of the product of the last k gates (entry 0 = 1).
 * `act` is the layer's gate activations [T, G·H] for one sequence.
 */
export function carryProducts(config: ModelConfig, act: ArrayLike<number>, T: number): Float64Array {
  const H = config.hiddenSize;
  const G = config.cell === 'lstm' ? 4 : 3;
  const g = config.cell === 'lstm' ? gateIndex('lstm', 'f') : gateIndex('gru', 'z');
  const running = new Float64Array(H).fill(1);
  const out = new Float64Array(T);
  out[0] = 1;
  for (let k = 1; k < T; k++) {
    const s = T - k; // gate of step s carries c_{s−1} (or h_{s−1}) into step s
    let mean = 0;
    for (let j = 0; j < H; j++) {
      running[j] *= act[s * G * H + g * H + j];
      mean += running[j];
    }
    out[k] = mean / H;
  }
  return out;
}
