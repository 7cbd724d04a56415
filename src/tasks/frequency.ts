/**
 * Sequence classification: which of K frequencies does a noisy wave have? Many-to-one with softmax
 * cross-entropy — the shape of fault diagnosis from sensor readings (a window of readings → a label).
 */
import { Rng } from '../engine/rng.ts';
import { emptyBatch, type Task } from './task.ts';

export interface FrequencyOptions {
  seqLen: number;
  frequencies: readonly number[];
  noise: number;
}

export const DEFAULT_FREQUENCY: FrequencyOptions = { seqLen: 24, frequencies: [0.2, 0.5, 0.9], noise: 0.2 };

function fill(o: FrequencyOptions, rng: Rng, B: number) {
  const T = o.seqLen;
  const batch = emptyBatch(T, B, 1, B);
  for (let b = 0; b < B; b++) {
    const k = rng.int(o.frequencies.length);
    const ph = rng.uniform(0, 2 * Math.PI);
    for (let t = 0; t < T; t++) batch.x[t * B + b] = Math.sin(o.frequencies[k] * t + ph) + o.noise * rng.normal();
    batch.target[b] = k;
  }
  return batch;
}

export function frequencyTask(options: Partial<FrequencyOptions> = {}): Task {
  const o = { ...DEFAULT_FREQUENCY, ...options };
  return {
    id: 'frequency',
    loss: 'crossEntropy',
    inputSize: 1,
    outputSize: o.frequencies.length,
    outputMode: 'last',
    seqLen: o.seqLen,
    classes: o.frequencies.map((f) => `ω=${f}`),
    trainBatch: (rng, B) => fill(o, rng, B),
    validation: fill(o, new Rng(0x5eed), 96),
    probe: fill(o, new Rng(2), 1),
  };
}
