/**
 * A stack of recurrent layers (RNN / LSTM / GRU, PyTorch conventions) with an optional dense head, a forward
 * pass that keeps its whole trace, and exact backpropagation through time.
 *
 * Layout: everything is time-major and flat, [T, B, ·] row-major. The forward trace IS the backward cache:
 * what the panels draw is exactly what BPTT consumes. Buffers are allocated once per (T, B) and reused, so a
 * training step allocates nothing; a trace is therefore only valid until the next forward().
 */
import type { ModelConfig } from './config.ts';
import { gateCount } from './gateLayout.ts';
import { activationDerivative, ACTIVATION_FUNCTIONS } from './activations.ts';
import { gemmNN, gemmNT, gemmTN } from './kernels/gemm.ts';
import { ParamStore, layerInputSize } from './params.ts';

export interface SequenceBatch {
  /** [T, B, inputSize], time-major. */
  x: Float64Array;
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
  /** The input batch [T, B, I] (the caller's array). */
  readonly x: Float64Array;
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
  /** ∂L/∂x_t [T, B, I]. */
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
}

type Scalar = (x: number) => number;


interface LayerBuffers extends LayerTrace {
  readonly dh: Float64Array;
  readonly dc: Float64Array | null;
  readonly dPreIh: Float64Array;
  readonly dPreHh: Float64Array;
  readonly gateNorms: Float64Array;
  /** ∂L/∂h_t arriving from above (the head or the next layer's input gradient) [T, B, H]. */
  readonly dhExt: Float64Array;
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
  /** Per-step scratch [B, G*H] and [B, H]. */
  rec: Float64Array;
  dhNext: Float64Array;
  dcNext: Float64Array;
  dhTmp: Float64Array;
  x: Float64Array;
  /** Views over the buffers above, built once so a step allocates nothing. */
  backwardTrace: BackwardTrace;
  forwardTrace: { -readonly [K in keyof ForwardTrace]: ForwardTrace[K] };
}

export class RecurrentNet {
  readonly params: ParamStore;
  private ws: Workspace | null = null;
  private readonly G: number;
  private readonly gateAct: Scalar;
  private readonly stateAct: Scalar;
  private readonly rnnAct: Scalar;

  constructor(readonly config: ModelConfig, params?: ParamStore) {
    if (params && params.config !== config && JSON.stringify(params.config) !== JSON.stringify(config)) {
      throw new Error('ParamStore was built for a different model configuration');
    }
    this.params = params ?? new ParamStore(config);
    this.G = gateCount(config.cell);
    this.gateAct = ACTIVATION_FUNCTIONS[config.gateActivation];
    this.stateAct = ACTIVATION_FUNCTIONS[config.stateActivation];
    this.rnnAct = ACTIVATION_FUNCTIONS[config.nonlinearity];
  }

  get outputWidth(): number {
    return this.config.outputSize ?? this.config.hiddenSize;
  }

  /** Rows of the output for a batch: B for 'last', T·B for 'sequence'. */
  outputRows(T: number, B: number): number {
    return this.config.outputMode === 'last' ? B : T * B;
  }

  forward(batch: SequenceBatch, state: InitialState = {}): ForwardTrace {
    const { x, T, B } = batch;
    const { inputSize: I, hiddenSize: H, numLayers: L } = this.config;
    if (!Number.isInteger(T) || T < 1 || !Number.isInteger(B) || B < 1) throw new Error(`bad batch shape T=${T}, B=${B}`);
    if (x.length !== T * B * I) throw new Error(`input has ${x.length} values, expected T·B·I = ${T}·${B}·${I} = ${T * B * I}`);
    const ws = this.workspace(T, B);
    ws.x = x;
    copyState(state.h0, ws.h0, L * B * H, 'h0');
    if (ws.c0) copyState(state.c0, ws.c0, L * B * H, 'c0');
    else if (state.c0) throw new Error('c0 is only meaningful for LSTM');

    let input = x;
    for (let l = 0; l < L; l++) {
      const buf = ws.layers[l];
      this.forwardLayer(l, input, ws);
      ws.hN.set(buf.h.subarray((T - 1) * B * H, T * B * H), l * B * H);
      if (ws.cN && buf.c) ws.cN.set(buf.c.subarray((T - 1) * B * H, T * B * H), l * B * H);
      input = buf.h;
    }
    this.forwardHead(ws);
    ws.forwardTrace.x = x;
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
    this.backwardHead(dOutput, ws);
    for (let l = this.config.numLayers - 1; l >= 0; l--) this.backwardLayer(l, ws, k);
    return ws.backwardTrace;
  }

