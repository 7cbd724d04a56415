/**
 * How well the current weights do on a dataset task, judged the way a forecaster or classifier is usually judged: forecasts on the test
 * split in original units next to the naive last-value baseline (one-step-ahead and recursive), or the
 * confusion matrix and per-class scores of a classifier, or a text sample for a character model.
 *
 * Evaluations run on nets of their own over the run's parameters (one per batch size), so they never resize
 * the training or validation workspaces; the TaskEvaluator paces them so they cost a few percent of training.
 */
import type { ModelConfig } from '../engine/config.ts';
import { RecurrentNet, type SequenceBatch } from '../engine/network.ts';
import type { ParamStore } from '../engine/params.ts';
import { Rng } from '../engine/rng.ts';
import { evaluateClassifier } from '../tasks/classification.ts';
import type { DataTaskMeta } from '../tasks/data/builtin.ts';
import { dataTaskMeta } from '../tasks/dataTasks.ts';
import { evaluateForecast } from '../tasks/forecast.ts';
import type { Task } from '../tasks/task.ts';
import { sample, type TextMeta } from '../tasks/text.ts';
import type { TaskEvaluation } from '../contracts/protocol.ts';
import { passageBatch, capturePassage } from './textPassage.ts';

/** Windows per forward pass: bounds the evaluation nets' memory whatever the size of the test split. */
export const EVAL_CHUNK = 512;
/** At most one evaluation per this many ms while training… */
export const EVAL_INTERVAL_MS = 1000;
/** …and fewer when they are slow: evaluations take at most this share of the time. */
const EVAL_SHARE = 0.04;
/** Characters of a text sample. */
export const SAMPLE_LENGTH = 200;
/** Rng.fork label of the sampler: a fresh stream per sample, so the text at a step does not depend on timing. */
const SAMPLE_STREAM = 0x5a4d;

/** Nets over one ParamStore, one per batch shape, built on first use. */
export class EvalNets {
  private readonly nets = new Map<string, RecurrentNet>();

  constructor(private readonly model: ModelConfig, private readonly params: ParamStore) {}

  forward(batch: SequenceBatch, state?: { h0?: Float64Array; c0?: Float64Array | null }) {
    const key = `${batch.T}x${batch.B}`;
    let net = this.nets.get(key);
    if (!net) {
      net = new RecurrentNet(this.model, this.params);
      this.nets.set(key, net);
    }
    return net.forward(batch, state);
  }

  /** Outputs [B, O] of a many-to-one batch of any size, EVAL_CHUNK sequences per pass. */
  outputs(batch: SequenceBatch): Float64Array {
    const { T, B } = batch;
    const I = batch.x.length / (T * B);
    const O = this.model.outputSize ?? this.model.hiddenSize;
    const out = new Float64Array(B * O);
    for (let from = 0; from < B; from += EVAL_CHUNK) {
      const b = Math.min(EVAL_CHUNK, B - from);
      const x = b === B ? batch.x : new Float64Array(T * b * I);
      if (b !== B) for (let t = 0; t < T; t++) x.set(batch.x.subarray((t * B + from) * I, (t * B + from + b) * I), t * b * I);
      out.set(this.forward({ x, T, B: b }).output.subarray(0, b * O), from * O);
    }
    return out;
  }
}

/** A character sampler that carries the recurrent state, so each new character costs one timestep. */
function textSampler(nets: EvalNets, model: ModelConfig, V: number) {
  const H = model.hiddenSize * model.numLayers;
  const h = new Float64Array(H);
  const c = model.cell === 'lstm' ? new Float64Array(H) : null;
  const input = { x: new Float64Array(0), symbols: new Int32Array(1), T: 1, B: 1 };
  let fed = 0;
  return (context: Int32Array): Float64Array => {
    let logits = new Float64Array(V);
    // sample() passes the whole history (maxContext = ∞): feed only what the state has not seen.
    for (; fed < context.length; fed++) {
      input.symbols[0] = context[fed];
      const trace = nets.forward(input, { h0: h, c0: c });
      h.set(trace.hN);
      if (c && trace.cN) c.set(trace.cN);
      logits = trace.output.slice(0, V);
    }
    return logits;
  };
}

function textSample(meta: TextMeta, nets: EvalNets, model: ModelConfig, step: number, temperature: number, seed: number): TaskEvaluation {
  const rng = new Rng(seed).fork(SAMPLE_STREAM);
  const prime = '';
  const text = sample(textSampler(nets, model, meta.vocab.symbols.length), prime, SAMPLE_LENGTH, temperature, rng, meta.vocab, Infinity);
  const passage = capturePassage(nets.forward(passageBatch(meta)), model.hiddenSize);
  return { kind: 'text', step, temperature, prime, sample: text, passage };
}

/** The evaluation of the weights in `nets` after `step` steps (`temperature` and `seed` for text samples). */
function evaluateTask(meta: DataTaskMeta, nets: EvalNets, model: ModelConfig, step: number, temperature: number, seed: number): TaskEvaluation {
  switch (meta.kind) {
    case 'forecast': {
      const e = evaluateForecast(meta, (batch) => nets.outputs(batch));
      return { kind: 'forecast', step, oneStep: e.oneStep, naive: e.naive, recursive: e.recursive, testStart: meta.split.testStart };
    }
    case 'classification': {
      const e = evaluateClassifier(meta, (batch) => nets.outputs(batch));
      return { kind: 'classification', step, confusion: e.confusion, metrics: e.metrics, balance: meta.balance };
    }
    case 'text':
      return textSample(meta, nets, model, step, temperature, seed);
  }
}

/** What the evaluator needs of a run (buildRun's Run fits). */
export interface EvaluatedRun {
  task: Task;
  net: RecurrentNet;
}

/**
 * Paces evaluations of one run: when forced (init, Step, Pause) or, while training, every EVAL_INTERVAL_MS
 * (longer if an evaluation is slow); never twice for the same step and temperature.
 */
export class TaskEvaluator {
  private readonly nets: EvalNets;
  private readonly model: ModelConfig;
  private lastKey: string | null = null;
  private lastAt = -Infinity;
  private costMs = 0;

  constructor(readonly meta: DataTaskMeta, run: EvaluatedRun, private readonly seed: number, private readonly clock: () => number) {
    this.model = run.net.config;
    this.nets = new EvalNets(this.model, run.net.params);
  }

  poll(step: number, temperature: number, force: boolean): TaskEvaluation | null {
    const key = this.meta.kind === 'text' ? `${step}@${temperature}` : String(step);
    if (key === this.lastKey) return null;
    const start = this.clock();
    if (!force && start - this.lastAt < Math.max(EVAL_INTERVAL_MS, this.costMs / EVAL_SHARE)) return null;
    const evaluation = evaluateTask(this.meta, this.nets, this.model, step, temperature, this.seed);
    this.lastAt = this.clock();
    // The first evaluation is cold (JIT, allocating the nets): it says little about the cost of the next ones.
    this.costMs = this.lastKey === null ? 0 : this.lastAt - start;
    this.lastKey = key;
    return evaluation;
  }
}

/** An evaluator for a dataset task's run; null for generated tasks (they have no held-out split to judge). */
export function createEvaluator(run: EvaluatedRun, seed: number, clock: () => number): TaskEvaluator | null {
  const meta = dataTaskMeta(run.task);
  return meta ? new TaskEvaluator(meta, run, seed, clock) : null;
}
