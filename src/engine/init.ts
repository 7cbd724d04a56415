/**
 * Weight initialisation. Randomness is consumed tensor by tensor in params.specs order (state_dict order),
 * each tensor row-major, so one seed gives bit-identical weights. Every tensor draws its values even when a
 * later rule (forgetBias) overwrites part of it, so toggling such a rule leaves all other weights unchanged.
 * Switching `recurrent` between 'same' and 'orthogonal' does change how much each weight_hh consumes, and so
 * the tensors after it.
 */
import { gateCount, gateIndex } from './gateLayout.ts';
import type { ParamStore, TensorSpec } from './params.ts';
import type { Rng } from './rng.ts';

export type InitScheme = 'pytorch' | 'glorotUniform' | 'glorotNormal' | 'he';

export interface InitOptions {
  /**
   * 'pytorch': every recurrent tensor U(−1/√H, 1/√H) as nn.RNN/LSTM/GRU.reset_parameters, the head as nn.Linear.
   * The others (PyTorch's xavier_uniform_, xavier_normal_, kaiming_normal_) apply per gate block
   * [H, fan_in] of the fused matrices, with zero biases and peepholes.
   */
  scheme: InitScheme;
  /** 'orthogonal': each gate's [H, H] block of weight_hh is a random orthogonal matrix (spectral radius 1). */
  recurrent: 'same' | 'orthogonal';
  /** LSTM only: total forget-gate bias (put in bias_ih, with bias_hh's forget block 0); null = leave as drawn. */
  forgetBias: number | null;
}

export const DEFAULT_INIT: InitOptions = { scheme: 'pytorch', recurrent: 'same', forgetBias: null };

export function initParams(params: ParamStore, rng: Rng, opts: InitOptions): void {
  const { cell, hiddenSize: H } = params.config;
  const G = gateCount(cell);
  for (const spec of params.specs) {
    const t = params.data.subarray(spec.offset, spec.offset + spec.size);
    if (spec.kind === 'weight_hh' && opts.recurrent === 'orthogonal') {
      for (let g = 0; g < G; g++) t.set(randomOrthogonal(H, rng), g * H * H);
    } else if (opts.scheme === 'pytorch') {
      // nn.Linear's weight (kaiming_uniform_ with a = √5) and bias bounds both reduce to 1/√fan_in, fan_in = H.
      const k = 1 / Math.sqrt(H);
      for (let i = 0; i < t.length; i++) t[i] = rng.uniform(-k, k);
    } else if (spec.kind === 'weight_ih' || spec.kind === 'weight_hh' || spec.kind === 'head_weight') {
      // Blocks are contiguous row ranges, so row-major over the tensor is block by block; only the fans matter.
      const fanIn = spec.shape[1];
      const fanOut = spec.kind === 'head_weight' ? spec.shape[0] : H;
      fillScheme(t, opts.scheme, fanIn, fanOut, rng);
    } else {
      t.fill(0);
    }
    if (cell === 'lstm' && opts.forgetBias !== null) setForgetBias(t, spec, H, opts.forgetBias);
  }
}

function fillScheme(t: Float64Array, scheme: Exclude<InitScheme, 'pytorch'>, fanIn: number, fanOut: number, rng: Rng): void {
  if (scheme === 'glorotUniform') {
    const a = Math.sqrt(6 / (fanIn + fanOut));
    for (let i = 0; i < t.length; i++) t[i] = rng.uniform(-a, a);
  } else {
    const std = scheme === 'glorotNormal' ? Math.sqrt(2 / (fanIn + fanOut)) : Math.sqrt(2 / fanIn);
    for (let i = 0; i < t.length; i++) t[i] = rng.normal(0, std);
  }
}

function setForgetBias(t: Float64Array, spec: TensorSpec, H: number, forgetBias: number): void {
  if (spec.kind !== 'bias_ih' && spec.kind !== 'bias_hh') return;
  const start = gateIndex('lstm', 'f') * H;
  t.fill(spec.kind === 'bias_ih' ? forgetBias : 0, start, start + H);
}

/**
 * Haar-random n×n orthogonal matrix (row-major), as torch.nn.init.orthogonal_: Householder QR of a
 * Gaussian matrix (n² normals, row-major), then Q·diag(sign(diag R)) so the distribution is uniform.
 * Householder rather than Gram–Schmidt because its orthogonality does not degrade with the condition number.
 */
