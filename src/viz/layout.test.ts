import { describe, expect, it } from 'vitest';
import { PLOT_MARGIN, yAxisRoom } from './layout.ts';

describe('yAxisRoom', () => {
  const wanted = { left: PLOT_MARGIN.left, labelOffset: 38 };

  it('keeps the asked margin when the tick labels fit', () => {
    expect(yAxisRoom(20, wanted, true)).toEqual(wanted);
    expect(yAxisRoom(20, wanted, false)).toEqual(wanted);
  });

  it('grows the margin so the widest label and the title stay inside the svg', () => {
    // "0.00001" at 11 px is about 42 px wide, plus the tick and its gap.
    const room = yAxisRoom(48, wanted, true);
    expect(room.labelOffset).toBeGreaterThanOrEqual(48 + 4);
    expect(room.left).toBeGreaterThan(room.labelOffset);
    const bare = yAxisRoom(60, wanted, false);
    expect(bare.left).toBeGreaterThanOrEqual(60);
  });
});
