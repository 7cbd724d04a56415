/**
 * TensorBoard's smoothing (pure, no DOM; the loss series apply it point by point, this whole-array form is
 * their reference): an exponential moving average started at 0 and divided by (1 − w^k), so the first
 * points are not dragged towards 0. Non-finite values pass through unsmoothed and do not enter the average;
 * a constant series is returned as is (the division would otherwise add rounding noise).
 */
export function debiasedEma(values: ArrayLike<number>, weight: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  let constant = true;
  for (let i = 1; i < n && constant; i++) constant = values[i] === values[0];
  let last = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (constant || !Number.isFinite(v)) {
      out[i] = v;
      continue;
    }
    last = last * weight + (1 - weight) * v;
    count++;
    out[i] = weight === 1 ? last : last / (1 - Math.pow(weight, count));
  }
  return out;
}
