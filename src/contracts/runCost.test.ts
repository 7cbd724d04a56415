import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_CONFIG, type RunConfig } from './runConfig.ts';
import { parseUrl } from './urlCodec.ts';
import { estimateRunCost, lowerToFit, loweredFields, overBudget } from './runCost.ts';

const HUGE = parseUrl('?task=tangHans&vocab=3000&seq=200&batch=256&hidden=128&layers=4&cmp=rnn,lstm,gru').config;

describe('run cost', () => {
  it('the first-load demo is far inside the budget', () => {
    const c = estimateRunCost(DEFAULT_RUN_CONFIG);
    expect(overBudget(c)).toBe(false);
    expect(c.bytes).toBeLessThan(50e6);
  });

  it('the large Tang-poem race is gigabytes and minutes per step, times three racers', () => {
    expect(HUGE.maxSymbols).toBe(3000);
    const c = estimateRunCost(HUGE);
    expect(c.models).toBe(3);
    expect(c.bytes).toBeGreaterThan(5e9);
    expect(c.secondsPerStep).toBeGreaterThan(10);
    expect(overBudget(c)).toBe(true);
    const single: RunConfig = { ...HUGE, compare: 'off' };
    expect(estimateRunCost(single).bytes).toBeLessThan(c.bytes / 2);
  });

  it('offers a smaller config that fits, changing only sizes', () => {
    const lowered = lowerToFit(HUGE)!;
    expect(lowered).not.toBeNull();
    expect(overBudget(estimateRunCost(lowered))).toBe(false);
    expect({ ...lowered, batchSize: 0, seqLen: 0, maxSymbols: 0, hiddenSize: 0, numLayers: 0 }).toEqual({ ...HUGE, batchSize: 0, seqLen: 0, maxSymbols: 0, hiddenSize: 0, numLayers: 0 });
    expect(loweredFields(HUGE, lowered).length).toBeGreaterThan(0);
  });
});
