import { describe, expect, it } from 'vitest';
import { gemmNN, gemmNT, gemmTN } from './gemm.ts';

type Kernel = typeof gemmNT;
type Layout = 'NT' | 'NN' | 'TN';

/** Deterministic xorshift values in [-1, 1), so failures reproduce. */
function filled(n: number, seed: number): Float64Array {
  let s = (seed * 2654435761) >>> 0 || 1;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    out[i] = s / 2147483648 - 1;
  }
  return out;
}

/** A[m,k] and B[k,n] as the layout stores them (row-major, leading dimension = row length). */
function aAt(layout: Layout, A: Float64Array, aOff: number, M: number, K: number, m: number, k: number): number {
  return layout === 'TN' ? A[aOff + k * M + m] : A[aOff + m * K + k];
}
function bAt(layout: Layout, B: Float64Array, bOff: number, N: number, K: number, k: number, n: number): number {
  return layout === 'NT' ? B[bOff + n * K + k] : B[bOff + k * N + n];
}

const KERNELS: [Layout, Kernel][] = [['NT', gemmNT], ['NN', gemmNN], ['TN', gemmTN]];

/**
 * Runs one kernel call on padded buffers and checks every C element against a straightforward triple loop,
 * to within 1e-12 of Σ|a·b| + |C₀| (a rounding-error bound that holds whatever the summation order), and that
 * nothing outside the C window was touched and A, B were not written.
 */
function check(layout: Layout, kernel: Kernel, M: number, N: number, K: number, acc: boolean, seed: number): void {
  const aOff = 3 + (seed % 5), bOff = 7 + (seed % 3), cOff = 5 + (seed % 7);
  const A = filled(aOff + M * K + 4, seed + 1);
  const B = filled(bOff + K * N + 6, seed + 2);
  const C = filled(cOff + M * N + 9, seed + 3);
  if (!acc) for (let i = cOff; i < cOff + M * N; i++) if (i % 7 === 0) C[i] = NaN; // must be overwritten, never read
  const A0 = A.slice(), B0 = B.slice(), C0 = C.slice();
  kernel(M, N, K, A, aOff, B, bOff, C, cOff, acc);
  const where = `gemm${layout} M=${M} N=${N} K=${K} acc=${acc}`;
  for (let i = 0; i < A.length; i++) if (!Object.is(A[i], A0[i])) throw new Error(`${where} wrote A[${i}]`);
  for (let i = 0; i < B.length; i++) if (!Object.is(B[i], B0[i])) throw new Error(`${where} wrote B[${i}]`);
  for (let i = 0; i < cOff; i++) if (!Object.is(C[i], C0[i])) throw new Error(`${where} wrote C[${i}] before the window`);
  for (let i = cOff + M * N; i < C.length; i++) if (!Object.is(C[i], C0[i])) throw new Error(`${where} wrote C[${i}] after the window`);
  let worst = 0;
  for (let m = 0; m < M; m++) {
    for (let n = 0; n < N; n++) {
      let s = 0, mag = 0;
      for (let k = 0; k < K; k++) {
        const p = aAt(layout, A, aOff, M, K, m, k) * bAt(layout, B, bOff, N, K, k, n);
        s += p;
        mag += Math.abs(p);
      }
      const c0 = C0[cOff + m * N + n];
      const want = acc ? c0 + s : s;
      if (acc) mag += Math.abs(c0);
      const got = C[cOff + m * N + n];
      const err = Math.abs(got - want) / (mag + 1e-300);
      if (!(err <= 1e-12)) throw new Error(`${where}: C[${m},${n}] = ${got}, want ${want}`);
      if (err > worst) worst = err;
    }
  }
  expect(worst).toBeLessThanOrEqual(1e-12);
}

describe.each(KERNELS)('gemm%s', (layout, kernel) => {
  it('matches the reference for every M, N, K in 1..9 (all remainders), acc on and off', () => {
    let seed = 1;
    for (let M = 1; M <= 9; M++) {
      for (let N = 1; N <= 9; N++) {
        for (let K = 1; K <= 9; K++) {
          check(layout, kernel, M, N, K, false, seed++);
          check(layout, kernel, M, N, K, true, seed++);
        }
      }
    }
  });

  it('matches the reference on larger shapes that cross cache tiles', () => {
    const shapes: [number, number, number][] = [
      [1, 32, 8], // tiny: B = 1, 4H = 32, H = 8
      [16, 128, 32],
      [13, 37, 41],
      [32, 257, 64],
      [67, 19, 1029], // NT: row tiles of 28 (32768/1029 → 28), the last one 11 rows; NN/TN: one k tile of 1724
      [203, 260, 520], // NT: row tiles of 60, the last one 23 rows; NN/TN: k tiles of 126, the last one 16
      [5, 1030, 33], // NN/TN: k tile clamped to 16 rows (32768/1030 → 31 → ≥ 16), 3 tiles, the last one 1
    ];
    let seed = 1000;
    for (const [M, N, K] of shapes) {
      check(layout, kernel, M, N, K, false, seed++);
      check(layout, kernel, M, N, K, true, seed++);
    }
  });

  it('handles empty dimensions (K = 0 gives zeros, or leaves C when accumulating)', () => {
    const C = new Float64Array([1, 2, 3, 4, 5, 6, 7]);
    const A = new Float64Array(4), B = new Float64Array(4);
    kernel(2, 2, 0, A, 0, B, 0, C, 1, true);
    expect(Array.from(C)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    kernel(2, 2, 0, A, 0, B, 0, C, 1, false);
    expect(Array.from(C)).toEqual([1, 0, 0, 0, 0, 6, 7]);
    kernel(0, 3, 2, A, 0, B, 0, C, 0, false);
    kernel(3, 0, 2, A, 0, B, 0, C, 0, false);
    expect(Array.from(C)).toEqual([1, 0, 0, 0, 0, 6, 7]);
  });

  it('computes a known small product exactly', () => {
    // A = [[1,2],[3,4]] (as [M,K]), B = [[5,6],[7,8]] (as [K,N]); A·B = [[19,22],[43,50]]
    const Amk = [1, 2, 3, 4];
    const Bkn = [5, 6, 7, 8];
    const A = new Float64Array(layout === 'TN' ? [1, 3, 2, 4] : Amk);
    const B = new Float64Array(layout === 'NT' ? [5, 7, 6, 8] : Bkn);
    const C = new Float64Array(4);
    kernel(2, 2, 2, A, 0, B, 0, C, 0, false);
    expect(Array.from(C)).toEqual([19, 22, 43, 50]);
    kernel(2, 2, 2, A, 0, B, 0, C, 0, true);
    expect(Array.from(C)).toEqual([38, 44, 86, 100]);
  });
});

describe('gemmNT with a bias', () => {
  it('stores exactly the sum it stores without one, plus the bias, on every row (all block remainders)', () => {
    let seed = 900;
    for (const [M, N, K] of [[640, 501, 12], [7, 9, 5], [1, 3, 2], [5, 4, 0]] as const) {
      for (const acc of [false, true]) {
        const A = filled(M * K, seed++), B = filled(N * K, seed++), bias = filled(N + 2, seed++);
        const start = filled(M * N, seed++);
        const plain = start.slice(), fused = start.slice();
        gemmNT(M, N, K, A, 0, B, 0, plain, 0, acc);
        for (let m = 0; m < M; m++) for (let n = 0; n < N; n++) plain[m * N + n] += bias[2 + n];
        gemmNT(M, N, K, A, 0, B, 0, fused, 0, acc, bias, 2);
        expect(fused).toEqual(plain);
      }
    }
  });
});
