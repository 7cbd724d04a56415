/**
 * The pure half of `npm run trace`: batch-first JSON in (as PyTorch users hold their data), one forward (and
 * optionally backward) pass, batch-first JSON out with every state, gate and gradient named as in PyTorch.
 * The engine itself is time-major, so all reshaping between the two lives here.
 */
import { InteropError } from './errors.ts';
import type { ModelConfig } from '../config.ts';
import { GATE_NAMES } from '../gateLayout.ts';
import { mseLoss } from '../loss.ts';
import { RecurrentNet, type BackwardTrace, type ForwardTrace } from '../network.ts';
import { assertFinite, formatShape, fromNested, shapeEquals, toNested, type Nested } from './nested.ts';
import { namedTensors, type ImportedModel } from './stateDict.ts';

export interface TraceInput {
  /** [T, B, I], time-major. */
  x: Float64Array;
  T: number;
  B: number;
  /** [L, B, H] or null for zeros. */
  h0: Float64Array | null;
  c0: Float64Array | null;
}

export interface TraceLayer {
  h: Nested;
  c?: Nested;
  /** Gate activations by PyTorch gate name; {} for a vanilla RNN, whose only "gate" is h itself. */
  gates: Record<string, Nested>;
}

export interface TraceGrads {
  /** One entry per state_dict name, plus "x" and "layers" (keys no state_dict tensor can have). */
  [name: string]: Nested | { h: Nested; c?: Nested }[];
}

export interface TraceResult {
  cell: ModelConfig['cell'];
  layers: TraceLayer[];
  output: Nested;
  h_n: Nested;
  c_n?: Nested;
  loss?: number;
  grads?: TraceGrads;
}

/** Swap the two leading axes: [a, b, inner] → [b, a, inner] (batch-first ↔ time-major). */
function swapLeadingAxes(src: ArrayLike<number>, a: number, b: number, inner: number): Float64Array {
  const out = new Float64Array(a * b * inner);
  for (let i = 0; i < a; i++) {
    for (let j = 0; j < b; j++) {
      for (let k = 0; k < inner; k++) out[(j * a + i) * inner + k] = src[(i * b + j) * inner + k];
    }
  }
  return out;
}

/**
 * Time-major [T, B, stride] → nested batch-first [B][T][width], taking columns col..col+width of each row
 * (so one gate block can be cut out of the fused [T, B, G·H] activations).
 */
function batchFirst(src: Float64Array, T: number, B: number, width: number, stride = width, col = 0): Nested {
  return Array.from({ length: B }, (_, b) =>
    Array.from({ length: T }, (_, t) => Array.from(src.subarray((t * B + b) * stride + col, (t * B + b) * stride + col + width))),
  );
}

function readArray(json: Record<string, unknown>, key: string, what: string, want: (shape: number[]) => string | null): Float64Array {
  const t = fromNested(json[key], what);
  const problem = want(t.shape);
  if (problem !== null) throw new InteropError('input.shape', `${what} has shape ${formatShape(t.shape)}, expected ${problem}`);
  assertFinite(t, what);
  return t.data;
}

function asObject(json: unknown, what: string, keys: readonly string[]): Record<string, unknown> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new InteropError('input.notObject', `${what} must be a JSON object with key ${keys[0]}`);
  const rec = json as Record<string, unknown>;
  const unknown = Object.keys(rec).find((k) => !keys.includes(k));
  if (unknown !== undefined) throw new InteropError('input.unknownKey', `${what} has unknown key '${unknown}' (expected ${keys.join(', ')})`);
  if (!(keys[0] in rec)) throw new InteropError('input.missingKey', `${what} has no '${keys[0]}'`);
  return rec;
}

/**
 * The most numbers one trace may write: the JSON text of ten million numbers is ~200 MB, well inside what a
 * JavaScript string can hold (a larger trace once died with "Invalid string length" after gigabytes).
 */
const TRACE_LIMITS = { maxValues: 10_000_000 } as const;

/** Refuses, before any work, an input whose trace (states, gates and gradients of every step) would not fit. */
function checkTraceSize(config: ModelConfig, B: number, T: number): void {
  const { inputSize: I, hiddenSize: H, numLayers: L } = config;
  const O = config.outputSize ?? H;
  const perStep = L * H * (config.cell === 'lstm' ? 2 : 1) + L * H * GATE_NAMES[config.cell].length;
  // Forward states and gates, their gradients, ∂L/∂x and the output: an upper bound of what is written.
  const values = B * T * (2 * perStep + I + O);
  if (values > TRACE_LIMITS.maxValues) {
    throw new InteropError(
      'input.tooLarge',
      `input 'x' has ${B} sequences of ${T} steps: their trace would hold up to ${values.toLocaleString('en-US')} numbers, more than the ${TRACE_LIMITS.maxValues.toLocaleString('en-US')} one output can carry; trace fewer sequences at a time`,
    );
  }
}

