import type { ActivationName } from '../../engine/activations.ts';
import type { GateName } from '../../engine/gateLayout.ts';
import type { WalkMode } from '../../store/appStore.ts';
import type { UnitState } from './unitState.ts';

/** The name on a wire: the quantity forward, ∂L/∂(quantity) backward. */
export function named(walk: WalkMode, name: string): string {
  return walk === 'forward' ? name : `∂L/∂${name}`;
}

/** The forward value or the backward one, by walk. */
export function byWalk(walk: WalkMode): <T>(forward: T, backward: T) => T {
  return (forward, backward) => (walk === 'forward' ? forward : backward);
}

/** The layer input's label: x_t when 1-wide, else its norm (‖x_t‖, or ‖h^{(l)}_t‖ above layer 1). */
export function inputName(u: UnitState): string {
  if (u.site.layer > 0) return `‖h^{(${u.site.layer})}_t‖`;
  return u.x === null ? '‖x_t‖' : 'x_t';
}

export interface DiagramProps {
  u: UnitState;
  walk: WalkMode;
  /** Translated gate names for the boxes. */
  names: Record<GateName, string>;
}

/** Activation symbols as the boxes and op circles show them. */
export const FN_SYMBOL: Record<ActivationName, string> = {
  sigmoid: 'σ',
  hardSigmoid: 'hard σ',
  tanh: 'tanh',
  softsign: 'softsign',
  relu: 'ReLU',
};
