import { describe, expect, it } from 'vitest';
import { colorLut, NON_FINITE_RGBA } from './colorLut.ts';
import { paintHeatmap } from './paintHeatmap.ts';
import { cellAt, cellIndex, gridRow, rowMajor, timeMajorBlock } from './grid.ts';
import { displayTimestep, formatValue, compactTickFormat } from './format.ts';

/** A grey ramp: table entry k is (k, k, k). */
const ramp = colorLut((t) => {
  const k = Math.round(t * 255);
  return `rgb(${k}, ${k}, ${k})`;
});

function target(w: number, h: number) {
  return { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) };
}

describe('grid layouts', () => {
  it('row-major and time-major blocks address the right element', () => {
    expect(cellIndex(rowMajor(5), 2, 3)).toBe(13);
    // [T, 4·H] with H = 3: unit 2 of block 1 at t = 4 is at 4·12 + 1·3 + 2.
    expect(cellIndex(timeMajorBlock(3, 4, 1), 2, 4)).toBe(53);
  });

  it('cellAt maps plot coordinates to cells and rejects points outside', () => {
    expect(cellAt(0, 0, 100, 50, 5, 10)).toEqual({ row: 0, col: 0 });
    expect(cellAt(99.9, 49.9, 100, 50, 5, 10)).toEqual({ row: 4, col: 9 });
    expect(cellAt(35, 21, 100, 50, 5, 10)).toEqual({ row: 2, col: 3 });
    expect(cellAt(100, 10, 100, 50, 5, 10)).toBeNull();
    expect(cellAt(-1, 10, 100, 50, 5, 10)).toBeNull();
  });

  it('gridRow copies one unit over time', () => {
    const trace = new Float32Array([0, 1, 2, 10, 11, 12]); // [T = 2, H = 3]
    expect([...gridRow(trace, timeMajorBlock(3), 1, 2)]).toEqual([1, 11]);
  });
});

describe('paintHeatmap', () => {
  it('puts unit u at pixel row u and timestep t at pixel column t, read through the layout', () => {
    const T = 3;
    const H = 2;
    const G = 2;
    // value = block·0.5 + t·0.2 + unit·0.1, laid out [T, G·H]
    const trace = new Float32Array(T * G * H);
    for (let t = 0; t < T; t++) for (let g = 0; g < G; g++) for (let u = 0; u < H; u++) trace[t * G * H + g * H + u] = g * 0.5 + t * 0.2 + u * 0.1;
    const img = target(T, H);
    paintHeatmap(img, trace, H, T, ramp, [0, 1], timeMajorBlock(H, G, 1));
    for (let u = 0; u < H; u++) {
      for (let t = 0; t < T; t++) {
        const expected = Math.min(255, Math.floor((0.5 + t * 0.2 + u * 0.1) * 256));
        const p = (u * T + t) * 4;
        expect(Math.abs(img.data[p] - expected)).toBeLessThanOrEqual(1);
        expect(img.data[p + 3]).toBe(255);
      }
    }
  });

  it('paints non-finite cells grey and clamps out-of-domain values', () => {
    const img = target(3, 1);
    paintHeatmap(img, [NaN, -5, 5], 1, 3, ramp, [0, 1]);
    expect([...img.data.subarray(0, 4)]).toEqual([...NON_FINITE_RGBA]);
    expect(img.data[4]).toBe(0);
    expect(img.data[8]).toBe(255);
  });

  it('rejects a target of the wrong size', () => {
    expect(() => paintHeatmap(target(2, 2), new Float32Array(6), 2, 3, ramp, [0, 1])).toThrow(/expected 3×2/);
  });
});

describe('format', () => {
  it('4 significant digits, e-notation for tiny values', () => {
    expect(formatValue(0.5)).toBe('0.5000');
    expect(formatValue(-1.23456)).toBe('−1.235');
    expect(formatValue(1.0224e-5)).toBe('1.022×10⁻⁵');
    expect(formatValue(-3e-21)).toBe('−3.000×10⁻²¹');
    expect(formatValue(1e6)).toBe('10⁶');
    expect(formatValue(0)).toBe('0.000');
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(-Infinity)).toBe('−∞');
    expect(displayTimestep(0)).toBe(1);
  });

  it('compact legend ticks', () => {
    expect(compactTickFormat([-2e-3, 2e-3])(2e-3)).toBe('2×10⁻³');
    expect(compactTickFormat([0, 1])(0.5)).toBe('0.5');
    expect(compactTickFormat([-1, 1])(0)).toBe('0');
  });
});
