/**
 * What the buttons, the keyboard and the form do to the store and the trainer — one place, so a key press and
 * a click can never disagree.
 */
import type { TrainerControls } from '../app/clientContext.ts';
import type { AppStore } from '../store/appStore.ts';
import type { RunConfig } from '../store/runConfig.ts';
import { reconcile } from '../store/urlCodec.ts';

/** Put the timestep cursor (0-based) at t, kept inside the T timesteps of the probe sequence. */
export function setTimestep(store: AppStore, t: number, T: number): void {
  const clamped = Math.max(0, Math.min(T - 1, Math.round(t)));
  const { selection } = store.getState();
  if (clamped !== selection.t) store.setState({ selection: { ...selection, t: clamped } });
}

export function moveTimestep(store: AppStore, delta: number, T: number): void {
  setTimestep(store, store.getState().selection.t + delta, T);
}

/** Index into the training-history ring; null = follow live training. */
export function setHistoryIndex(store: AppStore, index: number | null): void {
  const { selection } = store.getState();
  if (index !== selection.historyIndex) store.setState({ selection: { ...selection, historyIndex: index } });
}

export function toggleShortcuts(store: AppStore, show = !store.getState().showShortcuts): void {
  store.setState({ showShortcuts: show });
}

/**
 * Apply a change from the form. The client keeps optimiser settings live (weights and moments stay) and
 * restarts the run at step 0 for anything that defines a different model or data.
 */
export function changeConfig(store: AppStore, client: TrainerControls, patch: Partial<RunConfig>): void {
  client.applyConfig(reconcile({ ...store.getState().config, ...patch }).config);
}
