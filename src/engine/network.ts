/**
 * A stack of recurrent layers (RNN / LSTM / GRU, PyTorch conventions) with an optional dense head, a forward
 * pass that keeps its whole trace, and exact backpropagation through time.
 *
 * Layout: everything is time-major and flat, [T, B, ·] row-major. The forward trace IS the backward cache:
 * what the panels draw is exactly what BPTT consumes. Buffers are allocated once per (T, B) and reused, so a
 * training step allocates nothing; a trace is therefore only valid until the next forward().
 */
import type { CellKind, ModelConfig } from './config.ts';
import { gateCount } from './gateLayout.ts';
import { ACTIVATION_FUNCTIONS } from './activations.ts';
import { GRU_CELL } from './cells/gru.ts';
import type { Cell, LayerStep } from './cells/layerStep.ts';
import { LSTM_CELL } from './cells/lstm.ts';
import { RNN_CELL } from './cells/rnn.ts';
import { backwardHead, forwardHead } from './denseHead.ts';
import { gemmNN, gemmNT, gemmTN } from './kernels/gemm.ts';
import { ParamStore, layerInputSize } from './params.ts';
import { checkSymbols, scatterColumns, symbolProjection } from './symbolInput.ts';

export interface SequenceBatch {
  /** [T, B, inputSize], time-major. Not read when `symbols` is given (it may then be empty). */
  x: Float64Array;
  /**
   * A one-hot input as symbol ids [T, B] (each in 0..inputSize−1), instead of x: the engine looks the rows of
   * W_ih·x up rather than multiplying, with the same results.
   */
  symbols?: Int32Array | null;
  T: number;
  B: number;
}

export interface InitialState {
  /** [L, B, H]; zeros when absent. */
  h0?: Float64Array | null;
  /** [L, B, H], LSTM only; zeros when absent. */
  c0?: Float64Array | null;
}

export interface LayerTrace {
  readonly inputSize: number;
  /** Gate pre-activations [T, B, G*H] (peephole terms included; GRU n includes r ⊙ hn). */
  readonly pre: Float64Array;
  /** Gate activations [T, B, G*H]: LSTM i,f,g,o; GRU r,z,n; RNN the new h (same array as h). */
  readonly act: Float64Array;
  /** GRU only: W_hn·h_{t−1} + b_hn [T, B, H], the recurrent part the reset gate scales. */
  readonly hn: Float64Array | null;
  /** LSTM cell state c_t [T, B, H]. */
  readonly c: Float64Array | null;
  /** LSTM stateActivation(c_t) [T, B, H]. */
  readonly sc: Float64Array | null;
  /** Hidden state h_t [T, B, H]. */
  readonly h: Float64Array;
}

export interface ForwardTrace {
  readonly T: number;
  readonly B: number;
  /** The input batch [T, B, I] (the caller's array; possibly empty when the input came as symbols). */
  readonly x: Float64Array;
  /** The input as symbol ids [T, B], or null for a dense input. */
  readonly symbols: Int32Array | null;
  /** Initial states actually used [L, B, H]. */
  readonly h0: Float64Array;
  readonly c0: Float64Array | null;
  readonly layers: readonly LayerTrace[];
  /** [B, O] for outputMode 'last', [T, B, O] for 'sequence'; O = outputSize, or H without a head. */
  readonly output: Float64Array;
  readonly outputRows: number;
  readonly outputWidth: number;
  /** Final states [L, B, H]. */
  readonly hN: Float64Array;
  readonly cN: Float64Array | null;
}

export interface LayerGrads {
  /** Total ∂L/∂h_t [T, B, H] (from the output above and from step t+1). */
  readonly dh: Float64Array;
  /** Total ∂L/∂c_t [T, B, H], LSTM only. */
  readonly dc: Float64Array | null;
  /** ∂L/∂(gate pre-activation) on the input side [T, B, G*H]. */
  readonly dPreIh: Float64Array;
  /** The same on the recurrent side; differs from dPreIh only for GRU's n block. */
  readonly dPreHh: Float64Array;
  /** ‖∂L/∂pre_gate‖ over batch and units [T, G]. */
  readonly gateNorms: Float64Array;
}

