/**
 * What the buttons, the keyboard and the form do to a run's store and the trainer — one place, so a key
 * press and a click can never disagree. Every write to the cursor (timestep, layer, unit, walk, history
 * step) is one of these.
 */
import type { TrainerControls } from '../contracts/runControls.ts';
import type { UiStore } from './uiStore.ts';
import type { AppStore, Selection, WalkMode } from './appStore.ts';
import type { RunConfig } from '../contracts/runConfig.ts';
import { reconcile } from '../contracts/urlCodec.ts';

function setSelection(store: AppStore, patch: Partial<Selection>): void {
  const { selection } = store.getState();
  if ((Object.keys(patch) as (keyof Selection)[]).every((k) => selection[k] === patch[k])) return;
  store.setState({ selection: { ...selection, ...patch } });
}

/** Put the timestep cursor (0-based) at t, kept inside the T timesteps of the probe sequence. */
export function setTimestep(store: AppStore, t: number, T: number): void {
  setSelection(store, { t: Math.max(0, Math.min(T - 1, Math.round(t))) });
}

export function moveTimestep(store: AppStore, delta: number, T: number): void {
  setTimestep(store, store.getState().selection.t + delta, T);
}

/** Select timestep t and unit (0-based) together, as a click on a heatmap cell does. */
export function selectCell(store: AppStore, t: number, unit: number): void {
  setSelection(store, { t, unit });
}

export function setUnit(store: AppStore, unit: number): void {
  setSelection(store, { unit });
}

export function setLayer(store: AppStore, layer: number): void {
  setSelection(store, { layer });
}

export function setWalk(store: AppStore, walk: WalkMode): void {
  setSelection(store, { walk });
}

/** The cursor kept inside a new run's sequence and model; the history snapshots of the old run are gone. */
export function fitCursor(selection: Selection, config: Pick<RunConfig, 'seqLen' | 'numLayers' | 'hiddenSize'>): Selection {
  return {
    ...selection,
    t: Math.min(selection.t, config.seqLen - 1),
    layer: Math.min(selection.layer, config.numLayers - 1),
    unit: Math.min(selection.unit, config.hiddenSize - 1),
    historyStep: null,
  };
}

/** The cursor of `from` put on `to` (the focus moves to another racer; the view stays where it was). */
export function copyCursor(from: AppStore, to: AppStore): void {
  setSelection(to, from.getState().selection);
}

/** Show the training history at `step` (the snapshot kept at or before it); null = follow live training. */
export function setHistoryStep(store: AppStore, step: number | null): void {
  setSelection(store, { historyStep: step });
}

export function toggleShortcuts(ui: UiStore, show = !ui.getState().showShortcuts): void {
  ui.setState({ showShortcuts: show });
}

/**
 * Apply a change from the form. The client keeps optimiser settings live (weights and moments stay) and
 * restarts the run at step 0 for anything that defines a different model or data.
 */
export function changeConfig(store: AppStore, client: TrainerControls, patch: Partial<RunConfig>): void {
  client.applyConfig(reconcile({ ...store.getState().config, ...patch }).config);
}
