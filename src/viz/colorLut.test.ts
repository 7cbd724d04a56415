import { describe, expect, it } from 'vitest';
import { colorLut, lutIndex, NON_FINITE_RGBA, paletteLut, parseColor } from './colorLut.ts';

describe('parseColor', () => {
  it('reads the strings d3 interpolators return', () => {
    expect(parseColor('#ff8000')).toEqual([255, 128, 0]);
    expect(parseColor('#f80')).toEqual([255, 136, 0]);
    expect(parseColor('rgb(12, 34, 56)')).toEqual([12, 34, 56]);
    expect(() => parseColor('hsl(1, 2%, 3%)')).toThrow(/unsupported/);
  });
});

describe('colorLut', () => {
  it('samples both ends of [0, 1] into opaque RGBA entries', () => {
    const lut = colorLut((t) => `rgb(${Math.round(255 * t)}, 0, ${Math.round(255 * (1 - t))})`, 5);
    expect(lut.length).toBe(20);
    expect([...lut.subarray(0, 4)]).toEqual([0, 0, 255, 255]);
    expect([...lut.subarray(8, 12)]).toEqual([128, 0, 128, 255]);
    expect([...lut.subarray(16, 20)]).toEqual([255, 0, 0, 255]);
  });

  it('diverging is blue for negative, near-white at 0, red for positive; sequential is viridis', () => {
    const d = paletteLut('diverging');
    const n = d.length / 4;
    const [r0, , b0] = d.subarray(0, 4);
    const [r1, , b1] = d.subarray((n - 1) * 4, n * 4);
    const mid = d.subarray((n / 2) * 4, (n / 2) * 4 + 3);
    expect(b0).toBeGreaterThan(r0);
    expect(r1).toBeGreaterThan(b1);
    expect(Math.min(...mid)).toBeGreaterThan(230);
    expect([...paletteLut('sequential').subarray(0, 3)]).toEqual([68, 1, 84]);
    expect(paletteLut('diverging')).toBe(d);
  });
});

describe('lutIndex', () => {
  const n = 256;
  it('maps the domain onto the table and clamps outside it', () => {
    expect(lutIndex(0, [0, 1], n)).toBe(0);
    expect(lutIndex(1, [0, 1], n)).toBe(255);
    expect(lutIndex(0.5, [0, 1], n)).toBe(128);
    expect(lutIndex(-3, [-1, 1], n)).toBe(0);
    expect(lutIndex(7, [-1, 1], n)).toBe(255);
    expect(lutIndex(0, [-1, 1], n)).toBe(128);
  });

  it('flags non-finite values and centres an empty domain', () => {
    expect(lutIndex(NaN, [0, 1], n)).toBe(-1);
    expect(lutIndex(Infinity, [0, 1], n)).toBe(-1);
    expect(lutIndex(3, [2, 2], n)).toBe(128);
    expect(NON_FINITE_RGBA[3]).toBe(255);
  });
});
