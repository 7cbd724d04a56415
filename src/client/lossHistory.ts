/**
 * The loss history in the store, appended in place: fast models add thousands of points per second, so the
 * arrays are never copied; each update wraps them in a new LossHistory object, which is what subscribers
 * compare. Long runs stay bounded: at the cap every other point is dropped and the stride doubles
 * (200,000 points ≈ 3 MB of doubles; a chart draws at most a few points per pixel anyway).
 */
import type { LossHistory } from '../contracts/runControls.ts';
import type { Progress } from '../contracts/protocol.ts';

const LOSS_HISTORY_CAP = 200_000;
const VALIDATION_CAP = 10_000;

export function emptyLossHistory(): LossHistory {
  return { train: [], time: [], stride: 1, validation: [] };
}

/** Keep the odd indices: for points at steps (k + 1)·stride these are the multiples of 2·stride. */
function halve<T>(a: T[]): void {
  let j = 0;
  for (let i = 1; i < a.length; i += 2) a[j++] = a[i];
  a.length = j;
}

export function appendProgress(h: LossHistory, p: Progress, cap = LOSS_HISTORY_CAP, validationCap = VALIDATION_CAP): LossHistory {
  const { train, time, validation } = h;
  let stride = h.stride;
  for (let k = 0; k < p.losses.length; k++) {
    if ((p.firstStep + k) % stride !== 0) continue;
    train.push(p.losses[k]);
    time.push(p.times[k]);
    if (train.length >= cap) {
      halve(train);
      halve(time);
      stride *= 2;
    }
  }
  for (const v of p.validation) {
    validation.push(v);
    if (validation.length >= validationCap) halve(validation);
  }
  return { train, time, stride, validation };
}