export interface BackwardTrace {
  readonly layers: readonly LayerGrads[];
  /** ∂L/∂x_t [T, B, I]; not written when the backward pass was asked for no input gradient. */
  readonly dx: Float64Array;
  /** ∂L/∂h0, ∂L/∂c0 [L, B, H]. */
  readonly dh0: Float64Array;
  readonly dc0: Float64Array | null;
}

export interface BackwardOptions {
  /**
   * Truncated BPTT: the sequence is cut into chunks of k steps and no gradient crosses a chunk boundary
   * (states still flow forward). 0 or undefined = full BPTT.
   */
  truncate?: number;
  /** Compute ∂L/∂x (default true). Training never reads it; for a one-hot input it costs as much as a dense W_ih·x. */
  inputGradient?: boolean;
}


const CELLS: Record<CellKind, Cell> = { rnn: RNN_CELL, lstm: LSTM_CELL, gru: GRU_CELL };

interface LayerBuffers extends LayerTrace, LayerStep {
  readonly gateNorms: Float64Array;
}

interface Workspace {
  T: number;
  B: number;
  layers: LayerBuffers[];
  h0: Float64Array;
  c0: Float64Array | null;
  hN: Float64Array;
  cN: Float64Array | null;
  output: Float64Array;
  dx: Float64Array;
  dh0: Float64Array;
  dc0: Float64Array | null;
  x: Float64Array;
  symbols: Int32Array | null;
  /** Views over the buffers above, built once so a step allocates nothing. */
  backwardTrace: BackwardTrace;
  forwardTrace: { -readonly [K in keyof ForwardTrace]: ForwardTrace[K] };
}

export class RecurrentNet {
  readonly params: ParamStore;
  private ws: Workspace | null = null;
  private readonly G: number;
  private readonly cell: Cell;

  constructor(readonly config: ModelConfig, params?: ParamStore) {
    if (params && params.config !== config && JSON.stringify(params.config) !== JSON.stringify(config)) {
      throw new Error('ParamStore was built for a different model configuration');
    }
    this.params = params ?? new ParamStore(config);
    this.G = gateCount(config.cell);
    this.cell = CELLS[config.cell];
  }

  get outputWidth(): number {
    return this.config.outputSize ?? this.config.hiddenSize;
  }

  /** Rows of the output for a batch: B for 'last', T·B for 'sequence'. */
  outputRows(T: number, B: number): number {
    return this.config.outputMode === 'last' ? B : T * B;
  }

  /** Where the head's input rows start in the top layer's h: the last timestep for 'last', else the start. */
  private headOffset(T: number, B: number): number {
    return this.config.outputMode === 'last' ? (T - 1) * B * this.config.hiddenSize : 0;
  }

  forward(batch: SequenceBatch, state: InitialState = {}): ForwardTrace {
    const { x, T, B } = batch;
    const symbols = batch.symbols ?? null;
    const { inputSize: I, hiddenSize: H, numLayers: L } = this.config;
    if (!Number.isInteger(T) || T < 1 || !Number.isInteger(B) || B < 1) throw new Error(`bad batch shape T=${T}, B=${B}`);
    if (symbols) checkSymbols(symbols, T, B, I);
    else if (x.length !== T * B * I) throw new Error(`input has ${x.length} values, expected T·B·I = ${T}·${B}·${I} = ${T * B * I}`);
    const ws = this.workspace(T, B);
    ws.x = x;
    ws.symbols = symbols;
    copyState(state.h0, ws.h0, L * B * H, 'h0');
    if (ws.c0) copyState(state.c0, ws.c0, L * B * H, 'c0');
    else if (state.c0) throw new Error('c0 is only meaningful for LSTM');

    for (let l = 0; l < L; l++) {
      const buf = ws.layers[l];
      if (l === 0 && symbols) symbolProjection(symbols, this.params.data, buf, this.foldedBiasWidth());
      else this.inputProjection(l === 0 ? x : ws.layers[l - 1].h, buf, T * B);
      for (let t = 0; t < T; t++) this.cell.forward(buf, t);
      ws.hN.set(buf.h.subarray((T - 1) * B * H, T * B * H), l * B * H);
      if (ws.cN && buf.c) ws.cN.set(buf.c.subarray((T - 1) * B * H, T * B * H), l * B * H);
    }
    const top = ws.layers[L - 1].h;
    forwardHead(this.config, this.params, top, this.headOffset(T, B), this.outputRows(T, B), ws.output);
    ws.forwardTrace.x = x;
    ws.forwardTrace.symbols = symbols;
    return ws.forwardTrace;
  }

