/**
 * Nested JS arrays (what Python's `tensor.tolist()` and JSON give) ↔ flat row-major Float64Array + shape.
 * Every interop format funnels through `Tensor`, so validation and naming live in one place.
 */
import { InteropError } from './errors.ts';

export interface Tensor {
  shape: number[];
  data: Float64Array;
}

export type Nested = number | Nested[];

/**
 * What a tensor may claim before anything is allocated for it. The largest model the engine runs (4 layers of
 * 512 units, inputs of a few thousand) has tensors of a few million values; a trace input of B × T × I values
 * stays far below the count limit too.
 */
const TENSOR_LIMITS = { maxDims: 8, maxValues: 1 << 24 } as const;

/** Throws unless a tensor of `shape` is within TENSOR_LIMITS (its values counted without allocating them). */
export function checkSize(shape: readonly number[], what: string): void {
  const count = shape.reduce((a, b) => a * b, 1);
  if (count > TENSOR_LIMITS.maxValues) {
    throw new InteropError('tensor.tooLarge', `${what} has shape ${formatShape(shape)} = ${count.toLocaleString('en-US')} values; at most ${TENSOR_LIMITS.maxValues.toLocaleString('en-US')} are read`);
  }
}

/** "[2][0]" — how errors point at one element of a nested array. */
export function formatIndex(path: readonly number[]): string {
  return path.map((i) => `[${i}]`).join('');
}

/** Row-major flat index → per-axis index, for errors about flat data. */
export function unflattenIndex(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return idx;
}

/**
 * Flatten a nested array, taking the shape from the first element along each axis and rejecting ragged
 * arrays and non-numbers. `what` names the value in errors (e.g. "tensor 'lstm.weight_ih_l0'").
 */
export function fromNested(value: unknown, what: string): Tensor {
  const shape: number[] = [];
  for (let v = value; Array.isArray(v); v = v[0]) {
    shape.push(v.length);
    if (shape.length > TENSOR_LIMITS.maxDims) {
      throw new InteropError('tensor.tooManyDims', `${what} nests arrays more than ${TENSOR_LIMITS.maxDims} deep; a tensor here has at most ${TENSOR_LIMITS.maxDims} dimensions`);
    }
    if (v.length === 0) break;
  }
  checkSize(shape, what);
  const data = new Float64Array(shape.reduce((a, b) => a * b, 1));
  let k = 0;
  const walk = (v: unknown, depth: number, path: number[]): void => {
    if (depth === shape.length) {
      if (typeof v !== 'number') {
        const got = Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v;
        throw new InteropError('tensor.notNumber', `${what} is ragged or non-numeric: element ${formatIndex(path)} is ${got}, expected a number`);
      }
      data[k++] = v;
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) {
      const got = Array.isArray(v) ? `length ${v.length}` : `a ${v === null ? 'null' : typeof v}`;
      throw new InteropError('tensor.ragged', `${what} is ragged: ${formatIndex(path) || 'the value'} has ${got}, expected length ${shape[depth]}`);
    }
    for (let i = 0; i < v.length; i++) walk(v[i], depth + 1, [...path, i]);
  };
  walk(value, 0, []);
  return { shape, data };
}

/** Flat row-major data → nested arrays of the given shape (a bare number for shape []). */
export function toNested(data: ArrayLike<number>, shape: readonly number[], offset = 0): Nested {
  if (shape.length === 0) return data[offset];
  const [n, ...rest] = shape;
  const stride = rest.reduce((a, b) => a * b, 1);
  return Array.from({ length: n }, (_, i) => toNested(data, rest, offset + i * stride));
}

/** Throw unless every value is finite, naming the first bad element by its per-axis index. */
export function assertFinite(t: Tensor, what: string): void {
  for (let i = 0; i < t.data.length; i++) {
    if (!Number.isFinite(t.data[i])) {
      throw new InteropError('tensor.nonFinite', `${what} has a non-finite value (${t.data[i]}) at ${formatIndex(unflattenIndex(i, t.shape))}`);
    }
  }
}

export function shapeEquals(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
