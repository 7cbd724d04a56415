import { describe, expect, it } from 'vitest';
import { syntheticFrame } from '../testing/syntheticFrame.ts';
import { FrameBus, frameBytes } from './frameBus.ts';

describe('FrameBus history cursor', () => {
  it('a training step keeps naming the same snapshot while the ring thins out', () => {
    const probe = syntheticFrame('lstm', 6, 4, 1, 0);
    const bus = new FrameBus(20 * frameBytes(probe), 20);
    for (let step = 0; step <= 10; step++) bus.publish(syntheticFrame('lstm', 6, 4, 1, step));
    expect(bus.shown(6)?.step).toBe(6);
    for (let step = 11; step <= 200; step++) bus.publish(syntheticFrame('lstm', 6, 4, 1, step));
    // Only every 16th step or so is kept now: the cursor shows the kept snapshot at or before step 6.
    expect(bus.historyEvery()).toBeGreaterThan(1);
    const shown = bus.shown(6)!;
    expect(shown.step).toBeLessThanOrEqual(6);
    expect(bus.atOrBefore(6)?.frame).toBe(shown);
    expect(bus.shown(null)?.step).toBe(200);
    expect(bus.atOrBefore(-1)).toBeNull();
  });
});
