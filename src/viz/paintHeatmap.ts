import { lutIndex, NON_FINITE_RGBA, type Lut } from './colorLut.ts';
import type { Domain } from './domain.ts';
import { cellIndex, rowMajor, type GridLayout } from './grid.ts';

/** What paintHeatmap writes to: an ImageData, or anything shaped like one (tests use plain objects). */
export interface PixelTarget {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * Write one pixel per cell: pixel (x = col, y = row) gets the table colour of values[layout(row, col)].
 * The caller draws the image scaled up with smoothing off, so cells stay sharp.
 */
export function paintHeatmap(
  target: PixelTarget,
  values: ArrayLike<number>,
  rows: number,
  cols: number,
  lut: Lut,
  domain: Domain,
  layout: GridLayout = rowMajor(cols),
): void {
  if (target.width !== cols || target.height !== rows) {
    throw new Error(`heatmap target is ${target.width}×${target.height}, expected ${cols}×${rows}`);
  }
  const n = lut.length >> 2;
  const px = target.data;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const k = lutIndex(values[cellIndex(layout, r, c)], domain, n);
      const p = (r * cols + c) * 4;
      if (k < 0) {
        px[p] = NON_FINITE_RGBA[0];
        px[p + 1] = NON_FINITE_RGBA[1];
        px[p + 2] = NON_FINITE_RGBA[2];
        px[p + 3] = NON_FINITE_RGBA[3];
      } else {
        const q = k * 4;
        px[p] = lut[q];
        px[p + 1] = lut[q + 1];
        px[p + 2] = lut[q + 2];
        px[p + 3] = lut[q + 3];
      }
    }
  }
}