  private workspace(T: number, B: number): Workspace {
    if (this.ws && this.ws.T === T && this.ws.B === B) return this.ws;
    const { hiddenSize: H, numLayers: L, cell, inputSize: I } = this.config;
    const G = this.G;
    const lstm = cell === 'lstm';
    const layers: LayerBuffers[] = [];
    for (let l = 0; l < L; l++) {
      const h = new Float64Array(T * B * H);
      const dPreIh = new Float64Array(T * B * G * H);
      layers.push({
        inputSize: layerInputSize(this.config, l),
        pre: new Float64Array(T * B * G * H),
        act: cell === 'rnn' ? h : new Float64Array(T * B * G * H),
        hn: cell === 'gru' ? new Float64Array(T * B * H) : null,
        c: lstm ? new Float64Array(T * B * H) : null,
        sc: lstm ? new Float64Array(T * B * H) : null,
        h,
        dh: new Float64Array(T * B * H),
        dc: lstm ? new Float64Array(T * B * H) : null,
        dPreIh,
        dPreHh: cell === 'gru' ? new Float64Array(T * B * G * H) : dPreIh,
        gateNorms: new Float64Array(T * G),
        dhExt: new Float64Array(T * B * H),
      });
    }
    const LBH = L * B * H;
    const dx = new Float64Array(T * B * I);
    const dh0 = new Float64Array(LBH);
    const dc0 = lstm ? new Float64Array(LBH) : null;
    const h0 = new Float64Array(LBH);
    const c0 = lstm ? new Float64Array(LBH) : null;
    const hN = new Float64Array(LBH);
    const cN = lstm ? new Float64Array(LBH) : null;
    const output = new Float64Array(this.outputRows(T, B) * this.outputWidth);
    const x = new Float64Array(0);
    this.ws = {
      T, B, layers, h0, c0, hN, cN, output, dx, dh0, dc0, x,
      rec: new Float64Array(B * G * H),
      dhNext: new Float64Array(B * H),
      dcNext: new Float64Array(B * H),
      dhTmp: new Float64Array(B * H),
      backwardTrace: {
        layers: layers.map((b) => ({ dh: b.dh, dc: b.dc, dPreIh: b.dPreIh, dPreHh: b.dPreHh, gateNorms: b.gateNorms })),
        dx, dh0, dc0,
      },
      forwardTrace: {
        T, B, x, h0, c0, layers, output, hN, cN,
        outputRows: this.outputRows(T, B),
        outputWidth: this.outputWidth,
      },
    };
    return this.ws;
  }

  /** pre[T·B, G·H] = input · W_ihᵀ + biases: one large matrix product for all timesteps at once. */
  private inputProjection(l: number, input: Float64Array, buf: LayerBuffers, rows: number): void {
    const P = this.params.data;
    const lp = this.params.layers[l];
    const GH = this.G * this.config.hiddenSize;
    const H = this.config.hiddenSize;
    gemmNT(rows, GH, buf.inputSize, input, 0, P, lp.wIh, buf.pre, 0, false);
    // GRU's b_hn sits inside the reset product, so only the r and z recurrent biases fold in here.
    const foldHh = this.config.cell === 'gru' ? 2 * H : GH;
    const pre = buf.pre;
    for (let r = 0; r < rows; r++) {
      const o = r * GH;
      for (let j = 0; j < foldHh; j++) pre[o + j] += P[lp.bIh + j] + P[lp.bHh + j];
      for (let j = foldHh; j < GH; j++) pre[o + j] += P[lp.bIh + j];
    }
  }

