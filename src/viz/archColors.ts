/**
 * The one table of architecture colours. Every chart that tells RNN, LSTM and GRU apart takes its colour from
 * here (the race, the compare decay chart, the single-run loss and decay charts, their legends), so a
 * vanilla RNN is the same vermillion wherever it appears. Okabe–Ito colours: distinguishable with colour-blindness.
 */
import type { CellKind } from '../engine/config.ts';

export const ARCH_COLOR: Readonly<Record<CellKind, string>> = {
  rnn: '#d55e00',
  lstm: '#0072b2',
  gru: '#009e73',
};

/** Colours of the values of one setting raced on one architecture, in order (the rest of the Okabe–Ito palette). */
const SETTING_COLORS = ['#0072b2', '#e69f00', '#cc79a7'] as const;

/** A chart colour that is no architecture's (a validation curve beside an architecture-coloured training curve). */
export const NEUTRAL_SERIES_COLOR = '#6a3d9a';

export function archColor(cell: CellKind): string {
  return ARCH_COLOR[cell];
}

/** A racer's colour: its architecture's in an architecture race, else its place among the setting's values. */
export function racerColor(racer: { cell: CellKind; index: number; variant: { setting: object | null } }): string {
  return racer.variant.setting ? SETTING_COLORS[racer.index % SETTING_COLORS.length] : archColor(racer.cell);
}

const channels = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const toHex = (c: readonly number[]): string => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/**
 * One colour per layer, all of the architecture's hue: layer 1 the architecture colour itself, deeper layers
 * alternately darker and lighter, so a layered run never borrows another architecture's colour.
 */
export function archLayerColors(cell: CellKind, layers: number): string[] {
  const base = channels(ARCH_COLOR[cell]);
  const steps = [0, -0.45, 0.45, -0.7];
  return Array.from({ length: Math.max(1, layers) }, (_, l) => {
    const s = steps[l % steps.length];
    return toHex(base.map((v) => (s < 0 ? v * (1 + s) : v + (255 - v) * s)));
  });
}
