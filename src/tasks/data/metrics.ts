/** Forecast errors in the data's own units, and classification counts. Pure functions of predictions and truth. */

export interface RegressionMetrics {
  count: number;
  rmse: number;
  mae: number;
  /** Mean absolute percentage error, in percent, over the non-zero targets (NaN if there are none). */
  mape: number;
  /** Targets equal to zero, left out of MAPE. */
  mapeSkipped: number;
}

export function regressionMetrics(predicted: ArrayLike<number>, actual: ArrayLike<number>): RegressionMetrics {
  const n = actual.length;
  if (predicted.length !== n) throw new RangeError(`${predicted.length} predictions for ${n} targets`);
  let se = 0;
  let ae = 0;
  let ape = 0;
  let skipped = 0;
  for (let k = 0; k < n; k++) {
    const e = predicted[k] - actual[k];
    se += e * e;
    ae += Math.abs(e);
    if (actual[k] === 0) skipped++;
    else ape += Math.abs(e / actual[k]);
  }
  return {
    count: n,
    rmse: n > 0 ? Math.sqrt(se / n) : NaN,
    mae: n > 0 ? ae / n : NaN,
    mape: n > skipped ? (100 * ape) / (n - skipped) : NaN,
    mapeSkipped: skipped,
  };
}

/** Index of the largest value of each row of a [rows, K] array. */
export function argmaxRows(values: ArrayLike<number>, K: number): Int32Array {
  const rows = Math.floor(values.length / K);
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (values[r * K + k] > values[r * K + best]) best = k;
    out[r] = best;
  }
  return out;
}

/** counts[actual][predicted]. */
export function confusionMatrix(predicted: ArrayLike<number>, actual: ArrayLike<number>, K: number): number[][] {
  if (predicted.length !== actual.length) throw new RangeError(`${predicted.length} predictions for ${actual.length} labels`);
  const m = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  for (let r = 0; r < actual.length; r++) {
    const a = actual[r];
    const p = predicted[r];
    if (!(a >= 0 && a < K && p >= 0 && p < K && Number.isInteger(a) && Number.isInteger(p))) throw new RangeError(`row ${r}: class ${a} / prediction ${p} outside 0…${K - 1}`);
    m[a][p]++;
  }
  return m;
}

export interface ClassificationMetrics {
  total: number;
  accuracy: number;
  /** Per class: of the rows predicted as k, the share that are k (NaN when k is never predicted). */
  precision: number[];
  /** Per class: of the rows that are k, the share predicted as k (NaN when k never occurs). */
  recall: number[];
  /** Rows of each class. */
  support: number[];
}

export function classificationMetrics(confusion: readonly (readonly number[])[]): ClassificationMetrics {
  const K = confusion.length;
  let total = 0;
  let correct = 0;
  const support = new Array<number>(K).fill(0);
  const predictedAs = new Array<number>(K).fill(0);
  for (let a = 0; a < K; a++) {
    for (let p = 0; p < K; p++) {
      const c = confusion[a][p];
      total += c;
      support[a] += c;
      predictedAs[p] += c;
      if (a === p) correct += c;
    }
  }
  return {
    total,
    accuracy: total > 0 ? correct / total : NaN,
    precision: confusion.map((row, k) => (predictedAs[k] > 0 ? row[k] / predictedAs[k] : NaN)),
    recall: confusion.map((row, k) => (support[k] > 0 ? row[k] / support[k] : NaN)),
    support,
  };
}

/** Rows per class; labels must be integers in [0, K). */
export function classCounts(labels: ArrayLike<number>, K: number): number[] {
  const out = new Array<number>(K).fill(0);
  for (let r = 0; r < labels.length; r++) out[labels[r]]++;
  return out;
}