  /**
   * Backpropagate dL/d(output) (same shape as forward().output) through the last forward pass.
   * Accumulates parameter gradients into params.grad (call params.zeroGrad() first for a fresh step).
   */
  backward(dOutput: Float64Array, options: BackwardOptions = {}): BackwardTrace {
    const ws = this.ws;
    if (!ws) throw new Error('backward() needs a forward() first');
    if (dOutput.length !== ws.output.length) throw new Error(`dOutput has ${dOutput.length} values, expected ${ws.output.length}`);
    const k = options.truncate ?? 0;
    const top = ws.layers[this.config.numLayers - 1];
    backwardHead(this.config, this.params, dOutput, top.h, this.headOffset(ws.T, ws.B), this.outputRows(ws.T, ws.B), top.dhExt);
    for (let l = this.config.numLayers - 1; l >= 0; l--) this.backwardLayer(l, ws, k, options.inputGradient ?? true);
    return ws.backwardTrace;
  }

  private workspace(T: number, B: number): Workspace {
    if (this.ws && this.ws.T === T && this.ws.B === B) return this.ws;
    const { hiddenSize: H, numLayers: L, cell, inputSize: I } = this.config;
    const G = this.G;
    const GH = G * H;
    const lstm = cell === 'lstm';
    const LBH = L * B * H;
    const h0 = new Float64Array(LBH);
    const c0 = lstm ? new Float64Array(LBH) : null;
    // Per-step scratch, shared by the layers (they run one after another).
    const rec = new Float64Array(B * GH);
    const dhNext = new Float64Array(B * H);
    const dcNext = new Float64Array(B * H);
    const dhTmp = new Float64Array(B * H);
    const { config, params } = this;
    const layers: LayerBuffers[] = [];
    for (let l = 0; l < L; l++) {
      const h = new Float64Array(T * B * H);
      const dPreIh = new Float64Array(T * B * GH);
      layers.push({
        B, H, GH,
        P: params.data,
        Gr: params.grad,
        lp: params.layers[l],
        gateKind: config.gateActivation,
        stateKind: config.stateActivation,
        nonlinearity: config.nonlinearity,
        gate: ACTIVATION_FUNCTIONS[config.gateActivation],
        state: ACTIVATION_FUNCTIONS[config.stateActivation],
        rnnAct: ACTIVATION_FUNCTIONS[config.nonlinearity],
        inputSize: layerInputSize(config, l),
        pre: new Float64Array(T * B * GH),
        act: cell === 'rnn' ? h : new Float64Array(T * B * GH),
        hn: cell === 'gru' ? new Float64Array(T * B * H) : null,
        c: lstm ? new Float64Array(T * B * H) : null,
        sc: lstm ? new Float64Array(T * B * H) : null,
        h,
        h0, c0,
        stateOff: l * B * H,
        dh: new Float64Array(T * B * H),
        dc: lstm ? new Float64Array(T * B * H) : null,
        dPreIh,
        dPreHh: cell === 'gru' ? new Float64Array(T * B * GH) : dPreIh,
        gateNorms: new Float64Array(T * G),
        dhExt: new Float64Array(T * B * H),
        dhNext, dcNext, rec, dhTmp,
      });
    }
    const dx = new Float64Array(T * B * I);
    const dh0 = new Float64Array(LBH);
    const dc0 = lstm ? new Float64Array(LBH) : null;
    const hN = new Float64Array(LBH);
    const cN = lstm ? new Float64Array(LBH) : null;
    const output = new Float64Array(this.outputRows(T, B) * this.outputWidth);
    const x = new Float64Array(0);
    this.ws = {
      T, B, layers, h0, c0, hN, cN, output, dx, dh0, dc0, x, symbols: null,
      backwardTrace: {
        layers: layers.map((b) => ({ dh: b.dh, dc: b.dc, dPreIh: b.dPreIh, dPreHh: b.dPreHh, gateNorms: b.gateNorms })),
        dx, dh0, dc0,
      },
      forwardTrace: {
        T, B, x, symbols: null, h0, c0, layers, output, hN, cN,
        outputRows: this.outputRows(T, B),
        outputWidth: this.outputWidth,
      },
    };
    return this.ws;
  }