  private forwardLayer(l: number, input: Float64Array, ws: Workspace): void {
    const { T, B } = ws;
    const H = this.config.hiddenSize;
    const GH = this.G * H;
    const buf = ws.layers[l];
    const P = this.params.data;
    const lp = this.params.layers[l];
    this.inputProjection(l, input, buf, T * B);
    const { pre, act, h } = buf;
    const G = this.gateAct;
    const S = this.stateAct;

    for (let t = 0; t < T; t++) {
      const hPrev = t === 0 ? ws.h0 : h;
      const hPrevOff = t === 0 ? l * B * H : (t - 1) * B * H;
      const base = t * B * GH;
      if (this.config.cell === 'gru') {
        gemmNT(B, GH, H, hPrev, hPrevOff, P, lp.wHh, ws.rec, 0, false);
        const rec = ws.rec;
        const hn = buf.hn as Float64Array;
        for (let b = 0; b < B; b++) {
          const p = base + b * GH;
          const q = b * GH;
          const hc = (t * B + b) * H;
          const hp = hPrevOff + b * H;
          for (let j = 0; j < H; j++) {
            const ar = pre[p + j] + rec[q + j];
            const az = pre[p + H + j] + rec[q + H + j];
            pre[p + j] = ar;
            pre[p + H + j] = az;
            const r = G(ar);
            const z = G(az);
            const hnv = rec[q + 2 * H + j] + P[lp.bHh + 2 * H + j];
            const an = pre[p + 2 * H + j] + r * hnv;
            pre[p + 2 * H + j] = an;
            const n = S(an);
            act[p + j] = r;
            act[p + H + j] = z;
            act[p + 2 * H + j] = n;
            hn[hc + j] = hnv;
            h[hc + j] = (1 - z) * n + z * hPrev[hp + j];
          }
        }
        continue;
      }
      // RNN and LSTM: the recurrent product adds straight into the pre-activations.
      gemmNT(B, GH, H, hPrev, hPrevOff, P, lp.wHh, pre, base, true);
      if (this.config.cell === 'rnn') {
        const A = this.rnnAct;
        for (let i = base; i < base + B * H; i++) h[i] = A(pre[i]);
        continue;
      }
      const c = buf.c as Float64Array;
      const sc = buf.sc as Float64Array;
      const cPrev = t === 0 ? (ws.c0 as Float64Array) : c;
      const peep = lp.peep;
      for (let b = 0; b < B; b++) {
        const p = base + b * GH;
        const hc = (t * B + b) * H;
        const cp = hPrevOff + b * H;
        for (let j = 0; j < H; j++) {
          const cPrevV = cPrev[cp + j];
          let ai = pre[p + j];
          let af = pre[p + H + j];
          if (peep >= 0) {
            ai += P[peep + j] * cPrevV;
            af += P[peep + H + j] * cPrevV;
            pre[p + j] = ai;
            pre[p + H + j] = af;
          }
          const i = G(ai);
          const f = G(af);
          const g = S(pre[p + 2 * H + j]);
          const cv = f * cPrevV + i * g;
          let ao = pre[p + 3 * H + j];
          if (peep >= 0) {
            ao += P[peep + 2 * H + j] * cv;
            pre[p + 3 * H + j] = ao;
          }
          const o = G(ao);
          const s = S(cv);
          act[p + j] = i;
          act[p + H + j] = f;
          act[p + 2 * H + j] = g;
          act[p + 3 * H + j] = o;
          c[hc + j] = cv;
          sc[hc + j] = s;
          h[hc + j] = o * s;
        }
      }
    }
  }

