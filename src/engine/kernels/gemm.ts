/**
 * Dense row-major matrix products on Float64Array with explicit offsets (no subarray allocation in hot loops).
 * Leading dimensions equal the row lengths. `acc` = add into C instead of overwriting it (with acc = false,
 * C is never read, so it may hold anything, even NaN).
 * These are the engine's hot kernels: keep each one monomorphic (Float64Array only).
 *
 * How they are fast in plain JS (V8, no SIMD):
 *  - Register blocking: C is computed in 4×4 blocks held in 16 local accumulators, so each k step does 8 loads
 *    for 16 multiply-adds instead of 2 loads per multiply-add. Other blocks (2×4 … 8×2, 4×8) measured the same
 *    or worse on x64 V8, 4×6 at most ~5 % better: there are only 16 XMM registers, V8 spills the rest, and
 *    every typed-array load carries an index add, overflow check and bounds check. ~3.5–3.8 GFLOP/s is the
 *    plain-JS ceiling on this class of machine (see bench/peak.ts, bench/kernels.bench.ts).
 *  - Remainder paths (1×4, 4×1, 1×1) for the M % 4 rows and N % 4 columns, so any shape works and tiny shapes
 *    (M = 1) go straight to the 1×4 path.
 *  - Cache tiling so that the big operand streams through memory once: NT walks a tile of A rows (≤ 256 KiB,
 *    L2-resident) against every group of 4 rows of B (L1-resident); for the per-step x·Wᵀ with M = B small
 *    that is one tile, so W streams through once. NN and TN walk a tile of K rows of B (≤ 256 KiB; TN at most
 *    64 rows) for every block of A.
 *  - No allocation, no closures, no calls in the loops; every accumulator starts from C when acc (or when a
 *    previous k tile has already written C), so the result is C + Σ_k in k order.
 *  - Plain IEEE arithmetic throughout: NaN / ±Infinity propagate (0 · ∞ = NaN), nothing is skipped.
 */

/** Doubles per cache tile (256 KiB: half of this machine's L2, comfortably inside any desktop L2). */
const TILE_DOUBLES = 32768;

/**
 * C[M,N] (+)= A[M,K] · B[N,K]ᵀ (+ bias[N] on every row)   (x·Wᵀ + b with W stored [out, in], as PyTorch does).
 * The bias is added to each finished sum as it is stored — the same rounding as adding it afterwards, without a
 * second pass over C (a vocabulary-wide output is megabytes).
 */
