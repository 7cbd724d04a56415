import { describe, expect, it } from 'vitest';
import type { TrainerControls } from '../contracts/runControls.ts';
import { createAppStore } from './appStore.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import { changeConfig, moveTimestep, setTimestep } from './actions.ts';

function fakeClient(): TrainerControls & { applied: RunConfig[] } {
  const applied: RunConfig[] = [];
  const none = (): void => undefined;
  return { applied, start: none, play: none, pause: none, toggle: none, step: none, reset: none, setHyper: none, setSpeed: none, gradCheck: none, applyConfig: (c) => applied.push(c) };
}

describe('control actions', () => {
  it('keeps the timestep cursor inside the sequence', () => {
    const store = createAppStore();
    setTimestep(store, 7, 40);
    expect(store.getState().selection.t).toBe(7);
    moveTimestep(store, 100, 40);
    expect(store.getState().selection.t).toBe(39);
    moveTimestep(store, -100, 40);
    expect(store.getState().selection.t).toBe(0);
  });

  it('hands the whole next config to the client, fixing what cannot go together', () => {
    const store = createAppStore({ config: { ...DEFAULT_RUN_CONFIG, peephole: true } });
    const client = fakeClient();
    changeConfig(store, client, { cell: 'gru' });
    expect(client.applied).toEqual([{ ...DEFAULT_RUN_CONFIG, cell: 'gru', peephole: false }]);
  });
});