  private forwardHead(ws: Workspace): void {
    const { T, B } = ws;
    const H = this.config.hiddenSize;
    const top = ws.layers[this.config.numLayers - 1].h;
    const rows = this.outputRows(T, B);
    const hOff = this.config.outputMode === 'last' ? (T - 1) * B * H : 0;
    const O = this.config.outputSize;
    if (O === null) {
      ws.output.set(top.subarray(hOff, hOff + rows * H));
      return;
    }
    const P = this.params.data;
    gemmNT(rows, O, H, top, hOff, P, this.params.headW, ws.output, 0, false);
    for (let r = 0; r < rows; r++) for (let o = 0; o < O; o++) ws.output[r * O + o] += P[this.params.headB + o];
  }

  /** Turns dL/d(output) into dL/dh_t of the top layer (its dhExt), and the head's parameter gradients. */
  private backwardHead(dOut: Float64Array, ws: Workspace): void {
    const { T, B } = ws;
    const H = this.config.hiddenSize;
    const topBuf = ws.layers[this.config.numLayers - 1];
    const rows = this.outputRows(T, B);
    const hOff = this.config.outputMode === 'last' ? (T - 1) * B * H : 0;
    const O = this.config.outputSize;
    topBuf.dhExt.fill(0);
    if (O === null) {
      topBuf.dhExt.set(dOut, hOff);
      return;
    }
    const P = this.params.data;
    const Gr = this.params.grad;
    gemmTN(O, H, rows, dOut, 0, topBuf.h, hOff, Gr, this.params.headW, true);
    for (let r = 0; r < rows; r++) for (let o = 0; o < O; o++) Gr[this.params.headB + o] += dOut[r * O + o];
    gemmNN(rows, H, O, dOut, 0, P, this.params.headW, topBuf.dhExt, hOff, false);
  }

