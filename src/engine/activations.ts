/**
 * The scalar activations and their derivatives. Derivatives take both the pre-activation and the activation
 * so each can use whichever is exact and cheap (σ' from σ, hard-sigmoid' from the pre-activation).
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

export function relu(x: number): number {
  return x > 0 ? x : 0;
}

/** The scalar function behind each activation name (the engine's cells and the cell diagram share it). */
export const ACTIVATION_FUNCTIONS: Readonly<Record<ActivationName, (x: number) => number>> = {
  sigmoid,
  hardSigmoid,
  tanh: Math.tanh,
  softsign,
  relu,
};

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
