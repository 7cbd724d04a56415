/** The curriculum, in teaching order: RNN basics → why RNNs fail → the LSTM cell → training it → variants → applications. */
import { CLASSIFICATION, FORECASTING, TEXT_MODEL } from './content/applications.ts';
import { RNN_BASICS, RNN_TROUBLE } from './content/basics.ts';
import { ACTIVATIONS, LSTM_CELL } from './content/cell.ts';
import { BPTT, GRADIENT_CHECK } from './content/training.ts';
import { FORGET_BIAS, GRU, STACKING_OUTPUT } from './content/variants.ts';
import type { Lesson } from './types.ts';

export const LESSONS: readonly Lesson[] = [
  RNN_BASICS, RNN_TROUBLE, ACTIVATIONS, LSTM_CELL, BPTT, GRADIENT_CHECK, GRU, FORGET_BIAS, STACKING_OUTPUT, FORECASTING, CLASSIFICATION, TEXT_MODEL,
];
