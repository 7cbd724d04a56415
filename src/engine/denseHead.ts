/**
 * The dense head on top of the recurrent stack: output = h·Wᵀ + b for the rows the output mode reads (the last
 * timestep, or every timestep), and its backward pass. Without a head (outputSize null) the output is h itself.
 * For a character model this is most of a training step: three products of (T·B) × V × H.
 */
import type { ModelConfig } from './config.ts';
import { gemmNN, gemmNT, gemmTN } from './kernels/gemm.ts';
import type { ParamStore } from './params.ts';

/** out [rows, O] from the top layer's h [·, H], whose head rows start at hOff. */
export function forwardHead(config: ModelConfig, params: ParamStore, top: Float64Array, hOff: number, rows: number, out: Float64Array): void {
  const H = config.hiddenSize;
  const O = config.outputSize;
  if (O === null) {
    out.set(top.subarray(hOff, hOff + rows * H));
    return;
  }
  const P = params.data;
  gemmNT(rows, O, H, top, hOff, P, params.headW, out, 0, false, P, params.headB);
}

/** Turns dL/d(output) into dL/dh_t of the top layer (dhExt, zero elsewhere), and the head's parameter gradients. */
export function backwardHead(
  config: ModelConfig, params: ParamStore, dOut: Float64Array, top: Float64Array, hOff: number, rows: number, dhExt: Float64Array,
): void {
  const H = config.hiddenSize;
  const O = config.outputSize;
  dhExt.fill(0);
  if (O === null) {
    dhExt.set(dOut, hOff);
    return;
  }
  const P = params.data;
  const Gr = params.grad;
  const bias = params.headB;
  gemmTN(O, H, rows, dOut, 0, top, hOff, Gr, params.headW, true);
  for (let r = 0; r < rows; r++) for (let o = 0; o < O; o++) Gr[bias + o] += dOut[r * O + o];
  gemmNN(rows, H, O, dOut, 0, P, params.headW, dhExt, hOff, false);
}
