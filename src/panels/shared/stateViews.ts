/**
 * What the state panel draws: the states (c only for LSTM, h always) or, in the backward walk, their
 * gradients; the units plotted as lines; and pure helpers for picking those units.
 */
import { schemeTableau10 } from 'd3-scale-chromatic';
import type { LayerFrame } from '../../contracts/protocol.ts';
import { logDomain, seriesSymmetricDomain, symmetricDomainOf } from '../../viz/domain.ts';
import { gridRow, timeMajorBlock } from '../../viz/grid.ts';
import type { GridView } from '../../viz/Heatmap.tsx';
import type { LineData } from '../../viz/LineChart.tsx';

export type StateName = 'c' | 'h';

/** At most this many units are plotted as lines: the selected one and up to three others. */
export const MAX_LINES = 4;

export function stateNames(hasCell: boolean): StateName[] {
  return hasCell ? ['c', 'h'] : ['h'];
}

function trace(layer: LayerFrame, name: StateName, gradient: boolean): Float32Array | null {
  if (name === 'c') return gradient ? layer.dc : layer.c;
  return gradient ? layer.dh : layer.h;
}

/**
 * H × T view of c_t / h_t (colour half-width at least 1, so states in [−1, 1] keep a fixed scale) or of their
 * gradients (symmetric from the data).
 */
export function stateView(layer: LayerFrame, name: StateName, H: number, gradient: boolean): GridView | null {
  const values = trace(layer, name, gradient);
  return values ? { values, layout: timeMajorBlock(H), domain: symmetricDomainOf(values, gradient ? 0 : 1) } : null;
}

/** Series for each unit × state, in the order of `lineSeriesKeys`. */
export function unitLines(layer: LayerFrame, names: readonly StateName[], units: readonly number[], T: number, H: number, gradient: boolean): LineData {
  const values: Float32Array[] = [];
  for (const u of units) {
    for (const name of names) {
      const src = trace(layer, name, gradient);
      values.push(src ? gridRow(src, timeMajorBlock(H), u, T) : new Float32Array(T).fill(NaN));
    }
  }
  return { values, domain: seriesSymmetricDomain(values, gradient ? 0 : 1) };
}

/** Per-timestep gradient norms ‖∂L/∂c_t‖ (LSTM) and ‖∂L/∂h_t‖ on a log axis. */
export function normLines(layer: LayerFrame, names: readonly StateName[]): LineData {
  const values = names.map((n) => (n === 'c' ? layer.dcNorm : layer.dhNorm) ?? new Float32Array(layer.dhNorm.length).fill(NaN));
  return { values, domain: logDomain(values) ?? [1e-3, 1] };
}

/** The plotted units: the selected one first, then the pinned ones that exist and differ from it. */
export function plottedUnits(selected: number, pinned: readonly number[], H: number): number[] {
  const out = [Math.min(selected, H - 1)];
  for (const u of pinned) if (u < H && !out.includes(u) && out.length < MAX_LINES) out.push(u);
  return out;
}

/** Pin or unpin a unit (unpinned first when full: the oldest pin gives way). */
export function togglePin(pinned: readonly number[], unit: number): number[] {
  if (pinned.includes(unit)) return pinned.filter((u) => u !== unit);
  return [...pinned, unit].slice(-(MAX_LINES - 1));
}

/** Tableau 10 without its light grey, which is hard to see on white. */
const UNIT_COLORS = schemeTableau10.filter((c) => c.toLowerCase() !== '#bab0ab');

/** A unit keeps its colour whichever units are plotted with it. */
export function unitColor(unit: number): string {
  return UNIT_COLORS[unit % UNIT_COLORS.length];
}
