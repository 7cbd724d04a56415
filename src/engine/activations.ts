/**
 * Elementwise activations over ranges of a Float64Array, and their derivatives. Derivatives take both the
 * pre-activation and the activation so each function can use whichever is exact and cheap (σ' from σ,
 * hard-sigmoid' from the pre-activation).
 */
import type { GateActivation, RnnNonlinearity, StateActivation } from './config.ts';

export type ActivationName = GateActivation | StateActivation | RnnNonlinearity;

export function sigmoid(x: number): number {
  // Split by sign so exp never overflows.
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** MATLAB's hard-sigmoid: 0 below −2.5, 1 above 2.5, 0.2x + 0.5 between. */
export function hardSigmoid(x: number): number {
  return x <= -2.5 ? 0 : x >= 2.5 ? 1 : 0.2 * x + 0.5;
}

export function softsign(x: number): number {
  return x / (1 + Math.abs(x));
}

export function applyActivation(kind: ActivationName, src: Float64Array, dst: Float64Array, start: number, end: number): void {
  switch (kind) {
    case 'sigmoid':
      for (let i = start; i < end; i++) dst[i] = sigmoid(src[i]);
      return;
    case 'hardSigmoid':
      for (let i = start; i < end; i++) dst[i] = hardSigmoid(src[i]);
      return;
    case 'tanh':
      for (let i = start; i < end; i++) dst[i] = Math.tanh(src[i]);
      return;
    case 'softsign':
      for (let i = start; i < end; i++) dst[i] = softsign(src[i]);
      return;
    case 'relu':
      for (let i = start; i < end; i++) dst[i] = src[i] > 0 ? src[i] : 0;
      return;
  }
}

/** d act / d pre at one point, from the pre-activation x and the activation y = act(x). */
export function activationDerivative(kind: ActivationName, x: number, y: number): number {
  switch (kind) {
    case 'sigmoid':
      return y * (1 - y);
    case 'hardSigmoid':
      return x > -2.5 && x < 2.5 ? 0.2 : 0;
    case 'tanh':
      return 1 - y * y;
    case 'softsign': {
      const d = 1 + Math.abs(x);
      return 1 / (d * d);
    }
    case 'relu':
      return x > 0 ? 1 : 0;
  }
}

/** dst[i] = grad[i] · act'(pre[i]) over a range: the backward step through an activation. */
export function backpropActivation(
  kind: ActivationName,
  pre: Float64Array, act: Float64Array, grad: Float64Array, dst: Float64Array,
  start: number, end: number,
): void {
  switch (kind) {
    case 'sigmoid':
      for (let i = start; i < end; i++) dst[i] = grad[i] * act[i] * (1 - act[i]);
      return;
    case 'tanh':
      for (let i = start; i < end; i++) dst[i] = grad[i] * (1 - act[i] * act[i]);
      return;
    default:
      for (let i = start; i < end; i++) dst[i] = grad[i] * activationDerivative(kind, pre[i], act[i]);
  }
}
