/**
 * The loss of a model that has learnt nothing on a K-class task: predicting every class with probability 1/K
 * gives a cross-entropy of ln K. A classification loss above this line is worse than guessing.
 */
import type { ModelSummary } from '../../contracts/protocol.ts';

export interface ChanceLevel {
  classes: number;
  value: number;
}

/** ln K for a cross-entropy task with K ≥ 2 classes (the head's width: the classes, or the vocabulary); else null. */
export function chanceLevel(summary: Pick<ModelSummary, 'loss' | 'outputSize'> | null): ChanceLevel | null {
  if (!summary || summary.loss !== 'crossEntropy' || summary.outputSize < 2) return null;
  return { classes: summary.outputSize, value: Math.log(summary.outputSize) };
}