  private backwardLayer(l: number, ws: Workspace, truncate: number): void {
    const { T, B } = ws;
    const H = this.config.hiddenSize;
    const GH = this.G * H;
    const cell = this.config.cell;
    const buf = ws.layers[l];
    const P = this.params.data;
    const Gr = this.params.grad;
    const lp = this.params.layers[l];
    const { pre, act, h, dh, dhExt, dPreIh, dPreHh, gateNorms } = buf;
    const dhNext = ws.dhNext;
    const dcNext = ws.dcNext;
    dhNext.fill(0);
    dcNext.fill(0);
    gateNorms.fill(0);
    const gateKind = this.config.gateActivation;
    const stateKind = this.config.stateActivation;
    const fastGates = gateKind === 'sigmoid';
    const fastState = stateKind === 'tanh';
    const G = this.G;

    for (let t = T - 1; t >= 0; t--) {
      const base = t * B * GH;
      const hPrev = t === 0 ? ws.h0 : h;
      const hPrevOff = t === 0 ? l * B * H : (t - 1) * B * H;
      if (cell === 'lstm') {
        const c = buf.c as Float64Array;
        const sc = buf.sc as Float64Array;
        const dc = buf.dc as Float64Array;
        const cPrev = t === 0 ? (ws.c0 as Float64Array) : c;
        const peep = lp.peep;
        for (let b = 0; b < B; b++) {
          const p = base + b * GH;
          const hc = (t * B + b) * H;
          const cp = hPrevOff + b * H;
          const nb = b * H;
          for (let j = 0; j < H; j++) {
            const dhv = dhExt[hc + j] + dhNext[nb + j];
            dh[hc + j] = dhv;
            const i = act[p + j], f = act[p + H + j], g = act[p + 2 * H + j], o = act[p + 3 * H + j];
            const s = sc[hc + j];
            const cv = c[hc + j];
            const cPrevV = cPrev[cp + j];
            const dGo = fastGates ? o * (1 - o) : activationDerivative(gateKind, pre[p + 3 * H + j], o);
            const dao = dhv * s * dGo;
            const dS = fastState ? 1 - s * s : activationDerivative(stateKind, cv, s);
            let dcv = dcNext[nb + j] + dhv * o * dS;
            if (peep >= 0) dcv += dao * P[peep + 2 * H + j];
            dc[hc + j] = dcv;
            const dGi = fastGates ? i * (1 - i) : activationDerivative(gateKind, pre[p + j], i);
            const dGf = fastGates ? f * (1 - f) : activationDerivative(gateKind, pre[p + H + j], f);
            const dSg = fastState ? 1 - g * g : activationDerivative(stateKind, pre[p + 2 * H + j], g);
            const dai = dcv * g * dGi;
            const daf = dcv * cPrevV * dGf;
            const dag = dcv * i * dSg;
            dPreIh[p + j] = dai;
            dPreIh[p + H + j] = daf;
            dPreIh[p + 2 * H + j] = dag;
            dPreIh[p + 3 * H + j] = dao;
            let dcPrev = dcv * f;
            if (peep >= 0) {
              dcPrev += dai * P[peep + j] + daf * P[peep + H + j];
              Gr[peep + j] += dai * cPrevV;
              Gr[peep + H + j] += daf * cPrevV;
              Gr[peep + 2 * H + j] += dao * cv;
            }
            dcNext[nb + j] = dcPrev;
          }
        }
        gemmNN(B, H, GH, dPreHh, base, P, lp.wHh, dhNext, 0, false);
      } else if (cell === 'gru') {
        const hn = buf.hn as Float64Array;
        const dhTmp = ws.dhTmp;
        for (let b = 0; b < B; b++) {
          const p = base + b * GH;
          const hc = (t * B + b) * H;
          const hp = hPrevOff + b * H;
          const nb = b * H;
          for (let j = 0; j < H; j++) {
            const dhv = dhExt[hc + j] + dhNext[nb + j];
            dh[hc + j] = dhv;
            const r = act[p + j], z = act[p + H + j], n = act[p + 2 * H + j];
            const dn = dhv * (1 - z);
            const dz = dhv * (hPrev[hp + j] - n);
            const dan = dn * (fastState ? 1 - n * n : activationDerivative(stateKind, pre[p + 2 * H + j], n));
            const dhn = dan * r;
            const dr = dan * hn[hc + j];
            const dar = dr * (fastGates ? r * (1 - r) : activationDerivative(gateKind, pre[p + j], r));
            const daz = dz * (fastGates ? z * (1 - z) : activationDerivative(gateKind, pre[p + H + j], z));
            dPreIh[p + j] = dar;
            dPreIh[p + H + j] = daz;
            dPreIh[p + 2 * H + j] = dan;
            dPreHh[p + j] = dar;
            dPreHh[p + H + j] = daz;
            dPreHh[p + 2 * H + j] = dhn;
            dhTmp[nb + j] = dhv * z;
          }
        }
        gemmNN(B, H, GH, dPreHh, base, P, lp.wHh, dhNext, 0, false);
        for (let i = 0; i < B * H; i++) dhNext[i] += dhTmp[i];
      } else {
        const kind = this.config.nonlinearity;
        for (let i = 0; i < B * H; i++) {
          const hc = t * B * H + i;
          const dhv = dhExt[hc] + dhNext[i];
          dh[hc] = dhv;
          const hv = h[hc];
          dPreIh[hc] = dhv * (kind === 'tanh' ? 1 - hv * hv : kind === 'sigmoid' ? hv * (1 - hv) : hv > 0 ? 1 : 0);
        }
        gemmNN(B, H, GH, dPreHh, base, P, lp.wHh, dhNext, 0, false);
      }
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

    // Weight gradients are sums over time (seed 001): each is one large product over all T·B rows.
    const rows = T * B;
    const input = l === 0 ? ws.x : ws.layers[l - 1].h;
    gemmTN(GH, buf.inputSize, rows, dPreIh, 0, input, 0, Gr, lp.wIh, true);
    if (T > 1) gemmTN(GH, H, (T - 1) * B, dPreHh, B * GH, h, 0, Gr, lp.wHh, true);
    gemmTN(GH, H, B, dPreHh, 0, ws.h0, l * B * H, Gr, lp.wHh, true);
    for (let r = 0; r < rows; r++) {
      const o = r * GH;
      for (let j = 0; j < GH; j++) {
        Gr[lp.bIh + j] += dPreIh[o + j];
        Gr[lp.bHh + j] += dPreHh[o + j];
      }
    }
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
