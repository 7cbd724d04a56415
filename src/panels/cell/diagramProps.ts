import type { ActivationName } from '../../engine/activations.ts';
import type { GateName } from '../../engine/gateLayout.ts';
import type { WalkMode } from '../../store/appStore.ts';
import type { UnitState } from './unitState.ts';

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
