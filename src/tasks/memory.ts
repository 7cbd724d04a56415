/**
 * Long-range memory benchmarks from the LSTM literature (Hochreiter & Schmidhuber 1997): the information the
 * answer needs sits many steps before the answer is asked for, so only a gradient that survives T steps can
 * learn them. All are many-to-one.
 */
import { Rng } from '../engine/rng.ts';
import { emptyBatch, type Task } from './task.ts';

export type MemoryTaskId = 'adding' | 'firstSymbol' | 'temporalOrder';

/** Adding problem: inputs (value, marker); target = sum of the two marked values (one in each half). */
function addingBatch(T: number, rng: Rng, B: number) {
  const batch = emptyBatch(T, B, 2, B);
  const half = Math.max(1, Math.floor(T / 2));
  for (let b = 0; b < B; b++) {
    const first = rng.int(half);
    const second = half + rng.int(T - half);
    let sum = 0;
    for (let t = 0; t < T; t++) {
      const v = rng.next();
      const marked = t === first || t === second;
      batch.x[(t * B + b) * 2] = v;
      batch.x[(t * B + b) * 2 + 1] = marked ? 1 : 0;
      if (marked) sum += v;
    }
    batch.target[b] = sum;
  }
  return batch;
}

const SYMBOLS = 4;

/** Remember the first symbol: a one-hot symbol at t = 0, then distractor noise; answer its class at the end. */
function firstSymbolBatch(T: number, rng: Rng, B: number) {
  const I = SYMBOLS + 1; // the symbols plus a distractor channel
  const batch = emptyBatch(T, B, I, B);
  for (let b = 0; b < B; b++) {
    const k = rng.int(SYMBOLS);
    batch.x[b * I + k] = 1;
    for (let t = 1; t < T; t++) batch.x[(t * B + b) * I + SYMBOLS] = rng.uniform(-1, 1);
    batch.target[b] = k;
  }
  return batch;
}

/**
 * Temporal order: distractor symbols a–d everywhere except two positions (one in the first fifth of the
 * sequence, one in the middle) holding X or Y; the class is the order XX, XY, YX or YY.
 */
function temporalOrderBatch(T: number, rng: Rng, B: number) {
  const I = 6; // a, b, c, d, X, Y
  const batch = emptyBatch(T, B, I, B);
  const early = Math.max(1, Math.floor(T / 5));
  for (let b = 0; b < B; b++) {
    const p1 = rng.int(early);
    const p2 = Math.min(T - 1, Math.floor(T / 2) + rng.int(early));
    const s1 = rng.int(2);
    const s2 = rng.int(2);
    for (let t = 0; t < T; t++) {
      const sym = t === p1 ? 4 + s1 : t === p2 ? 4 + s2 : rng.int(4);
      batch.x[(t * B + b) * I + sym] = 1;
    }
    batch.target[b] = s1 * 2 + s2;
  }
  return batch;
}

const SPECS = {
  adding: { loss: 'mse', inputSize: 2, outputSize: 1, classes: null, fill: addingBatch },
  firstSymbol: { loss: 'crossEntropy', inputSize: SYMBOLS + 1, outputSize: SYMBOLS, classes: ['A', 'B', 'C', 'D'], fill: firstSymbolBatch },
  temporalOrder: { loss: 'crossEntropy', inputSize: 6, outputSize: 4, classes: ['XX', 'XY', 'YX', 'YY'], fill: temporalOrderBatch },
} as const;

/** The loss of always answering the best constant: what "near chance" means for each task. */
export function chanceLoss(id: MemoryTaskId): number {
  // Adding: the target (sum of two U(0,1)) has variance 1/6; classification: ln(classes).
  return id === 'adding' ? 1 / 6 : Math.log(SPECS[id].outputSize);
}

export function memoryTask(id: MemoryTaskId, seqLen: number): Task {
  const s = SPECS[id];
  return {
    id,
    loss: s.loss,
    inputSize: s.inputSize,
    outputSize: s.outputSize,
    outputMode: 'last',
    seqLen,
    classes: s.classes,
    trainBatch: (rng, B) => s.fill(seqLen, rng, B),
    validation: s.fill(seqLen, new Rng(0x5eed), 128),
    probe: s.fill(seqLen, new Rng(3), 1),
  };
}
