/**
 * Dense row-major matrix products on Float64Array with explicit offsets (no subarray allocation in hot loops).
 * Leading dimensions equal the row lengths. `acc` = add into C instead of overwriting it.
 * These are the engine's hot kernels: keep each one monomorphic (Float64Array only).
 */

/** C[M,N] (+)= A[M,K] · B[N,K]ᵀ   (x·Wᵀ with W stored [out, in], as PyTorch does) */
export function gemmNT(
  M: number, N: number, K: number,
  A: Float64Array, aOff: number,
  B: Float64Array, bOff: number,
  C: Float64Array, cOff: number,
  acc: boolean,
): void {
  for (let m = 0; m < M; m++) {
    const a = aOff + m * K;
    for (let n = 0; n < N; n++) {
      const b = bOff + n * K;
      let s = 0;
      for (let k = 0; k < K; k++) s += A[a + k] * B[b + k];
      const c = cOff + m * N + n;
      C[c] = acc ? C[c] + s : s;
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
  for (let m = 0; m < M; m++) {
    const c = cOff + m * N;
    if (!acc) C.fill(0, c, c + N);
    for (let k = 0; k < K; k++) {
      const a = A[aOff + m * K + k];
      const b = bOff + k * N;
      for (let n = 0; n < N; n++) C[c + n] += a * B[b + n];
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
  if (!acc) C.fill(0, cOff, cOff + M * N);
  for (let k = 0; k < K; k++) {
    const a = aOff + k * M;
    const b = bOff + k * N;
    for (let m = 0; m < M; m++) {
      const av = A[a + m];
      if (av === 0) continue;
      const c = cOff + m * N;
      for (let n = 0; n < N; n++) C[c + n] += av * B[b + n];
    }
  }
}