export function gemmNT(
  M: number, N: number, K: number,
  A: Float64Array, aOff: number,
  B: Float64Array, bOff: number,
  C: Float64Array, cOff: number,
  acc: boolean,
  bias: Float64Array | null = null, biasOff = 0,
): void {
  if (M <= 0 || N <= 0) return;
  if (K <= 0) {
    if (!acc) C.fill(0, cOff, cOff + M * N);
    if (bias) for (let m = 0; m < M; m++) for (let n = 0; n < N; n++) C[cOff + m * N + n] += bias[biasOff + n];
    return;
  }
  // Rows of A per tile: a tile of A stays in L2 while every 4-row group of B (in L1) passes over it.
  let MT = (TILE_DOUBLES / K) & ~3;
  if (MT < 16) MT = 16;
  const N4 = N & ~3;
  const K2 = 2 * K, K3 = 3 * K, N2 = 2 * N, N3 = 3 * N;
  for (let mt = 0; mt < M; mt += MT) {
    const mEnd = mt + MT < M ? mt + MT : M;
    const mEnd4 = mt + ((mEnd - mt) & ~3);
    for (let n = 0; n < N4; n += 4) {
      const b0 = bOff + n * K;
      const b1 = b0 + K, b2 = b0 + K2, b3 = b0 + K3;
      let m = mt;
      for (; m < mEnd4; m += 4) {
        const a0 = aOff + m * K;
        const a1 = a0 + K, a2 = a0 + K2, a3 = a0 + K3;
        const c = cOff + m * N + n;
        let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        if (acc) {
          s00 = C[c]; s01 = C[c + 1]; s02 = C[c + 2]; s03 = C[c + 3];
          s10 = C[c + N]; s11 = C[c + N + 1]; s12 = C[c + N + 2]; s13 = C[c + N + 3];
          s20 = C[c + N2]; s21 = C[c + N2 + 1]; s22 = C[c + N2 + 2]; s23 = C[c + N2 + 3];
          s30 = C[c + N3]; s31 = C[c + N3 + 1]; s32 = C[c + N3 + 2]; s33 = C[c + N3 + 3];
        }
        for (let k = 0; k < K; k++) {
          const x0 = A[a0 + k], x1 = A[a1 + k], x2 = A[a2 + k], x3 = A[a3 + k];
          const y0 = B[b0 + k], y1 = B[b1 + k], y2 = B[b2 + k], y3 = B[b3 + k];
          s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
          s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
          s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
          s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
        }
        if (bias) {
          const v0 = bias[biasOff + n], v1 = bias[biasOff + n + 1], v2 = bias[biasOff + n + 2], v3 = bias[biasOff + n + 3];
          s00 += v0; s01 += v1; s02 += v2; s03 += v3; s10 += v0; s11 += v1; s12 += v2; s13 += v3;
          s20 += v0; s21 += v1; s22 += v2; s23 += v3; s30 += v0; s31 += v1; s32 += v2; s33 += v3;
        }
        C[c] = s00; C[c + 1] = s01; C[c + 2] = s02; C[c + 3] = s03;
        C[c + N] = s10; C[c + N + 1] = s11; C[c + N + 2] = s12; C[c + N + 3] = s13;
        C[c + N2] = s20; C[c + N2 + 1] = s21; C[c + N2 + 2] = s22; C[c + N2 + 3] = s23;
        C[c + N3] = s30; C[c + N3 + 1] = s31; C[c + N3 + 2] = s32; C[c + N3 + 3] = s33;
      }
      for (; m < mEnd; m++) {
        // 1×4: one row of A against the same 4 rows of B.
        const a0 = aOff + m * K;
        const c = cOff + m * N + n;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        if (acc) { s0 = C[c]; s1 = C[c + 1]; s2 = C[c + 2]; s3 = C[c + 3]; }
        for (let k = 0; k < K; k++) {
          const x = A[a0 + k];
          s0 += x * B[b0 + k]; s1 += x * B[b1 + k]; s2 += x * B[b2 + k]; s3 += x * B[b3 + k];
        }
        if (bias) { s0 += bias[biasOff + n]; s1 += bias[biasOff + n + 1]; s2 += bias[biasOff + n + 2]; s3 += bias[biasOff + n + 3]; }
        C[c] = s0; C[c + 1] = s1; C[c + 2] = s2; C[c + 3] = s3;
      }
    }
    for (let n = N4; n < N; n++) {
      const b0 = bOff + n * K;
      let m = mt;
      for (; m < mEnd4; m += 4) {
        // 4×1: four rows of A against one row of B.
        const a0 = aOff + m * K;
        const a1 = a0 + K, a2 = a0 + K2, a3 = a0 + K3;
        const c = cOff + m * N + n;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        if (acc) { s0 = C[c]; s1 = C[c + N]; s2 = C[c + N2]; s3 = C[c + N3]; }
        for (let k = 0; k < K; k++) {
          const y = B[b0 + k];
          s0 += A[a0 + k] * y; s1 += A[a1 + k] * y; s2 += A[a2 + k] * y; s3 += A[a3 + k] * y;
        }
        if (bias) {
          const v = bias[biasOff + n];
          s0 += v; s1 += v; s2 += v; s3 += v;
        }
        C[c] = s0; C[c + N] = s1; C[c + N2] = s2; C[c + N3] = s3;
      }
      for (; m < mEnd; m++) {
        const a0 = aOff + m * K;
        const c = cOff + m * N + n;
        let s = acc ? C[c] : 0;
        for (let k = 0; k < K; k++) s += A[a0 + k] * B[b0 + k];
        C[c] = bias ? s + bias[biasOff + n] : s;
      }
    }
  }
}

