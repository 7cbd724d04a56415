/**
 * The yardstick: how many double-precision multiply-adds per second the best plain-JS loop we know reaches
 * on this machine and JS engine. It is a register-blocked matmul C = A·Bᵀ on ~256×256 Float64Arrays
 * (everything in L2, no allocation, monomorphic), in two block shapes — 4×4 (16 accumulators) and 4×6
 * (24 accumulators, the best of 4×4, 4×6, 6×4, 3×4, 4×3, 3×6, 6×3, 4×5, 5×4, 2×8, 8×2, 4×8, 3×8, 2×6 on x64
 * V8 when this was written) — and the best run of either counts. Flops = 2·M·N·K.
 *
 * The kernels here are deliberately independent copies, not the engine's gemm.ts: the yardstick must not
 * move when the engine's kernels change.
 */
import { Rng } from '../src/engine/rng.ts';

function peakNT44(M: number, N: number, K: number, A: Float64Array, B: Float64Array, C: Float64Array): void {
  for (let n = 0; n + 3 < N; n += 4) {
    const b0 = n * K, b1 = b0 + K, b2 = b1 + K, b3 = b2 + K;
    for (let m = 0; m + 3 < M; m += 4) {
      const a0 = m * K, a1 = a0 + K, a2 = a1 + K, a3 = a2 + K;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let k = 0; k < K; k++) {
        const x0 = A[a0 + k], x1 = A[a1 + k], x2 = A[a2 + k], x3 = A[a3 + k];
        const y0 = B[b0 + k], y1 = B[b1 + k], y2 = B[b2 + k], y3 = B[b3 + k];
        s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
        s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
        s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
        s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
      }
      let c = m * N + n;
      C[c] = s00; C[c + 1] = s01; C[c + 2] = s02; C[c + 3] = s03; c += N;
      C[c] = s10; C[c + 1] = s11; C[c + 2] = s12; C[c + 3] = s13; c += N;
      C[c] = s20; C[c + 1] = s21; C[c + 2] = s22; C[c + 3] = s23; c += N;
      C[c] = s30; C[c + 1] = s31; C[c + 2] = s32; C[c + 3] = s33;
    }
  }
}

function peakNT46(M: number, N: number, K: number, A: Float64Array, B: Float64Array, C: Float64Array): void {
  for (let n = 0; n + 5 < N; n += 6) {
    const b0 = n * K, b1 = b0 + K, b2 = b1 + K, b3 = b2 + K, b4 = b3 + K, b5 = b4 + K;
    for (let m = 0; m + 3 < M; m += 4) {
      const a0 = m * K, a1 = a0 + K, a2 = a1 + K, a3 = a2 + K;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s04 = 0, s05 = 0;
      let s10 = 0, s11 = 0, s12 = 0, s13 = 0, s14 = 0, s15 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s24 = 0, s25 = 0;
      let s30 = 0, s31 = 0, s32 = 0, s33 = 0, s34 = 0, s35 = 0;
      for (let k = 0; k < K; k++) {
        const x0 = A[a0 + k], x1 = A[a1 + k], x2 = A[a2 + k], x3 = A[a3 + k];
        const y0 = B[b0 + k], y1 = B[b1 + k], y2 = B[b2 + k], y3 = B[b3 + k], y4 = B[b4 + k], y5 = B[b5 + k];
        s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3; s04 += x0 * y4; s05 += x0 * y5;
        s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3; s14 += x1 * y4; s15 += x1 * y5;
        s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3; s24 += x2 * y4; s25 += x2 * y5;
        s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3; s34 += x3 * y4; s35 += x3 * y5;
      }
      let c = m * N + n;
      C[c] = s00; C[c + 1] = s01; C[c + 2] = s02; C[c + 3] = s03; C[c + 4] = s04; C[c + 5] = s05; c += N;
      C[c] = s10; C[c + 1] = s11; C[c + 2] = s12; C[c + 3] = s13; C[c + 4] = s14; C[c + 5] = s15; c += N;
      C[c] = s20; C[c + 1] = s21; C[c + 2] = s22; C[c + 3] = s23; C[c + 4] = s24; C[c + 5] = s25; c += N;
      C[c] = s30; C[c + 1] = s31; C[c + 2] = s32; C[c + 3] = s33; C[c + 4] = s34; C[c + 5] = s35;
    }
  }
}

/** Uniform values in [−0.5, 0.5) from the project's seeded generator. */
export function randomArray(n: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: n }, () => rng.next() - 0.5);
}

export interface PeakDetail {
  /** Best GFLOP/s over all runs and both block shapes. */
  gflops: number;
  /** Best GFLOP/s of each block shape. */
  byKernel: { '4x4': number; '4x6': number };
  /** Median GFLOP/s of each block shape (to judge how noisy the machine was). */
  medianByKernel: { '4x4': number; '4x6': number };
}

/**
 * The plain-JS multiply-add peak with per-kernel detail: `runs` timed runs (3 products each, ~10 ms apiece) per
 * kernel after `warmups` untimed ones. Defaults take ~0.5 s; (2, 1) gives a ~0.15 s sample for interleaving.
 */
export function measureJsPeak(runs = 9, warmups = 4): PeakDetail {
  const K = 256, M = 256;
  const shapes = { '4x4': { N: 256, f: peakNT44 }, '4x6': { N: 252, f: peakNT46 } } as const;
  const A = randomArray(M * K, 1);
  const B = randomArray(256 * K, 2);
  const C = new Float64Array(M * 256);
  const best = { '4x4': 0, '4x6': 0 };
  const samples: Record<'4x4' | '4x6', number[]> = { '4x4': [], '4x6': [] };
  const names = ['4x4', '4x6'] as const;
  // Warm up both until optimised (each call is ~34 MFLOP, ~10 ms).
  for (let w = 0; w < warmups; w++) for (const name of names) shapes[name].f(M, shapes[name].N, K, A, B, C);
  for (let r = 0; r < runs; r++) {
    for (const name of names) {
      const { N, f } = shapes[name];
      const reps = 3;
      const t0 = performance.now();
      for (let i = 0; i < reps; i++) f(M, N, K, A, B, C);
      const dt = (performance.now() - t0) / 1000;
      const g = (2 * M * N * K * reps) / dt / 1e9;
      samples[name].push(g);
      if (g > best[name]) best[name] = g;
    }
  }
  if (!Number.isFinite(C[0])) throw new Error('peak loop produced a non-finite value');
  const median = (xs: number[]): number => {
    const s = xs.slice().sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  return {
    gflops: Math.max(best['4x4'], best['4x6']),
    byKernel: best,
    medianByKernel: { '4x4': median(samples['4x4']), '4x6': median(samples['4x6']) },
  };
}
