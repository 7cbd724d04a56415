/**
 * Reading one unit's numbers out of a ProbeFrame (batch of one, time-major). Every gate lookup goes through
 * gateLayout's gateIndex, never a literal offset.
 */
import type { CellKind } from '../../engine/config.ts';
import { gateCount, gateIndex, type GateName } from '../../engine/gateLayout.ts';
import type { ProbeFrame } from '../../contracts/protocol.ts';

/** Which unit of which layer at which timestep (0-based). */
export interface Site {
  layer: number;
  t: number;
  unit: number;
}

/** Width of a layer's input: I for the first layer, H of the layer below otherwise. */
export function frameInputWidth(frame: ProbeFrame, layer: number): number {
  return layer === 0 ? frame.I : frame.H;
}

/** The layer's input vector at t: x_t for layer 0, h_t of the layer below otherwise. */
export function layerInput(frame: ProbeFrame, layer: number, t: number): Float32Array {
  const n = frameInputWidth(frame, layer);
  const src = layer === 0 ? frame.x : frame.layers[layer - 1].h;
  return src.subarray(t * n, (t + 1) * n);
}

/** h_{t−1} of a layer as a vector (h0 at t = 0). */
export function prevHidden(frame: ProbeFrame, layer: number, t: number): Float32Array {
  const L = frame.layers[layer];
  return t === 0 ? L.h0 : L.h.subarray((t - 1) * frame.H, t * frame.H);
}

/** One unit's value in a [T, H] array, or at t = −1 the initial state. */
export function unitAt(frame: ProbeFrame, arr: Float32Array, init: Float32Array | null, t: number, unit: number): number {
  if (t < 0) return init ? init[unit] : 0;
  return arr[t * frame.H + unit];
}

/** Offset of gate `gate`, unit j, at time t inside a [T, G·H] array. */
export function gateOffset(frame: ProbeFrame, cell: CellKind, gate: GateName, t: number, unit: number): number {
  return (t * gateCount(cell) + gateIndex(cell, gate)) * frame.H + unit;
}

/** Row of gate `gate`, unit j in the fused weights [G·H, ·] and biases [G·H]. */
export function gateRow(frame: ProbeFrame, cell: CellKind, gate: GateName, unit: number): number {
  return gateIndex(cell, gate) * frame.H + unit;
}

/** Σ_k W[row, k] · v[k] over a row-major matrix with v.length columns (display arithmetic, in float64). */
export function rowDot(w: Float32Array, row: number, v: ArrayLike<number>): number {
  const n = v.length;
  let s = 0;
  for (let k = 0; k < n; k++) s += w[row * n + k] * v[k];
  return s;
}
