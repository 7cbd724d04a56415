/**
 * Sine-wave forecasting, the first-load demo: from x_1..x_t predict x_{t+1}. Many-to-many by default, so the
 * predictions panel shows the whole forecast curve; many-to-one predicts only the value after the window.
 */
import type { OutputMode } from '../engine/config.ts';
import { Rng } from '../engine/rng.ts';
import { emptyBatch, type Task } from './task.ts';

export interface SineOptions {
  seqLen: number;
  outputMode: OutputMode;
  /** Angular step per timestep is drawn from [minFreq, maxFreq] radians. */
  minFreq: number;
  maxFreq: number;
  noise: number;
}

export const DEFAULT_SINE: SineOptions = { seqLen: 40, outputMode: 'sequence', minFreq: 0.15, maxFreq: 0.45, noise: 0 };

function fillSine(o: SineOptions, rng: Rng, B: number, freq?: number, phase?: number) {
  const T = o.seqLen;
  const rows = o.outputMode === 'last' ? B : T * B;
  const batch = emptyBatch(T, B, 1, rows);
  for (let b = 0; b < B; b++) {
    const w = freq ?? rng.uniform(o.minFreq, o.maxFreq);
    const ph = phase ?? rng.uniform(0, 2 * Math.PI);
    const value = (t: number): number => Math.sin(w * t + ph) + (o.noise > 0 ? o.noise * rng.normal() : 0);
    let next = value(0);
    for (let t = 0; t < T; t++) {
      const cur = next;
      next = value(t + 1);
      batch.x[t * B + b] = cur;
      if (o.outputMode === 'sequence') batch.target[t * B + b] = next;
      else if (t === T - 1) batch.target[b] = next;
    }
  }
  return batch;
}

export function sineTask(options: Partial<SineOptions> = {}): Task {
  const o = { ...DEFAULT_SINE, ...options };
  return {
    id: 'sine',
    loss: 'mse',
    inputSize: 1,
    outputSize: 1,
    outputMode: o.outputMode,
    seqLen: o.seqLen,
    classes: null,
    trainBatch: (rng, B) => fillSine(o, rng, B),
    validation: fillSine(o, new Rng(0x5eed), 64),
    probe: fillSine({ ...o, noise: 0 }, new Rng(1), 1, (o.minFreq + o.maxFreq) / 2, 0.3),
  };
}
