/**
 * Does an opened model fit the page's task? Its input size must be the task's, its head must give the task's
 * outputs. When it does not, say which size is off and offer what fits — a generated task with that input
 * size, or a new head of the right size — never a silent reshape.
 */
import { DEFAULT_MODEL_CONFIG, type ModelConfig } from '../engine/config.ts';
import type { RunConfig } from '../contracts/runConfig.ts';
import { GENERATED_TASKS, type GeneratedTaskId } from '../tasks/registry.ts';
import type { RunResume } from '../contracts/protocol.ts';
import { weightsByName } from '../trainer/resume.ts';
import { ParamStore } from '../engine/params.ts';

export interface TaskSizes {
  inputSize: number;
  outputSize: number;
}

/** A way to open the model after all: switch to a task (keeping or replacing the head), or keep the task with a new head. */
export type FitOffer = { kind: 'task'; task: GeneratedTaskId; newHead: boolean } | { kind: 'newHead' };

export interface FitReport {
  fits: boolean;
  input: { model: number; task: number };
  /** The model's output width (null: no head) against the task's. */
  output: { model: number | null; task: number };
  offers: FitOffer[];
}

/** Input and output sizes of every generated task (they do not depend on the window length). */
export function generatedTaskSizes(config: RunConfig): Record<GeneratedTaskId, TaskSizes> {
  const out = {} as Record<GeneratedTaskId, TaskSizes>;
  for (const [id, make] of Object.entries(GENERATED_TASKS) as [GeneratedTaskId, (c: RunConfig) => { inputSize: number; outputSize: number }][]) {
    const t = make({ ...config, seqLen: Math.max(2, Math.min(config.seqLen, 10)) });
    out[id] = { inputSize: t.inputSize, outputSize: t.outputSize };
  }
  return out;
}

export function checkFit(model: ModelConfig, task: TaskSizes, others: Record<GeneratedTaskId, TaskSizes>, current: string): FitReport {
  const inputFits = model.inputSize === task.inputSize;
  const outputFits = model.outputSize === task.outputSize;
  const offers: FitOffer[] = [];
  if (!(inputFits && outputFits)) {
    for (const [id, sizes] of Object.entries(others) as [GeneratedTaskId, TaskSizes][]) {
      if (id === current || sizes.inputSize !== model.inputSize) continue;
      offers.push({ kind: 'task', task: id, newHead: model.outputSize !== sizes.outputSize });
    }
    // Tasks where the whole model fits come first.
    offers.sort((a, b) => Number(a.kind === 'task' && a.newHead) - Number(b.kind === 'task' && b.newHead));
    if (inputFits) offers.unshift({ kind: 'newHead' });
  }
  return { fits: inputFits && outputFits, input: { model: model.inputSize, task: task.inputSize }, output: { model: model.outputSize, task: task.outputSize }, offers };
}

/**
 * The page's configuration for a run of the model: its architecture, torch.nn's activations (a state_dict
 * from PyTorch has no others), a single run; everything else (task, optimiser, seed) stays.
 */
export function importedRunConfig(config: RunConfig, model: ModelConfig, task = config.task): RunConfig {
  return {
    ...config,
    task,
    cell: model.cell,
    hiddenSize: model.hiddenSize,
    numLayers: model.numLayers,
    peephole: model.peephole,
    nonlinearity: model.cell === 'rnn' ? model.nonlinearity : config.nonlinearity,
    gateActivation: DEFAULT_MODEL_CONFIG.gateActivation,
    stateActivation: DEFAULT_MODEL_CONFIG.stateActivation,
    compare: 'off',
  };
}

/** The opened weights as the trainer takes them; with `newHead` the head is left to the run's own initialisation. */
export function importResume(model: ModelConfig, weights: Float64Array, newHead: boolean): RunResume {
  const named = weightsByName(new ParamStore(model), weights);
  if (newHead) {
    delete named['head.weight'];
    delete named['head.bias'];
  }
  return { weights: named };
}
