/**
 * Where cell (row, col) of a heatmap lives in a flat array. Traces are time-major [T, blocks·H]; a heatmap
 * shows units down and timesteps across, so a layout maps (unit, t) into such an array without copying.
 */

export interface GridLayout {
  offset: number;
  rowStride: number;
  colStride: number;
}

/** A plain row-major [rows, cols] array. */
export function rowMajor(cols: number): GridLayout {
  return { offset: 0, rowStride: cols, colStride: 1 };
}

/** Block `block` (e.g. gateIndex(cell, 'f')) of a time-major [T, blocks·H] trace as an H × T grid. */
export function timeMajorBlock(H: number, blocks = 1, block = 0): GridLayout {
  return { offset: block * H, rowStride: 1, colStride: blocks * H };
}

export function cellIndex(layout: GridLayout, row: number, col: number): number {
  return layout.offset + row * layout.rowStride + col * layout.colStride;
}

/** The cell under a point of a w × h plot of rows × cols cells, or null outside it. */
export function cellAt(x: number, y: number, w: number, h: number, rows: number, cols: number): { row: number; col: number } | null {
  if (!(x >= 0 && y >= 0 && x < w && y < h) || rows < 1 || cols < 1) return null;
  return { row: Math.min(rows - 1, Math.floor((y / h) * rows)), col: Math.min(cols - 1, Math.floor((x / w) * cols)) };
}

/** One row of a grid (a unit over time), copied out. */
export function gridRow(values: ArrayLike<number>, layout: GridLayout, row: number, cols: number, out = new Float32Array(cols)): Float32Array {
  for (let c = 0; c < cols; c++) out[c] = values[cellIndex(layout, row, c)];
  return out;
}
