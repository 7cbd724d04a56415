/**
 * One-hot inputs given as symbol ids [T·B] instead of dense [T·B, I] rows: W_ih·e_k is column k of W_ih, so
 * the input projection is a lookup and its weight gradient a scatter, with the dense product's results and
 * without its I·G·H multiply-adds per row.
 */
import type { LayerStep } from './cells/layerStep.ts';

export function checkSymbols(symbols: Int32Array, T: number, B: number, I: number): void {
  if (symbols.length !== T * B) throw new Error(`symbols has ${symbols.length} ids, expected T·B = ${T}·${B} = ${T * B}`);
  for (let r = 0; r < symbols.length; r++) {
    const k = symbols[r];
    if (k < 0 || k >= I) throw new Error(`symbol ${k} at row ${r} is outside the input size 0..${I - 1}`);
  }
}

/**
 * pre[r] = column symbols[r] of W_ih + the biases, for every row; the first `foldHh` gates also take the
 * recurrent bias (as the dense input projection folds it in).
 */
export function symbolProjection(symbols: Int32Array, P: Float64Array, buf: Pick<LayerStep, 'lp' | 'GH' | 'pre'> & { inputSize: number }, foldHh: number): void {
  const { lp, GH, pre } = buf;
  const I = buf.inputSize;
  for (let r = 0; r < symbols.length; r++) {
    const o = r * GH;
    const col = lp.wIh + symbols[r];
    for (let j = 0; j < foldHh; j++) pre[o + j] = P[col + j * I] + (P[lp.bIh + j] + P[lp.bHh + j]);
    for (let j = foldHh; j < GH; j++) pre[o + j] = P[col + j * I] + P[lp.bIh + j];
  }
}

/** ∂L/∂W_ih: row r only touches column symbols[r], so dPreᵀ·X is a scatter-add of each dPre row into its column. */
export function scatterColumns(symbols: Int32Array, dPre: Float64Array, GH: number, I: number, Gr: Float64Array, wIh: number): void {
  for (let r = 0; r < symbols.length; r++) {
    const o = r * GH;
    const col = wIh + symbols[r];
    for (let j = 0; j < GH; j++) Gr[col + j * I] += dPre[o + j];
  }
}
