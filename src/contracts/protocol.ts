/**
 * The one message contract between the page and the trainer worker. Both sides import these types; every
 * message carries the runId it belongs to, so frames of a run that was reset are dropped.
 */
import type { CellKind, ModelConfig } from '../engine/config.ts';
import type { OptimizerState } from '../engine/optim.ts';
import type { HyperPatch, RunConfig } from './runConfig.ts';
import type { TaskData } from '../tasks/dataTasks.ts';
import type { DataTaskMeta } from '../tasks/data/builtin.ts';
import type { ClassBalance } from '../tasks/classification.ts';
import type { ForecastCurve } from '../tasks/forecast.ts';
import type { ClassificationMetrics } from '../tasks/data/metrics.ts';

export type ToWorker =
  /** Build model, task and optimiser from the config (seeded) and send 'ready' plus a step-0 frame. */
  | { type: 'init'; runId: number; config: RunConfig; data?: TaskData; resume?: RunResume }
  | { type: 'play'; runId: number }
  | { type: 'pause'; runId: number }
  /** Exactly `count` training steps (default 1), then a frame; leaves the run paused. */
  | { type: 'step'; runId: number; count?: number }
  /** Change hyper-parameters without re-initialising (LIVE_FIELDS of RunConfig). */
  | { type: 'setHyper'; runId: number; patch: HyperPatch }
  /** Training speed cap in steps per second; null = as fast as possible. */
  | { type: 'setSpeed'; runId: number; stepsPerSecond: number | null }
  /**
   * Share of one core this worker may keep busy (0–1]: it rests between training slices for the rest. Several
   * racing workers on a small machine would otherwise leave no core for the page.
   */
  | { type: 'setCpuShare'; runId: number; share: number }
  /** Run the engine's gradient check on the current weights and a training batch (training pauses meanwhile). */
  | { type: 'gradCheck'; runId: number; requestId: number; eps: number; maxPerGroup: number | null }
  /** Everything needed to continue this run elsewhere; answered by 'snapshot' after the pending progress. */
  | { type: 'snapshot'; runId: number; requestId: number };

export type FromWorker =
  | { type: 'ready'; runId: number; summary: ModelSummary }
  | { type: 'status'; runId: number; status: RunStatus; step: number }
  /** Losses of every step since the last progress message (steps are consecutive). */
  | { type: 'progress'; runId: number; progress: Progress }
  | { type: 'frame'; runId: number; frame: ProbeFrame }
  /** Training stopped on a NaN/Inf; the last finite weights are kept and the run is paused. */
  | { type: 'failure'; runId: number; failure: Failure }
  /**
   * The smoothed loss has stayed orders of magnitude above its start (training continues); null when it is
   * no longer so (it fell back, or new hyper-parameters are being tried).
   */
  | { type: 'divergence'; runId: number; divergence: Divergence | null }
  /** A message could not be carried out (e.g. an impossible config or hyper-parameter); the run is paused. */
  | { type: 'error'; runId: number; message: string }
  /** Dataset tasks: what the task is made of (series, split, scaler, windows; or the vocabulary), once per run after 'ready'. */
  | { type: 'taskMeta'; runId: number; meta: DataTaskMeta }
  /** Dataset tasks: the current weights judged on the test split (or a text sample), at most every second or so. */
  | { type: 'evaluation'; runId: number; evaluation: TaskEvaluation }
  | { type: 'gradCheckProgress'; runId: number; requestId: number; done: number; total: number }
  | { type: 'gradCheckResult'; runId: number; requestId: number; step: number; eps: number; rows: GradCheckRow[] }
  | { type: 'snapshot'; runId: number; requestId: number; snapshot: RunSnapshot };

/**
 * Where an 'init' starts instead of the seeded step 0: given weights (an imported model, a checkpoint) at
 * step 0 with a fresh optimiser, or a whole saved run that then continues bit-identically.
 */
export interface RunResume {
  /** Parameters by engine tensor name (weight_ih_l0, …, head.weight); a tensor left out keeps its seeded initialisation (a new head). */
  weights: Record<string, Float64Array>;
  /** A saved run's training state; absent = step 0, fresh optimiser, the seed's data stream. */
  state?: TrainingState;
}

/** The training state beyond the weights that the next steps depend on. */
export interface TrainingState {
  step: number;
  optimizer: OptimizerState;
  /** The training-data stream (Rng.getState()). */
  dataRng: number[];
  /** Training time so far in ms (the loss chart's time axis continues from it). */
  elapsedMs: number;
}

