/**
 * Per-column min-max and z-score scaling, fitted on the training rows only so nothing about the test period
 * leaks into training. Fitting on all rows is possible (to show why not), and says so with `leakage`.
 */

export type ScalerKind = 'minmax' | 'zscore';

export interface ScalerParams {
  kind: ScalerKind;
  /** Rows the statistics came from: [0, fitRows). */
  fitRows: number;
  /** True when fitted on every row, test rows included: the UI shows a leakage warning. */
  leakage: boolean;
  /** Per column: scaled = (value − offset) / scale. min and max−min, or mean and standard deviation. */
  offset: number[];
  scale: number[];
  /** Columns with no spread in the fitted rows (scale set to 1 so they stay finite). */
  constant: boolean[];
}

export interface FitOptions {
  /** Rows [0, trainEnd) are the training split. */
  trainEnd: number;
  /** Fit on every row instead (leaks test statistics into training). */
  fitOnAll?: boolean;
}

function columnStats(kind: ScalerKind, v: Float64Array, rows: number): { offset: number; spread: number } {
  let a = Infinity;
  let b = -Infinity;
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    const x = v[r];
    if (!Number.isFinite(x)) throw new Error(`cannot fit a scaler: row ${r} holds ${x}`);
    if (x < a) a = x;
    if (x > b) b = x;
    sum += x;
  }
  if (kind === 'minmax') return { offset: a, spread: b - a };
  const mean = sum / rows;
  let ss = 0;
  for (let r = 0; r < rows; r++) ss += (v[r] - mean) ** 2;
  // Population standard deviation, as sklearn's StandardScaler.
  return { offset: mean, spread: Math.sqrt(ss / rows) };
}

export function fitScaler(kind: ScalerKind, columns: readonly Float64Array[], options: FitOptions): ScalerParams {
  const leakage = options.fitOnAll === true;
  const fitRows = leakage ? (columns[0]?.length ?? 0) : options.trainEnd;
  if (fitRows < 1) throw new RangeError('cannot fit a scaler on zero rows');
  const offset: number[] = [];
  const scale: number[] = [];
  const constant: boolean[] = [];
  for (const col of columns) {
    if (col.length < fitRows) throw new RangeError(`column has ${col.length} rows, the scaler needs ${fitRows}`);
    const { offset: o, spread } = columnStats(kind, col, fitRows);
    offset.push(o);
    constant.push(!(spread > 0));
    scale.push(spread > 0 ? spread : 1);
  }
  return { kind, fitRows, leakage, offset, scale, constant };
}

export function transform(p: ScalerParams, column: number, values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  const o = p.offset[column];
  const s = p.scale[column];
  for (let r = 0; r < values.length; r++) out[r] = (values[r] - o) / s;
  return out;
}

export function inverseTransform(p: ScalerParams, column: number, values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  const o = p.offset[column];
  const s = p.scale[column];
  for (let r = 0; r < values.length; r++) out[r] = values[r] * s + o;
  return out;
}
