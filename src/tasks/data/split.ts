/**
 * Chronological split of a series: train, then an optional validation tail of the training part, then test.
 * Never shuffled across a boundary, so the model is always judged on a future it has not seen.
 */

export interface SplitOptions {
  /** Share of rows before the test part (default 0.7, a common textbook split). */
  trainFraction: number;
  /** Share of that part kept back, at its end, for validation (default 0). */
  validationFraction: number;
}

export const DEFAULT_SPLIT: SplitOptions = { trainFraction: 0.7, validationFraction: 0 };

/** Row ranges: train [0, trainEnd), validation [trainEnd, testStart), test [testStart, rows). */
export interface ChronoSplit {
  rows: number;
  trainEnd: number;
  /** Where the test part begins: the line the UI draws on the series. */
  testStart: number;
}

export function chronologicalSplit(rows: number, options: Partial<SplitOptions> = {}): ChronoSplit {
  const { trainFraction, validationFraction } = { ...DEFAULT_SPLIT, ...options };
  if (!(trainFraction > 0 && trainFraction < 1)) throw new RangeError(`trainFraction must be in (0, 1), got ${trainFraction}`);
  if (!(validationFraction >= 0 && validationFraction < 1)) throw new RangeError(`validationFraction must be in [0, 1), got ${validationFraction}`);
  const testStart = Math.floor(rows * trainFraction);
  const trainEnd = testStart - Math.round(testStart * validationFraction);
  return { rows, trainEnd, testStart };
}
