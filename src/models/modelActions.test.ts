import { afterEach, describe, expect, it } from 'vitest';
import type { RunStart, TrainerControls } from '../contracts/runControls.ts';
import { makeModelConfig } from '../engine/config.ts';
import { ParamStore } from '../engine/params.ts';
import { createAppStore } from '../store/appStore.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import { setUserCsv } from '../tasks/userData.ts';
import { acceptOffer, openReadResult } from './modelActions.ts';
import { modelUi } from './modelUi.ts';
import type { SavedSession } from './sessionFile.ts';

function fakeClient(): TrainerControls & { started: [RunConfig, RunStart][] } {
  const started: [RunConfig, RunStart][] = [];
  const noop = () => undefined;
  return {
    started,
    start: noop, play: noop, pause: noop, toggle: noop, step: noop, reset: noop, setHyper: noop, setSpeed: noop, applyConfig: noop, gradCheck: noop,
    startFrom: (config, from) => void started.push([config, from]),
  };
}

const SINE_SUMMARY = { cell: 'lstm', inputSize: 1, hiddenSize: 12, numLayers: 1, outputSize: 1, outputMode: 'sequence', paramCount: 0, tensors: [], gates: [], loss: 'mse', classes: null } as const;

function setup() {
  const store = createAppStore({ summary: { ...SINE_SUMMARY, tensors: [], gates: [] } });
  return { store, client: fakeClient() };
}

afterEach(() => {
  modelUi.setState({ message: null, pending: null, weightRuns: [] });
  setUserCsv(null);
});

describe('opening files on the page', () => {
  it('a model that fits becomes the run at step 0, with its architecture', () => {
    const { store, client } = setup();
    const model = makeModelConfig({ cell: 'gru', inputSize: 1, hiddenSize: 5, outputSize: 1 });
    const weights = new Float64Array(new ParamStore(model).size).fill(0.25);
    openReadResult(store, client, 'm.json', { kind: 'model', model, weights, prefix: 'gru.', headPrefix: 'fc.' });
    expect(client.started).toHaveLength(1);
    const [config, from] = client.started[0];
    expect(config).toMatchObject({ task: 'sine', cell: 'gru', hiddenSize: 5, numLayers: 1 });
    expect(from.resume.state).toBeUndefined();
    expect(Object.keys(from.resume.weights)).toContain('head.weight');
    expect(modelUi.getState().message).toMatchObject({ kind: 'info', key: 'models.opened' });
  });

  it('a model that does not fit waits for the user, and the chosen offer opens it', () => {
    const { store, client } = setup();
    const model = makeModelConfig({ cell: 'lstm', inputSize: 1, hiddenSize: 4, outputSize: 3 });
    const weights = new Float64Array(new ParamStore(model).size);
    openReadResult(store, client, 'three.json', { kind: 'model', model, weights, prefix: 'lstm.', headPrefix: 'fc.' });
    expect(client.started).toHaveLength(0);
    const pending = modelUi.getState().pending!;
    expect(pending.fit.offers[0]).toEqual({ kind: 'newHead' });
    acceptOffer(store, client, { kind: 'task', task: 'frequency', newHead: false });
    expect(client.started[0][0]).toMatchObject({ task: 'frequency', hiddenSize: 4 });
    expect(Object.keys(client.started[0][1].resume.weights)).toContain('head.bias');
    expect(modelUi.getState().pending).toBeNull();
  });

  it('a session trained on a CSV that is not here asks for the file and starts nothing', () => {
    const { store, client } = setup();
    const session = {
      config: { ...DEFAULT_RUN_CONFIG, task: 'csv' },
      snapshot: { model: makeModelConfig({ cell: 'lstm', inputSize: 1, hiddenSize: 12, outputSize: 1 }), weights: new Float64Array(0), step: 3, optimizer: { config: { kind: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 }, stepCount: 3, buffers: {} }, dataRng: [1, 0, 0, 0, 0, 0, 0], elapsedMs: 0 },
      loss: { train: [], time: [], stride: 1, validation: [] },
      data: { kind: 'fingerprint', fingerprint: { name: 'sales.csv', rows: 500, columns: ['month', 'sales'], hash: 'abcd1234' } },
      savedAt: 0,
    } as SavedSession;
    openReadResult(store, client, 's.json', { kind: 'session', session });
    expect(client.started).toHaveLength(0);
    expect(modelUi.getState().message).toEqual({ kind: 'error', key: 'models.sessionNeedsData', vars: { file: 'sales.csv', rows: 500, columns: 'month, sales' } });
  });
});