/** A run at one step, at full precision: its model, flat parameters (ParamStore layout) and training state. */
export interface RunSnapshot extends TrainingState {
  model: ModelConfig;
  weights: Float64Array;
}

/** How well the current weights do on a dataset task's held-out part (or what they write), after `step` steps. */
export type TaskEvaluation = ForecastEvaluationResult | ClassificationEvaluationResult | TextEvaluationResult;

/** Forecast on the test split, in the data's original units. */
export interface ForecastEvaluationResult {
  kind: 'forecast';
  step: number;
  /** Every test window predicted from true past values. */
  oneStep: ForecastCurve;
  /** "Tomorrow = today" on the same windows: the score to beat. */
  naive: ForecastCurve;
  /** Predictions fed back as inputs from the split line on; null when impossible (horizon > 1, target not an input). */
  recursive: ForecastCurve | null;
  /** First row of the test part (the split line). */
  testStart: number;
}

/** Classification of the test windows. */
export interface ClassificationEvaluationResult {
  kind: 'classification';
  step: number;
  /** counts[true][predicted]. */
  confusion: number[][];
  metrics: ClassificationMetrics;
  balance: ClassBalance;
}

/** Character tasks: text the model writes, drawn at `temperature` (the text panel shows it). */
export interface TextEvaluationResult {
  kind: 'text';
  step: number;
  temperature: number;
  /** What the sample was primed with, and the characters drawn after it. */
  prime: string;
  sample: string;
  /** The net's states along TextMeta.passage, for the activation view (text panel). */
  passage: PassageTrace;
}

/** A text run through the net (B = 1): per layer, time-major Float32 copies, transferred. */
export interface PassageTrace {
  T: number;
  H: number;
  /** h [T, H]; c [T, H] (LSTM) or null; gate activations act [T, G·H] (an RNN's act is its h). */
  layers: { h: Float32Array; c: Float32Array | null; act: Float32Array }[];
}

/** One parameter group of a gradient check (a gate's block of a fused tensor, or a whole tensor). */
export interface GradCheckRow {
  /** e.g. "weight_ih_l0[f]", "head.weight". */
  name: string;
  tensor: string;
  gate: string | null;
  checked: number;
  relError: number;
  maxAbsError: number;
  analyticNorm: number;
  numericNorm: number;
}

export type RunStatus = 'paused' | 'playing';

export interface Progress {
  /** Step number of losses[0]; losses[k] belongs to step firstStep + k. */
  firstStep: number;
  losses: Float64Array;
  /** Training time in ms at the end of each step: wall-clock since the run started, paused time excluded. */
  times: Float64Array;
  /** Validation losses measured in this batch of steps. */
  validation: { step: number; loss: number }[];
  /** Training speed over the last second. */
  stepsPerSecond: number;
}

export interface Failure {
  where: 'loss' | 'gradient' | 'weights';
  /** The first tensor found non-finite (gradient or weights), if known. */
  tensor: string | null;
  /** The step that failed (not applied). */
  step: number;
  /** Where in the sequence it first appeared: the earliest timestep whose state (forward) or the latest whose gradient (backward) is non-finite, and its layer; null if not located. */
  timestep: number | null;
  layer: number | null;
  message: string;
}

/** A run whose loss blows up without becoming NaN. */
export interface Divergence {
  /** The step at which it was noticed. */
  step: number;
  /** The first step's loss, and the smoothed loss now. */
  startLoss: number;
  loss: number;
  /** loss / startLoss. */
  ratio: number;
}

export interface TensorSummary {
  name: string;
  shape: number[];
}

export interface ModelSummary {
  cell: CellKind;
  inputSize: number;
  hiddenSize: number;
  numLayers: number;
  outputSize: number;
  outputMode: 'last' | 'sequence';
  paramCount: number;
  tensors: TensorSummary[];
  /** Gate names in fused order (i,f,g,o / r,z,n / a). */
  gates: string[];
  /** Loss used by the task. */
  loss: 'mse' | 'crossEntropy';
  classes: string[] | null;
}

/**
 * Everything the panels draw for the probe sequence (batch of one) after `step` training steps.
 * Arrays are Float32 (display precision), row-major, time-major; they are transferred, not copied.
 */
