import { fastExp } from './kernels/exp.ts';

/**
 * Losses over the network output, each writing dLoss/dOutput in place. A mask (one weight per output row,
 * 0 or 1) leaves rows out, e.g. padded timesteps or the warm-up part of a many-to-many sequence.
 */

function checkMask(mask: Float64Array | null, rows: number): void {
  if (mask && mask.length !== rows) throw new Error(`mask has ${mask.length} entries, expected one per output row (${rows})`);
}

/**
 * Mean squared error over all unmasked elements — nn.MSELoss() with reduction 'mean'.
 * `width` = values per output row (O); needed only with a mask.
 */
export function mseLoss(
  output: Float64Array, target: Float64Array, dOut: Float64Array,
  mask: Float64Array | null = null, width = 1,
): number {
  if (target.length !== output.length) throw new Error(`target has ${target.length} values, output has ${output.length}`);
  const rows = output.length / width;
  checkMask(mask, rows);
  let count = 0;
  for (let r = 0; r < rows; r++) count += mask ? mask[r] * width : width;
  if (count === 0) {
    dOut.fill(0);
    return 0;
  }
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    const m = mask ? mask[r] : 1;
    for (let k = r * width; k < (r + 1) * width; k++) {
      const d = output[k] - target[k];
      sum += m * d * d;
      dOut[k] = (2 * m * d) / count;
    }
  }
  return sum / count;
}

/**
 * Softmax cross-entropy with integer class targets, averaged over unmasked rows — nn.CrossEntropyLoss.
 * `labels[r]` is the class of row r (a float holding an integer, so batches stay Float64Array).
 * Fused: each logit's exponential is taken once and serves the log-sum-exp, the softmax and the gradient
 * (p − onehot(y)) / count, which a wide output (a character vocabulary) would otherwise pay for twice.
 */
export function softmaxCrossEntropy(
  logits: Float64Array, labels: Float64Array, width: number, dOut: Float64Array,
  mask: Float64Array | null = null,
): number {
  const rows = logits.length / width;
  if (labels.length !== rows) throw new Error(`labels has ${labels.length} entries, expected ${rows} (one class per row)`);
  checkMask(mask, rows);
  let count = 0;
  for (let r = 0; r < rows; r++) count += mask ? mask[r] : 1;
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * width;
    const m = mask ? mask[r] : 1;
    const y = labels[r];
    if (!Number.isInteger(y) || y < 0 || y >= width) throw new Error(`label ${y} at row ${r} is not a class in 0..${width - 1}`);
    // Log-sum-exp with the max subtracted, so large logits cannot overflow.
    let max = -Infinity;
    for (let k = o; k < o + width; k++) if (logits[k] > max) max = logits[k];
    let z = 0;
    for (let k = o; k < o + width; k++) {
      const e = fastExp(logits[k] - max);
      dOut[k] = e;
      z += e;
    }
    sum += m * (max + Math.log(z) - logits[o + y]);
    const scale = count > 0 ? m / count : 0;
    const q = scale / z;
    for (let k = o; k < o + width; k++) dOut[k] *= q;
    dOut[o + y] -= scale;
  }
  return count > 0 ? sum / count : 0;
}

/** Softmax of one row of logits into dst (for sampling and probabilities in the UI). */
export function softmaxRow(logits: ArrayLike<number>, offset: number, width: number, dst: Float64Array, temperature = 1): void {
  let max = -Infinity;
  for (let k = 0; k < width; k++) max = Math.max(max, logits[offset + k] / temperature);
  let z = 0;
  for (let k = 0; k < width; k++) {
    dst[k] = Math.exp(logits[offset + k] / temperature - max);
    z += dst[k];
  }
  for (let k = 0; k < width; k++) dst[k] /= z;
}
