import { describe, expect, it } from 'vitest';
import { makeModelConfig } from '../engine/config.ts';
import { DEFAULT_RUN_CONFIG } from '../contracts/runConfig.ts';
import { TrainerCore } from '../trainer/trainerCore.ts';
import { brokenModelFiles } from '../testing/brokenModelFiles.ts';
import { checkFit, generatedTaskSizes, importedRunConfig, importResume } from './fit.ts';
import { modelToSafetensors } from './modelFile.ts';
import { readFileBytes } from './modelReader.ts';
import { encodeSession } from './sessionFile.ts';

describe('reading a dropped file', () => {
  it('tells a model from a session', () => {
    const model = makeModelConfig({ cell: 'gru', inputSize: 2, hiddenSize: 4, outputSize: 1 });
    const weights = Float64Array.from({ length: 3 * 4 * (2 + 4 + 2) + 5 }, (_, i) => Math.sin(i));
    const read = readFileBytes(modelToSafetensors(model, weights), 'tanh');
    expect(read.kind).toBe('model');
    if (read.kind === 'model') expect(read.weights).toEqual(weights);

    const core = new TrainerCore(() => 0);
    core.handle({ type: 'init', runId: 1, config: DEFAULT_RUN_CONFIG });
    const out = core.handle({ type: 'snapshot', runId: 1, requestId: 1 });
    const snapshot = out.find((m) => m.type === 'snapshot')!;
    if (snapshot.type !== 'snapshot') throw new Error('no snapshot');
    const text = encodeSession({ config: DEFAULT_RUN_CONFIG, snapshot: snapshot.snapshot, loss: { train: [], time: [], stride: 1, validation: [] }, data: null, savedAt: 0 });
    const session = readFileBytes(new TextEncoder().encode(text), 'tanh');
    expect(session.kind).toBe('session');
  });

  it('gives every broken file its message', () => {
    for (const f of brokenModelFiles()) expect(() => readFileBytes(f.bytes, 'tanh'), f.name).toThrow(f.message);
  });
});

describe('fitting a model to the task', () => {
  const sizes = generatedTaskSizes(DEFAULT_RUN_CONFIG);

  it('knows the generated tasks’ sizes', () => {
    expect(sizes.sine).toEqual({ inputSize: 1, outputSize: 1 });
    expect(sizes.adding).toEqual({ inputSize: 2, outputSize: 1 });
    expect(sizes.temporalOrder).toEqual({ inputSize: 6, outputSize: 4 });
  });

  it('a model that fits needs no offer', () => {
    const model = makeModelConfig({ cell: 'lstm', inputSize: 1, hiddenSize: 8, outputSize: 1 });
    expect(checkFit(model, sizes.sine, sizes, 'sine')).toEqual({ fits: true, input: { model: 1, task: 1 }, output: { model: 1, task: 1 }, offers: [] });
  });

  it('a wrong input size offers the tasks with that input size', () => {
    const model = makeModelConfig({ cell: 'lstm', inputSize: 2, hiddenSize: 8, outputSize: 1 });
    const fit = checkFit(model, sizes.sine, sizes, 'sine');
    expect(fit.fits).toBe(false);
    expect(fit.input).toEqual({ model: 2, task: 1 });
    expect(fit.offers).toEqual([{ kind: 'task', task: 'adding', newHead: false }]);
  });

  it('a wrong output size offers a new head first, then tasks with the same input', () => {
    const model = makeModelConfig({ cell: 'rnn', inputSize: 1, hiddenSize: 8, outputSize: 3 });
    const fit = checkFit(model, sizes.sine, sizes, 'sine');
    expect(fit.output).toEqual({ model: 3, task: 1 });
    expect(fit.offers).toEqual([{ kind: 'newHead' }, { kind: 'task', task: 'frequency', newHead: false }]);
    const noHead = makeModelConfig({ cell: 'rnn', inputSize: 1, hiddenSize: 8, outputSize: null });
    expect(checkFit(noHead, sizes.sine, sizes, 'sine').offers[0]).toEqual({ kind: 'newHead' });
  });

  it('the run takes the model’s architecture and, with a new head, leaves the head to its initialisation', () => {
    const model = makeModelConfig({ cell: 'rnn', inputSize: 1, hiddenSize: 5, numLayers: 2, outputSize: 3, nonlinearity: 'relu' });
    const config = importedRunConfig({ ...DEFAULT_RUN_CONFIG, compare: 'rnn,lstm', gateActivation: 'hardSigmoid' }, model);
    expect(config).toMatchObject({ cell: 'rnn', hiddenSize: 5, numLayers: 2, nonlinearity: 'relu', gateActivation: 'sigmoid', compare: 'off', task: 'sine' });
    const resume = importResume(model, new Float64Array(5 * 1 + 5 * 5 + 10 + 5 * 5 + 5 * 5 + 10 + 3 * 5 + 3), true);
    expect(Object.keys(resume.weights)).toEqual(['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0', 'weight_ih_l1', 'weight_hh_l1', 'bias_ih_l1', 'bias_hh_l1']);
  });
});