export interface ProbeFrame {
  step: number;
  T: number;
  H: number;
  I: number;
  /** Output width (regression targets or classes). */
  O: number;
  /** Rows of output/target: 1 ('last') or T ('sequence'). */
  rows: number;
  /** Probe loss with the current weights. */
  loss: number;
  /** Input [T, I]. */
  x: Float32Array;
  /** Output [rows, O] and target [rows, O] (MSE) or [rows] class indices (cross-entropy). */
  output: Float32Array;
  target: Float32Array;
  layers: LayerFrame[];
  /** ∂L/∂x_t [T, I]. */
  dx: Float32Array;
  /** ‖∂L/∂x_t‖ per timestep [T]. */
  dxNorm: Float32Array;
  /** How the gradient decays back through time (gradient-decay panel); null when not computed for this frame. */
  flow: GradientFlowFrame | null;
}

/**
 * The gradient of the loss at the LAST timestep only, sent back through time — so the decay with distance is
 * visible for many-to-many tasks too — and the mechanism behind it. Per-layer arrays are [L, T].
 */
export interface GradientFlowFrame {
  /** ‖∂L_T/∂h_t‖ [L, T]. */
  dh: Float32Array;
  /** ‖∂L_T/∂c_t‖ [L, T] (LSTM), else null. */
  dc: Float32Array | null;
  /** ‖∂L_T/∂x_t‖ [T]. */
  dx: Float32Array;
  /**
   * Indexed by distance k = 0..T−1 back from the last step, per layer [L, T]: RNN ‖∏ diag(φ′)·W_hh‖₂,
   * LSTM mean ∏ f along the cell path, GRU mean ∏ z; null when too costly to compute for this frame.
   */
  mechanism: Float32Array | null;
  /** Fitted slope of ln‖∂L_T/∂h_t‖ against T−1−t, per layer [L] (negative = vanishing). */
  decaySlope: Float32Array;
  /** ‖∂L_T/∂θ‖, the global norm of the parameter gradient (what clipping by norm measures), in float64. */
  gradNorm: number;
  /** RNNbow: each timestep's term of ∂L_T/∂W_hh and ∂L_T/∂W_ih — Frobenius norm and share of the total [L, T]. */
  hhNorm: Float32Array;
  hhShare: Float32Array;
  ihNorm: Float32Array;
  ihShare: Float32Array;
}

export interface LayerFrame {
  /** Gate pre-activations and activations [T, G·H]. */
  pre: Float32Array;
  act: Float32Array;
  /** Hidden state [T, H] and the initial state [H]. */
  h: Float32Array;
  h0: Float32Array;
  /** LSTM cell state [T, H] and c0 [H]; null otherwise. */
  c: Float32Array | null;
  c0: Float32Array | null;
  /** GRU: W_hn·h_{t−1} + b_hn [T, H]; null otherwise. */
  hn: Float32Array | null;
  /** ∂L/∂h_t, ∂L/∂c_t [T, H] and their norms per timestep [T]. */
  dh: Float32Array;
  dc: Float32Array | null;
  dhNorm: Float32Array;
  dcNorm: Float32Array | null;
  /** ∂L/∂(gate pre-activation) [T, G·H] (input side; GRU's recurrent-side n block is dPreHh). */
  dPre: Float32Array;
  dPreHh: Float32Array | null;
  /** Per-gate gradient norms [T, G]. */
  gateNorms: Float32Array;
  /** This layer's weights, for the equations in the cell diagram: W_ih [G·H, I_l], W_hh [G·H, H], b_ih + b_hh [G·H]; peepholes [3, H] or null. */
  wIh: Float32Array;
  wHh: Float32Array;
  bIh: Float32Array;
  bHh: Float32Array;
  peephole: Float32Array | null;
}

/** All typed-array buffers of a frame, for the transfer list. */
export function frameBuffers(f: ProbeFrame): ArrayBuffer[] {
  const out: ArrayBuffer[] = [f.x.buffer, f.output.buffer, f.target.buffer, f.dx.buffer, f.dxNorm.buffer] as ArrayBuffer[];
  if (f.flow) {
    for (const a of Object.values(f.flow)) if (a instanceof Float32Array) out.push(a.buffer as ArrayBuffer);
  }
  for (const l of f.layers) {
    for (const a of [l.pre, l.act, l.h, l.h0, l.c, l.c0, l.hn, l.dh, l.dc, l.dhNorm, l.dcNorm, l.dPre, l.dPreHh, l.gateNorms, l.wIh, l.wHh, l.bIh, l.bHh, l.peephole]) {
      if (a) out.push(a.buffer as ArrayBuffer);
    }
  }
  return out;
}