/** {"x": [B][T][I], "h0"?: [L][B][H], "c0"?: [L][B][H] (LSTM)} → time-major engine input. */
function parseTraceInput(json: unknown, config: ModelConfig): TraceInput {
  const keys = config.cell === 'lstm' ? ['x', 'h0', 'c0'] : ['x', 'h0'];
  const rec = asObject(json, 'input', keys);
  const { inputSize: I, hiddenSize: H, numLayers: L } = config;
  let B = 0;
  let T = 0;
  const x = readArray(rec, 'x', "input 'x'", (s) => {
    if (s.length !== 3 || s[0] < 1 || s[1] < 1 || s[2] !== I) return `[B][T][${I}] (batch-first, B ≥ 1, T ≥ 1, ${I} = the model's input size)`;
    [B, T] = s;
    return null;
  });
  checkTraceSize(config, B, T);
  const state = (key: string): Float64Array | null =>
    rec[key] === undefined ? null : readArray(rec, key, `input '${key}'`, (s) => (shapeEquals(s, [L, B, H]) ? null : formatShape([L, B, H]) + ' = [layers][batch][hidden]'));
  return { x: swapLeadingAxes(x, B, T, I), T, B, h0: state('h0'), c0: state('c0') };
}

/** {"y": ...} shaped like the output ([B][O] for 'last', [B][T][O] for 'sequence') → the engine's output layout. */
function parseTarget(json: unknown, config: ModelConfig, T: number, B: number): Float64Array {
  const rec = asObject(json, 'target', ['y']);
  const O = config.outputSize ?? config.hiddenSize;
  const want = config.outputMode === 'last' ? [B, O] : [B, T, O];
  const y = readArray(rec, 'y', "target 'y'", (s) => (shapeEquals(s, want) ? null : `${formatShape(want)} like the output (outputMode '${config.outputMode}')`));
  return config.outputMode === 'last' ? y : swapLeadingAxes(y, B, T, O);
}

function forwardResult(config: ModelConfig, fwd: ForwardTrace): TraceResult {
  const { T, B } = fwd;
  const { cell, hiddenSize: H, numLayers: L } = config;
  const names = GATE_NAMES[cell];
  const layers = fwd.layers.map((lt): TraceLayer => ({
    h: batchFirst(lt.h, T, B, H),
    ...(lt.c ? { c: batchFirst(lt.c, T, B, H) } : {}),
    gates: cell === 'rnn' ? {} : Object.fromEntries(names.map((g, k) => [g, batchFirst(lt.act, T, B, H, names.length * H, k * H)])),
  }));
  const O = fwd.outputWidth;
  return {
    cell,
    layers,
    output: config.outputMode === 'last' ? toNested(fwd.output, [B, O]) : batchFirst(fwd.output, T, B, O),
    h_n: toNested(fwd.hN, [L, B, H]),
    ...(fwd.cN ? { c_n: toNested(fwd.cN, [L, B, H]) } : {}),
  };
}

function gradResult(model: ImportedModel, fwd: ForwardTrace, bwd: BackwardTrace): TraceGrads {
  const { T, B } = fwd;
  const { inputSize: I, hiddenSize: H } = model.config;
  const grads: TraceGrads = {};
  for (const [name, t] of Object.entries(namedTensors(model.params, model.params.grad, model))) grads[name] = toNested(t.data, t.shape);
  grads.x = batchFirst(bwd.dx, T, B, I);
  grads.layers = bwd.layers.map((g) => ({ h: batchFirst(g.dh, T, B, H), ...(g.dc ? { c: batchFirst(g.dc, T, B, H) } : {}) }));
  return grads;
}

/**
 * Run one trace: forward on `inputJson`, and with `targetJson` also the MSE loss (mean over all elements, as
 * nn.MSELoss()) and the gradients of every parameter, of x and of each layer's h_t / c_t.
 */
export function runTrace(model: ImportedModel, inputJson: unknown, targetJson?: unknown): TraceResult {
  const { config } = model;
  const input = parseTraceInput(inputJson, config);
  const target = targetJson === undefined ? null : parseTarget(targetJson, config, input.T, input.B);
  const net = new RecurrentNet(config, model.params);
  const fwd = net.forward({ x: input.x, T: input.T, B: input.B }, { h0: input.h0, c0: input.c0 });
  // Nest the forward trace now: the network reuses its buffers.
  const result = forwardResult(config, fwd);
  if (target === null) return result;
  const dOut = new Float64Array(fwd.output.length);
  result.loss = mseLoss(fwd.output, target, dOut);
  model.params.zeroGrad();
  result.grads = gradResult(model, fwd, net.backward(dOut));
  return result;
}
