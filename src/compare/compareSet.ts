/**
 * What compare mode trains: one model per architecture of the set, each the run config with only `cell`
 * replaced — same task, seed (so the same data order), optimiser and lab settings.
 */
import type { CellKind } from '../engine/config.ts';
import type { CompareSet, RunConfig } from '../store/runConfig.ts';

/** The architectures of a compare set, in the set's order (empty for 'off'). */
export function compareCells(set: CompareSet): CellKind[] {
  return set === 'off' ? [] : (set.split(',') as CellKind[]);
}

/** The config one model of the race trains. */
export function modelConfig(config: RunConfig, cell: CellKind): RunConfig {
  return config.cell === cell ? config : { ...config, cell };
}

/** One colour per architecture, the same in every chart and set (Okabe–Ito, safe for colour-blind viewers). */
export const MODEL_COLOR: Record<CellKind, string> = {
  rnn: '#d55e00',
  lstm: '#0072b2',
  gru: '#009e73',
};