function randomOrthogonal(n: number, rng: Rng): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < a.length; i++) a[i] = rng.normal();
  const vs: Float64Array[] = [];
  const rSign = new Float64Array(n).fill(1);
  const scratch = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let norm2 = 0;
    for (let i = k; i < n; i++) norm2 += a[i * n + k] ** 2;
    const x0 = a[k * n + k];
    if (norm2 === 0) {
      vs.push(new Float64Array(n - k));
      continue;
    }
    // alpha = −sign(x0)·‖x‖ avoids cancellation in v0 = x0 − alpha; R_kk = alpha.
    const alpha = (x0 >= 0 ? -1 : 1) * Math.sqrt(norm2);
    rSign[k] = Math.sign(alpha);
    const v = new Float64Array(n - k);
    for (let i = k; i < n; i++) v[i - k] = a[i * n + k];
    v[0] -= alpha;
    let vNorm2 = 0;
    for (let i = 0; i < v.length; i++) vNorm2 += v[i] * v[i];
    const vNorm = Math.sqrt(vNorm2);
    for (let i = 0; i < v.length; i++) v[i] /= vNorm;
    reflect(a, n, k, v, scratch);
    vs.push(v);
  }
  // Q = H_0 H_1 … H_{n−1}, built by applying the reflections to I from the last one back; the partial
  // product is still the identity outside rows and columns k:, so each reflection only touches that corner.
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  for (let k = n - 1; k >= 0; k--) reflect(q, n, k, vs[k], scratch);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) q[i * n + j] *= rSign[j];
  return q;
}

/** m[k:, k:] −= 2·v·(vᵀ m[k:, k:]) for the unit vector v (a zero v is the identity); row-major sweeps for the cache. */
function reflect(m: Float64Array, n: number, k: number, v: Float64Array, w: Float64Array): void {
  w.fill(0, k, n);
  for (let i = k; i < n; i++) {
    const vi = v[i - k];
    for (let j = k; j < n; j++) w[j] += vi * m[i * n + j];
  }
  for (let i = k; i < n; i++) {
    const s = 2 * v[i - k];
    for (let j = k; j < n; j++) m[i * n + j] -= s * w[j];
  }
}

/** Power iterations per block: the top two singular values of a random block can be close (init time: cost is no concern). */
const SPECTRAL_ITERATIONS = 500;

/**
 * The exploding/vanishing lab's knob: rescale each gate's [H, H] block of every weight_hh so that its largest
 * singular value is `target`. Per gate block, because each block is its own recurrent map — the RNN's
 * Jacobian is diag(φ′)·W_hh, and an LSTM/GRU gate sees h_{t−1} only through its own U block — whereas the
 * norm of the stacked [G·H, H] matrix mixes the gates and would leave each one below the target.
 * Deterministic: spectralNorm starts its power iteration from a fixed vector.
 */
export function setRecurrentSpectralNorm(params: ParamStore, target: number): void {
  const H = params.config.hiddenSize;
  const G = gateCount(params.config.cell);
  for (const spec of params.specs) {
    if (spec.kind !== 'weight_hh') continue;
    for (let g = 0; g < G; g++) {
      const block = params.data.subarray(spec.offset + g * H * H, spec.offset + (g + 1) * H * H);
      const sigma = spectralNorm(block, H, H, SPECTRAL_ITERATIONS);
      if (sigma > 0) for (let i = 0; i < block.length; i++) block[i] *= target / sigma;
    }
  }
}

/**
 * Largest singular value of the row-major [rows, cols] matrix m, by power iteration on mᵀm from the
 * normalised all-ones vector (deterministic, no Rng needed). A matrix whose top right-singular vector is
 * exactly orthogonal to the ones vector would be under-estimated; random weights never are.
 */
export function spectralNorm(m: Float64Array, rows: number, cols: number, iterations = 50): number {
  if (m.length < rows * cols) throw new Error(`spectralNorm: matrix has ${m.length} values, need ${rows}×${cols}`);
  const v = new Float64Array(cols).fill(1 / Math.sqrt(cols));
  const u = new Float64Array(rows);
  const w = new Float64Array(cols);
  // u = m·v; then ‖u‖ = σ estimate for the unit vector v.
  const multiply = (): number => {
    let un2 = 0;
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let c = 0; c < cols; c++) s += m[r * cols + c] * v[c];
      u[r] = s;
      un2 += s * s;
    }
    return Math.sqrt(un2);
  };
  for (let it = 0; it < iterations; it++) {
    if (multiply() === 0) return 0;
    // v ← mᵀu / ‖mᵀu‖ = mᵀm·v normalised.
    w.fill(0);
    for (let r = 0; r < rows; r++) {
      const ur = u[r];
      for (let c = 0; c < cols; c++) w[c] += m[r * cols + c] * ur;
    }
    let wn2 = 0;
    for (let c = 0; c < cols; c++) wn2 += w[c] * w[c];
    const wn = Math.sqrt(wn2);
    for (let c = 0; c < cols; c++) v[c] = w[c] / wn;
  }
  return multiply();
}