  /** The recurrent biases that fold into the input projection: GRU's b_hn sits inside the reset product. */
  private foldedBiasWidth(): number {
    return this.config.cell === 'gru' ? 2 * this.config.hiddenSize : this.G * this.config.hiddenSize;
  }

  /** pre[T·B, G·H] = input · W_ihᵀ + biases: one large matrix product for all timesteps at once. */
  private inputProjection(input: Float64Array, buf: LayerBuffers, rows: number): void {
    const P = this.params.data;
    const lp = buf.lp;
    const GH = buf.GH;
    gemmNT(rows, GH, buf.inputSize, input, 0, P, lp.wIh, buf.pre, 0, false);
    const foldHh = this.foldedBiasWidth();
    const pre = buf.pre;
    for (let r = 0; r < rows; r++) {
      const o = r * GH;
      for (let j = 0; j < foldHh; j++) pre[o + j] += P[lp.bIh + j] + P[lp.bHh + j];
      for (let j = foldHh; j < GH; j++) pre[o + j] += P[lp.bIh + j];
    }
  }

  private backwardLayer(l: number, ws: Workspace, truncate: number, inputGradient: boolean): void {
    const { T, B } = ws;
    const H = this.config.hiddenSize;
    const G = this.G;
    const buf = ws.layers[l];
    const { GH, P, Gr, lp, h, dPreIh, dPreHh, gateNorms, dhNext, dcNext } = buf;
    dhNext.fill(0);
    dcNext.fill(0);
    gateNorms.fill(0);

    for (let t = T - 1; t >= 0; t--) {
      this.cell.backward(buf, t);
      const base = t * B * GH;
      // Per-gate gradient norms at this timestep (squared sums; rooted below).
      for (let b = 0; b < B; b++) {
        for (let g = 0; g < G; g++) {
          let s = 0;
          const o = base + b * GH + g * H;
          for (let j = 0; j < H; j++) s += dPreIh[o + j] * dPreIh[o + j];
          gateNorms[t * G + g] += s;
        }
      }
      if (truncate > 0 && t % truncate === 0 && t > 0) {
        dhNext.fill(0);
        dcNext.fill(0);
      }
    }
    for (let i = 0; i < gateNorms.length; i++) gateNorms[i] = Math.sqrt(gateNorms[i]);
    ws.dh0.set(dhNext, l * B * H);
    if (ws.dc0) ws.dc0.set(dcNext, l * B * H);

    // Weight gradients are sums over time: each is one large product over all T·B rows.
    const rows = T * B;
    const symbols = l === 0 ? ws.symbols : null;
    if (symbols) scatterColumns(symbols, dPreIh, GH, buf.inputSize, Gr, lp.wIh);
    else gemmTN(GH, buf.inputSize, rows, dPreIh, 0, l === 0 ? ws.x : ws.layers[l - 1].h, 0, Gr, lp.wIh, true);
    if (T > 1) gemmTN(GH, H, (T - 1) * B, dPreHh, B * GH, h, 0, Gr, lp.wHh, true);
    gemmTN(GH, H, B, dPreHh, 0, ws.h0, l * B * H, Gr, lp.wHh, true);
    for (let r = 0; r < rows; r++) {
      const o = r * GH;
      for (let j = 0; j < GH; j++) {
        Gr[lp.bIh + j] += dPreIh[o + j];
        Gr[lp.bHh + j] += dPreHh[o + j];
      }
    }
    if (l === 0 && !inputGradient) return;
    const dInput = l === 0 ? ws.dx : ws.layers[l - 1].dhExt;
    gemmNN(rows, buf.inputSize, GH, dPreIh, 0, P, lp.wIh, dInput, 0, false);
  }
}

function copyState(src: Float64Array | null | undefined, dst: Float64Array, n: number, name: string): void {
  if (!src) {
    dst.fill(0);
    return;
  }
  if (src.length !== n) throw new Error(`${name} has ${src.length} values, expected L·B·H = ${n}`);
  dst.set(src);
}
