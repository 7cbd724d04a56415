import { describe, expect, it } from 'vitest';
import { ARCH_COLOR, archColor, archLayerColors, racerColor } from './archColors.ts';

describe('architecture colours', () => {
  it('gives every architecture its own colour', () => {
    expect(new Set(Object.values(ARCH_COLOR)).size).toBe(3);
    expect(archColor('rnn')).toBe(ARCH_COLOR.rnn);
  });

  it('colours an architecture racer by its architecture, a setting racer by its place', () => {
    expect(racerColor({ cell: 'rnn', index: 1, variant: { setting: null } })).toBe(ARCH_COLOR.rnn);
    expect(racerColor({ cell: 'gru', index: 0, variant: { setting: null } })).toBe(ARCH_COLOR.gru);
    const settings = [0, 1, 2].map((index) => racerColor({ cell: 'lstm', index, variant: { setting: { field: 'forgetBias', value: String(index) } } }));
    expect(new Set(settings).size).toBe(3);
  });

  it('starts the layers at the architecture colour and keeps them distinct and off the other architectures', () => {
    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      const layers = archLayerColors(cell, 4);
      expect(layers[0]).toBe(ARCH_COLOR[cell]);
      expect(new Set(layers).size).toBe(4);
      const others = Object.entries(ARCH_COLOR).filter(([k]) => k !== cell).map(([, c]) => c);
      for (const c of layers) expect(others).not.toContain(c);
    }
  });
});
