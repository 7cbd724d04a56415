/**
 * A task turns data into training batches for the engine. Every batch is time-major ([T, B, I]) and drawn
 * from an explicit seeded Rng, so the same seed gives the same data order.
 */
import type { OutputMode } from '../engine/config.ts';
import type { Rng } from '../engine/rng.ts';
import type { LossKind, TrainingBatch } from '../engine/train.ts';

export interface Task {
  readonly id: string;
  readonly loss: LossKind;
  readonly inputSize: number;
  /** Regression targets per row, or the number of classes. */
  readonly outputSize: number;
  readonly outputMode: OutputMode;
  readonly seqLen: number;
  /** Class names for classification tasks (for legends), else null. */
  readonly classes: readonly string[] | null;
  /** A fresh training batch of B sequences. */
  trainBatch(rng: Rng, B: number): TrainingBatch;
  /** A fixed held-out batch for the validation curve. */
  readonly validation: TrainingBatch;
  /** One fixed sequence (B = 1) that the panels show step by step. */
  readonly probe: TrainingBatch;
}

/** Allocates an empty batch for B sequences of T steps. */
export function emptyBatch(T: number, B: number, inputSize: number, targetSize: number, withMask = false): TrainingBatch {
  return {
    x: new Float64Array(T * B * inputSize),
    T,
    B,
    target: new Float64Array(targetSize),
    mask: withMask ? new Float64Array(targetSize).fill(1) : null,
  };
}