/** C[M,N] (+)= A[M,K] · B[K,N]   (dPre·W: gradients back to inputs) */
export function gemmNN(
  M: number, N: number, K: number,
  A: Float64Array, aOff: number,
  B: Float64Array, bOff: number,
  C: Float64Array, cOff: number,
  acc: boolean,
): void {
  if (M <= 0 || N <= 0) return;
  if (K <= 0) {
    if (!acc) C.fill(0, cOff, cOff + M * N);
    return;
  }
  // Rows of B per k tile: the tile (KT × N) stays in L2 while every 4-row block of A passes over it.
  let KT = (TILE_DOUBLES / N) | 0;
  if (KT < 16) KT = 16;
  const M4 = M & ~3, N4 = N & ~3;
  const K2 = 2 * K, K3 = 3 * K, N2 = 2 * N, N3 = 3 * N;
  for (let kt = 0; kt < K; kt += KT) {
    const kEnd = kt + KT < K ? kt + KT : K;
    const ld = acc || kt > 0; // C already holds a partial sum to add to
    let m = 0;
    for (; m < M4; m += 4) {
      const a0 = aOff + m * K;
      const a1 = a0 + K, a2 = a0 + K2, a3 = a0 + K3;
      let n = 0;
      for (; n < N4; n += 4) {
        const c = cOff + m * N + n;
        let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        if (ld) {
          s00 = C[c]; s01 = C[c + 1]; s02 = C[c + 2]; s03 = C[c + 3];
          s10 = C[c + N]; s11 = C[c + N + 1]; s12 = C[c + N + 2]; s13 = C[c + N + 3];
          s20 = C[c + N2]; s21 = C[c + N2 + 1]; s22 = C[c + N2 + 2]; s23 = C[c + N2 + 3];
          s30 = C[c + N3]; s31 = C[c + N3 + 1]; s32 = C[c + N3 + 2]; s33 = C[c + N3 + 3];
        }
        let b = bOff + kt * N + n;
        for (let k = kt; k < kEnd; k++) {
          const x0 = A[a0 + k], x1 = A[a1 + k], x2 = A[a2 + k], x3 = A[a3 + k];
          const y0 = B[b], y1 = B[b + 1], y2 = B[b + 2], y3 = B[b + 3];
          b += N;
          s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
          s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
          s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
          s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
        }
        C[c] = s00; C[c + 1] = s01; C[c + 2] = s02; C[c + 3] = s03;
        C[c + N] = s10; C[c + N + 1] = s11; C[c + N + 2] = s12; C[c + N + 3] = s13;
        C[c + N2] = s20; C[c + N2 + 1] = s21; C[c + N2 + 2] = s22; C[c + N2 + 3] = s23;
        C[c + N3] = s30; C[c + N3 + 1] = s31; C[c + N3 + 2] = s32; C[c + N3 + 3] = s33;
      }
      for (; n < N; n++) {
        // 4×1
        const c = cOff + m * N + n;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        if (ld) { s0 = C[c]; s1 = C[c + N]; s2 = C[c + N2]; s3 = C[c + N3]; }
        let b = bOff + kt * N + n;
        for (let k = kt; k < kEnd; k++) {
          const y = B[b];
          b += N;
          s0 += A[a0 + k] * y; s1 += A[a1 + k] * y; s2 += A[a2 + k] * y; s3 += A[a3 + k] * y;
        }
        C[c] = s0; C[c + N] = s1; C[c + N2] = s2; C[c + N3] = s3;
      }
    }
    for (; m < M; m++) {
      const a0 = aOff + m * K;
      let n = 0;
      for (; n < N4; n += 4) {
        // 1×4
        const c = cOff + m * N + n;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        if (ld) { s0 = C[c]; s1 = C[c + 1]; s2 = C[c + 2]; s3 = C[c + 3]; }
        let b = bOff + kt * N + n;
        for (let k = kt; k < kEnd; k++) {
          const x = A[a0 + k];
          s0 += x * B[b]; s1 += x * B[b + 1]; s2 += x * B[b + 2]; s3 += x * B[b + 3];
          b += N;
        }
        C[c] = s0; C[c + 1] = s1; C[c + 2] = s2; C[c + 3] = s3;
      }
      for (; n < N; n++) {
        const c = cOff + m * N + n;
        let s = ld ? C[c] : 0;
        let b = bOff + kt * N + n;
        for (let k = kt; k < kEnd; k++) {
          s += A[a0 + k] * B[b];
          b += N;
        }
        C[c] = s;
      }
    }
  }
}

