/**
 * Everything a run needs, built from a RunConfig alone: the same config (seed included) gives the same
 * weights, the same data order and so the same losses, bit for bit.
 */
import { makeModelConfig, type ModelConfig } from '../engine/config.ts';
import { GATE_NAMES } from '../engine/gateLayout.ts';
import { initParams, setRecurrentSpectralNorm } from '../engine/init.ts';
import { RecurrentNet } from '../engine/network.ts';
import { createOptimizer, defaultOptimizerConfig, type Optimizer, type OptimizerConfig } from '../engine/optim.ts';
import { Rng } from '../engine/rng.ts';
import type { StepOptions, TrainingBatch } from '../engine/train.ts';
import type { RunConfig } from '../contracts/runConfig.ts';
import { createGeneratedTask, isDataTask } from '../tasks/registry.ts';
import { createDataTask, type TaskData } from '../tasks/dataTasks.ts';
import type { Task } from '../tasks/task.ts';
import type { ModelSummary } from '../contracts/protocol.ts';

/** Independent random streams of a run (Rng.fork labels): adding a consumer never shifts the others. */
const RNG_STREAMS = { init: 1, data: 2, gradCheck: 3 } as const;

export interface Run {
  task: Task;
  /** Trains on batches of config.batchSize. */
  net: RecurrentNet;
  /**
   * The probe sequence (B = 1) and the validation batch have their own nets over the same ParamStore, so
   * their different batch sizes never reallocate the training workspace.
   */
  probeNet: RecurrentNet;
  evalNet: RecurrentNet;
  optimizer: Optimizer;
  /** The training-data stream. */
  data: Rng;
  summary: ModelSummary;
}

function modelConfigOf(config: RunConfig, task: Task): ModelConfig {
  return makeModelConfig({
    cell: config.cell,
    inputSize: task.inputSize,
    hiddenSize: config.hiddenSize,
    numLayers: config.numLayers,
    outputSize: task.outputSize,
    outputMode: task.outputMode,
    nonlinearity: config.nonlinearity,
    gateActivation: config.gateActivation,
    stateActivation: config.stateActivation,
    // An LSTM-only option: a URL that keeps it while switching to GRU/RNN still builds.
    peephole: config.cell === 'lstm' && config.peephole,
  });
}

/** The optimiser the config asks for; hyper-parameters the config does not expose keep PyTorch's defaults. */
export function optimizerConfigOf(config: RunConfig): OptimizerConfig {
  const { learningRate: lr, weightDecay } = config;
  switch (config.optimizer) {
    case 'sgd':
      return { ...defaultOptimizerConfig('sgd'), lr, momentum: config.momentum, weightDecay };
    case 'rmsprop':
      return { ...defaultOptimizerConfig('rmsprop'), lr, momentum: config.momentum, weightDecay };
    case 'adam':
      return { ...defaultOptimizerConfig('adam'), lr, weightDecay };
  }
}

export function stepOptionsOf(config: RunConfig, task: Task): StepOptions {
  return { loss: task.loss, clip: { mode: config.clip, value: config.clipValue }, truncate: config.truncate };
}

export function buildRun(config: RunConfig, data?: TaskData): Run {
  const task = isDataTask(config.task) ? createDataTask(config.task, config, data) : createGeneratedTask(config.task, config);
  const model = modelConfigOf(config, task);
  const net = new RecurrentNet(model);
  const params = net.params;
  const rng = new Rng(config.seed);
  initParams(params, rng.fork(RNG_STREAMS.init), { scheme: config.init, recurrent: config.recurrentInit, forgetBias: config.forgetBias });
  if (config.recurrentScale !== null) setRecurrentSpectralNorm(params, config.recurrentScale);
  return {
    task,
    net,
    probeNet: new RecurrentNet(model, params),
    evalNet: new RecurrentNet(model, params),
    optimizer: createOptimizer(optimizerConfigOf(config), params.size),
    data: rng.fork(RNG_STREAMS.data),
    summary: {
      cell: model.cell,
      inputSize: model.inputSize,
      hiddenSize: model.hiddenSize,
      numLayers: model.numLayers,
      outputSize: net.outputWidth,
      outputMode: model.outputMode,
      paramCount: params.size,
      tensors: params.specs.map((s) => ({ name: s.name, shape: [...s.shape] })),
      gates: [...GATE_NAMES[model.cell]],
      loss: task.loss,
      classes: task.classes ? [...task.classes] : null,
    },
  };
}

/**
 * The batch the gradient check runs on: one training batch of the run's size from its own seeded stream, so
 * every check of a run sees the same data (results compare across training steps) and the training data
 * order is untouched.
 */
export function gradCheckBatch(config: RunConfig, task: Task): TrainingBatch {
  return task.trainBatch(new Rng(config.seed).fork(RNG_STREAMS.gradCheck), config.batchSize);
}