/** C[M,N] (+)= A[K,M]ᵀ · B[K,N]   (dW = Σ_rows dPreᵀ·x: weight gradients summed over time and batch) */
export function gemmTN(
  M: number, N: number, K: number,
  A: Float64Array, aOff: number,
  B: Float64Array, bOff: number,
  C: Float64Array, cOff: number,
  acc: boolean,
): void {
  if (M <= 0 || N <= 0) return;
  if (K <= 0) {
    if (!acc) C.fill(0, cOff, cOff + M * N);
    return;
  }
  // Rows of A and B per k tile. Each k step of a block touches a new cache line of A and of B (strides M and
  // N), so the tile is short: the KT lines of A's 4 columns stay in L1 while the B tile (KT × N, ≤ 256 KiB)
  // sits in L2. KT = 64 measured best among 32…512 and untiled on N = 8…256.
  let KT = (TILE_DOUBLES / N) | 0;
  if (KT > 64) KT = 64;
  if (KT < 16) KT = 16;
  const M4 = M & ~3, N4 = N & ~3;
  const N2 = 2 * N, N3 = 3 * N;
  for (let kt = 0; kt < K; kt += KT) {
    const kEnd = kt + KT < K ? kt + KT : K;
    const ld = acc || kt > 0;
    const aT = aOff + kt * M, bT = bOff + kt * N;
    let m = 0;
    for (; m < M4; m += 4) {
      let n = 0;
      for (; n < N4; n += 4) {
        const c = cOff + m * N + n;
        let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        if (ld) {
          s00 = C[c]; s01 = C[c + 1]; s02 = C[c + 2]; s03 = C[c + 3];
          s10 = C[c + N]; s11 = C[c + N + 1]; s12 = C[c + N + 2]; s13 = C[c + N + 3];
          s20 = C[c + N2]; s21 = C[c + N2 + 1]; s22 = C[c + N2 + 2]; s23 = C[c + N2 + 3];
          s30 = C[c + N3]; s31 = C[c + N3 + 1]; s32 = C[c + N3 + 2]; s33 = C[c + N3 + 3];
        }
        let a = aT + m, b = bT + n;
        for (let k = kt; k < kEnd; k++) {
          const x0 = A[a], x1 = A[a + 1], x2 = A[a + 2], x3 = A[a + 3];
          const y0 = B[b], y1 = B[b + 1], y2 = B[b + 2], y3 = B[b + 3];
          a += M;
          b += N;
          s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
          s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
          s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
          s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
        }
        C[c] = s00; C[c + 1] = s01; C[c + 2] = s02; C[c + 3] = s03;
        C[c + N] = s10; C[c + N + 1] = s11; C[c + N + 2] = s12; C[c + N + 3] = s13;
        C[c + N2] = s20; C[c + N2 + 1] = s21; C[c + N2 + 2] = s22; C[c + N2 + 3] = s23;
        C[c + N3] = s30; C[c + N3 + 1] = s31; C[c + N3 + 2] = s32; C[c + N3 + 3] = s33;
      }
      for (; n < N; n++) {
        // 4×1
        const c = cOff + m * N + n;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        if (ld) { s0 = C[c]; s1 = C[c + N]; s2 = C[c + N2]; s3 = C[c + N3]; }
        let a = aT + m, b = bT + n;
        for (let k = kt; k < kEnd; k++) {
          const y = B[b];
          s0 += A[a] * y; s1 += A[a + 1] * y; s2 += A[a + 2] * y; s3 += A[a + 3] * y;
          a += M;
          b += N;
        }
        C[c] = s0; C[c + N] = s1; C[c + N2] = s2; C[c + N3] = s3;
      }
    }
    for (; m < M; m++) {
      let n = 0;
      for (; n < N4; n += 4) {
        // 1×4
        const c = cOff + m * N + n;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        if (ld) { s0 = C[c]; s1 = C[c + 1]; s2 = C[c + 2]; s3 = C[c + 3]; }
        let a = aT + m, b = bT + n;
        for (let k = kt; k < kEnd; k++) {
          const x = A[a];
          s0 += x * B[b]; s1 += x * B[b + 1]; s2 += x * B[b + 2]; s3 += x * B[b + 3];
          a += M;
          b += N;
        }
        C[c] = s0; C[c + 1] = s1; C[c + 2] = s2; C[c + 3] = s3;
      }
      for (; n < N; n++) {
        const c = cOff + m * N + n;
        let s = ld ? C[c] : 0;
        let a = aT + m, b = bT + n;
        for (let k = kt; k < kEnd; k++) {
          s += A[a] * B[b];
          a += M;
          b += N;
        }
        C[c] = s;
      }
    }
  }
}
