import { describe, expect, it } from 'vitest';
import { carryProducts, fitDecay, rnnJacobianProducts } from '../engine/analysis/gradientFlow.ts';
import { firstNonFiniteOutput, firstNonFiniteState, lastNonFiniteGradient } from '../engine/analysis/nonFinite.ts';
import { inputRows, stateRows, timestepTerms } from '../engine/analysis/timestepTerms.ts';
import { makeModelConfig, type CellKind } from '../engine/config.ts';
import { gateCount, gateIndex } from '../engine/gateLayout.ts';
import { mseLoss, softmaxCrossEntropy } from '../engine/loss.ts';
import { RecurrentNet } from '../engine/network.ts';
import { Rng } from '../engine/rng.ts';
import { LossBuffers, trainStep, type TrainingBatch } from '../engine/train.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import { buildRun, stepOptionsOf } from './buildRun.ts';
import { FlowRecorder, lastRowLossGradient, RNN_MECHANISM_MAX_HIDDEN } from './gradientFlowFrame.ts';
import { ProbeRecorder } from './probeFrame.ts';
import { MECHANISM_MIN_INTERVAL_MS } from './pacing.ts';
import { TrainerCore } from './trainerCore.ts';
import { ofType } from '../testing/workerMessages.ts';

const I = 2;

function randomNet(cell: CellKind, H: number, opts: { layers?: number; outputMode?: 'last' | 'sequence'; outputSize?: number; seed?: number; scale?: number } = {}) {
  const net = new RecurrentNet(
    makeModelConfig({ cell, inputSize: I, hiddenSize: H, numLayers: opts.layers ?? 1, outputSize: opts.outputSize ?? 1, outputMode: opts.outputMode ?? 'sequence' }),
  );
  const rng = new Rng(opts.seed ?? 7);
  const s = opts.scale ?? 0.6;
  for (let i = 0; i < net.params.size; i++) net.params.data[i] = rng.uniform(-s, s);
  return { net, rng };
}

function probeOf(net: RecurrentNet, T: number, rng: Rng): TrainingBatch {
  const x = Float64Array.from({ length: T * I }, () => rng.uniform(-1, 1));
  const rows = net.outputRows(T, 1);
  const target = Float64Array.from({ length: rows * net.outputWidth }, () => rng.uniform(-1, 1));
  return { x, T, B: 1, target };
}

/** L_T: the MSE of the last output row alone, straight from a forward pass. */
function lastLoss(net: RecurrentNet, batch: TrainingBatch, state: { h0?: Float64Array; c0?: Float64Array } = {}): number {
  const fwd = net.forward(batch, state);
  const O = fwd.outputWidth;
  const last = (fwd.outputRows - 1) * O;
  const dOut = new Float64Array(O);
  return mseLoss(fwd.output.slice(last), batch.target.slice(batch.target.length - O), dOut);
}

const norm = (a: ArrayLike<number>) => Math.sqrt(Array.from(a).reduce((s, v) => s + v * v, 0));

describe('gradient-decay frame', () => {
  for (const cell of ['rnn', 'lstm', 'gru'] as const) {
    it(`${cell}: ‖∂L_T/∂h_t‖, ‖∂L_T/∂c_t‖ and ‖∂L_T/∂x_t‖ match finite differences of the last step's loss`, () => {
      const H = 3, T = 6;
      const { net, rng } = randomNet(cell, H);
      const probe = probeOf(net, T, rng);
      const frame = new ProbeRecorder(net, probe, 'mse').capture(0, 0);
      const flow = frame.flow!;
      const eps = 1e-6;
      const fwd = net.forward(probe);
      const h = fwd.layers[0].h.slice();
      const c = fwd.layers[0].c?.slice() ?? null;
      const xs = (t: number) => ({ x: probe.x.slice((t + 1) * I), T: T - 1 - t, B: 1, target: probe.target.slice(probe.target.length - 1) });
      for (let t = 0; t < T - 1; t++) {
        // The rest of the sequence from the state at t: L_T as a function of h_t (and c_t).
        const start = { h0: h.slice(t * H, (t + 1) * H), c0: c ? c.slice(t * H, (t + 1) * H) : undefined };
        const suffix = new RecurrentNet(net.config, net.params.clone());
        // ∂L/∂c_t in BPTT is total: moving c_t also moves h_t = o_t ⊙ tanh(c_t) at the same step.
        const o = (j: number) => fwd.layers[0].act[t * 4 * H + gateIndex('lstm', 'o') * H + j];
        const moved = (which: 'h0' | 'c0', j: number, d: number) => {
          const s = { h0: start.h0.slice(), c0: start.c0?.slice() };
          s[which]![j] += d;
          if (which === 'c0') s.h0[j] = o(j) * Math.tanh(s.c0![j]);
          return s;
        };
        const diff = (which: 'h0' | 'c0') => {
          const g = new Float64Array(H);
          for (let j = 0; j < H; j++) g[j] = (lastLoss(suffix, xs(t), moved(which, j, eps)) - lastLoss(suffix, xs(t), moved(which, j, -eps))) / (2 * eps);
          return norm(g);
        };
        expect(flow.dh[t]).toBeCloseTo(diff('h0'), 5);
        if (c) expect(flow.dc![t]).toBeCloseTo(diff('c0'), 5);
      }
      for (let t = 0; t < T; t++) {
        const g = new Float64Array(I);
        for (let k = 0; k < I; k++) {
          const up = { ...probe, x: probe.x.slice() };
          const dn = { ...probe, x: probe.x.slice() };
          up.x[t * I + k] += eps;
          dn.x[t * I + k] -= eps;
          g[k] = (lastLoss(net, up) - lastLoss(net, dn)) / (2 * eps);
        }
        expect(flow.dx[t]).toBeCloseTo(norm(g), 5);
      }
      expect(flow.decaySlope[0]).toBeCloseTo(fitDecay(Array.from(flow.dh)).slope, 5);
      expect(flow.dc === null).toBe(cell !== 'lstm');
    });
  }

  it("many-to-one: the decay is the probe's own gradient (no second backward pass)", () => {
    const { net, rng } = randomNet('lstm', 4, { outputMode: 'last', layers: 2 });
    const frame = new ProbeRecorder(net, probeOf(net, 8, rng), 'mse').capture(0, 0);
    frame.layers.forEach((l, k) => expect(Array.from(frame.flow!.dh.subarray(k * 8, (k + 1) * 8))).toEqual(Array.from(l.dhNorm)));
    expect(Array.from(frame.flow!.dx)).toEqual(Array.from(frame.dxNorm));
  });

  it('the last-row loss gradient matches the loss of that row alone (MSE and cross-entropy)', () => {
    const out = Float64Array.from([0.1, 0.7, -0.2, 0.4, 0.3, 0.9]);
    const dOut = new Float64Array(6).fill(5);
    const l = lastRowLossGradient('mse', out, Float64Array.from([0, 0, 0, 0, 1, 1]), 3, 2, dOut);
    const ref = new Float64Array(2);
    expect(l).toBe(mseLoss(out.slice(4), Float64Array.from([1, 1]), ref));
    expect(Array.from(dOut)).toEqual([0, 0, 0, 0, ...ref]);
    const lce = lastRowLossGradient('crossEntropy', out, Float64Array.from([0, 1, 0]), 3, 2, dOut);
    expect(lce).toBe(softmaxCrossEntropy(out.slice(4), Float64Array.from([0]), 2, ref));
    expect(Array.from(dOut)).toEqual([0, 0, 0, 0, ...ref]);
  });

  for (const cell of ['rnn', 'lstm', 'gru'] as const) {
    it(`${cell}: RNNbow terms equal the engine's split of the summed gradient for one sequence (2 layers)`, () => {
      const H = 4, T = 7;
      const { net, rng } = randomNet(cell, H, { layers: 2 });
      const probe = probeOf(net, T, rng);
      const h0 = Float64Array.from({ length: 2 * H }, () => rng.uniform(-0.5, 0.5));
      probe.state = { h0 };
      const flow = new ProbeRecorder(net, probe, 'mse').capture(0, 0).flow!;
      // The reference: the decay backward by hand, then the engine's general split.
      const fwd = net.forward(probe, probe.state);
      const dOut = new Float64Array(fwd.output.length);
      lastRowLossGradient('mse', fwd.output, probe.target, fwd.outputRows, 1, dOut);
      net.params.zeroGrad();
      const bwd = net.backward(dOut);
      const GH = gateCount(cell) * H;
      for (let l = 0; l < 2; l++) {
        const inputSize = l === 0 ? I : H;
        // Without the accumulated gradient: the split sums G itself.
        const ih = timestepTerms(bwd.layers[l].dPreIh, inputRows(fwd, l, inputSize), T, 1, GH, inputSize);
        const hh = timestepTerms(bwd.layers[l].dPreHh, stateRows(fwd, l, H), T, 1, GH, H);
        for (let t = 0; t < T; t++) {
          expect(flow.hhNorm[l * T + t]).toBeCloseTo(hh.norm[t], 6);
          expect(flow.hhShare[l * T + t]).toBeCloseTo(hh.share[t], 6);
          expect(flow.ihNorm[l * T + t]).toBeCloseTo(ih.norm[t], 6);
          expect(flow.ihShare[l * T + t]).toBeCloseTo(ih.share[t], 6);
        }
        expect(Array.from(flow.hhShare.subarray(l * T, (l + 1) * T)).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      }
    });
  }

  it('mechanism: RNN Jacobian products, LSTM ∏f, GRU ∏z, per layer and indexed by distance', () => {
    const T = 6;
    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      const { net, rng } = randomNet(cell, 3, { layers: 2 });
      const flow = new ProbeRecorder(net, probeOf(net, T, rng), 'mse').capture(0, 0).flow!;
      expect(flow.mechanism).toHaveLength(2 * T);
      expect(flow.mechanism![0]).toBe(1);
      expect(flow.mechanism![T]).toBe(1);
    }
    // Values against the engine's functions on the same trace.
    const { net, rng } = randomNet('rnn', 3, { layers: 2 });
    const probe = probeOf(net, T, rng);
    const rnnFlow = new ProbeRecorder(net, probe, 'mse').capture(0, 0).flow!;
    const fwd = net.forward(probe);
    for (let l = 0; l < 2; l++) {
      const ref = rnnJacobianProducts(net.params, l, fwd.layers[l].pre, fwd.layers[l].h, T);
      for (let k = 0; k < T; k++) expect(rnnFlow.mechanism![l * T + k]).toBeCloseTo(ref[k], 5);
    }
    const lstm = randomNet('lstm', 3);
    const lp = probeOf(lstm.net, T, lstm.rng);
    const lstmFlow = new ProbeRecorder(lstm.net, lp, 'mse').capture(0, 0).flow!;
    const ref = carryProducts(lstm.net.config, lstm.net.forward(lp).layers[0].act, T);
    for (let k = 0; k < T; k++) expect(lstmFlow.mechanism![k]).toBeCloseTo(ref[k], 6);
  });

  it('the costly RNN mechanism is reused when not allowed, and skipped for large H', () => {
    const T = 5;
    const { net, rng } = randomNet('rnn', 4);
    const probe = probeOf(net, T, rng);
    const rec = new ProbeRecorder(net, probe, 'mse');
    expect(rec.mechanismIsCostly).toBe(true);
    const first = rec.capture(0, 0, true).flow!.mechanism!;
    expect(rec.mechanismMs).not.toBeNull();
    for (let i = 0; i < net.params.size; i++) net.params.data[i] *= 1.1;
    const reused = rec.capture(1, 0, false).flow!.mechanism!;
    expect(rec.mechanismMs).toBeNull();
    expect(Array.from(reused)).toEqual(Array.from(first));
    expect(reused).not.toBe(first);
    expect(Array.from(rec.capture(2, 0, true).flow!.mechanism!)).not.toEqual(Array.from(first));
    // Before any computation there is nothing to reuse.
    expect(new FlowRecorder().capture(net, net.forward(probe), net.backward(new Float64Array(T)), net.params.grad, false).mechanism).toBeNull();
    const big = randomNet('rnn', RNN_MECHANISM_MAX_HIDDEN + 1, { scale: 0.05 });
    const bigRec = new ProbeRecorder(big.net, probeOf(big.net, 3, big.rng), 'mse');
    expect(bigRec.mechanismIsCostly).toBe(false);
    expect(bigRec.capture(0, 0, true).flow!.mechanism).toBeNull();
  });

  it('leaves params.grad and the weights as they were', () => {
    const { net, rng } = randomNet('gru', 3);
    for (let i = 0; i < net.params.size; i++) net.params.grad[i] = rng.uniform(-1, 1);
    const grad = Array.from(net.params.grad);
    const data = Array.from(net.params.data);
    new ProbeRecorder(net, probeOf(net, 5, rng), 'mse').capture(0, 0);
    expect(Array.from(net.params.grad)).toEqual(grad);
    expect(Array.from(net.params.data)).toEqual(data);
  });
});

describe('where a NaN/Inf appeared', () => {
  it('forward: the earliest timestep, then the lowest layer, whose state is not finite', () => {
    const T = 50;
    const { net, rng } = randomNet('rnn', 3, { layers: 2 });
    const probe = probeOf(net, T, rng);
    expect(firstNonFiniteState(net.forward(probe), 3)).toBeNull();
    probe.x[37 * I + 1] = NaN;
    probe.x[45 * I] = NaN;
    expect(firstNonFiniteState(net.forward(probe), 3)).toEqual({ timestep: 37, layer: 0, quantity: 'h' });
    const lstm = randomNet('lstm', 3);
    const lp = probeOf(lstm.net, T, lstm.rng);
    lp.x[12 * I] = NaN;
    // c_t is computed before h_t = o·tanh(c_t), so it is named first.
    expect(firstNonFiniteState(lstm.net.forward(lp), 3)).toEqual({ timestep: 12, layer: 0, quantity: 'c' });
  });

  it('backward: the latest timestep whose ∂L/∂h_t overflows, walking back from T', () => {
    // At the fixed point h = 0 (no input, no biases) tanh′ = 1, so with W_hh = 10·I every step back multiplies
    // ∂L/∂h by exactly 10 while the forward pass stays finite (all zeros).
    const H = 2, T = 400;
    const net = new RecurrentNet(makeModelConfig({ cell: 'rnn', inputSize: 1, hiddenSize: H, outputSize: 1, outputMode: 'last' }));
    const p = net.params;
    for (let j = 0; j < H; j++) p.value('weight_hh_l0')[j * H + j] = 10;
    p.value('head.weight').set([0.5, -0.25]);
    const batch: TrainingBatch = { x: new Float64Array(T), T, B: 1, target: Float64Array.from([1]) };
    const step = () => trainStep(net, { step: () => {} } as never, batch, { loss: 'mse', clip: { mode: 'none', value: 1 }, truncate: 0 }, new LossBuffers());
    expect(step).toThrow(/gradient/);
    const fwd = net.forward(batch);
    expect(firstNonFiniteState(fwd, H)).toBeNull();
    const dOut = new Float64Array(1);
    mseLoss(fwd.output, batch.target, dOut);
    p.zeroGrad();
    const bwd = net.backward(dOut);
    // The same products by hand: the largest |∂L/∂h_{T−1}| times 10 per step back, until it overflows.
    let v = Math.max(Math.abs(dOut[0] * 0.5), Math.abs(dOut[0] * 0.25));
    let t = T - 1;
    while (Number.isFinite(v * 10)) {
      v *= 10;
      t--;
    }
    expect(lastNonFiniteGradient(bwd, T, 1, H)).toEqual({ timestep: t - 1, layer: 0, quantity: 'dh' });
  });

  it('the trainer names the step, timestep and layer of an exploding RNN (ReLU, spectral norm 5, no clipping)', () => {
    const config: RunConfig = { ...DEFAULT_RUN_CONFIG, cell: 'rnn', nonlinearity: 'relu', recurrentScale: 5, optimizer: 'sgd', momentum: 0, clip: 'none', seqLen: 40, hiddenSize: 12 };
    const core = new TrainerCore(() => 0);
    core.handle({ type: 'init', runId: 1, config });
    const failure = ofType(core.handle({ type: 'step', runId: 1, count: 50 }), 'failure')[0].failure;
    expect(failure.where).toBe('loss');
    expect(failure.timestep).not.toBeNull();
    expect(failure.message).toContain(`overflow at timestep ${failure.timestep! + 1} of layer ${failure.layer! + 1}`);
    // Replay the run to the failing batch: its state is finite before that timestep and not at it.
    const run = buildRun(config);
    const options = stepOptionsOf(config, run.task);
    for (let k = 1; k < failure.step; k++) trainStep(run.net, run.optimizer, run.task.trainBatch(run.data, 16), options, new LossBuffers());
    const fwd = run.net.forward(run.task.trainBatch(run.data, 16));
    const H = 12, B = 16;
    const finiteAt = (t: number) => fwd.layers.every((l) => l.h.subarray(t * B * H, (t + 1) * B * H).every(Number.isFinite));
    expect(finiteAt(failure.timestep! - 1)).toBe(true);
    expect(finiteAt(failure.timestep!)).toBe(false);
  });

  it('an overflowing head is located at the output', () => {
    const { net, rng } = randomNet('rnn', 3);
    const probe = probeOf(net, 10, rng);
    net.params.value('head.bias')[0] = 1e200;
    expect(firstNonFiniteOutput(net.forward(probe))).toEqual({ timestep: 0, layer: null, quantity: 'y' });
  });
});

describe('the trainer rations the RNN mechanism', () => {
  it('paused frames compute it; frames while playing reuse it within the minimum interval', () => {
    const config: RunConfig = { ...DEFAULT_RUN_CONFIG, cell: 'rnn', seqLen: 12, hiddenSize: 8, batchSize: 4 };
    let t = 0;
    const core = new TrainerCore(() => (t += 0.01));
    const init = ofType(core.handle({ type: 'init', runId: 1, config }), 'frame')[0].frame.flow!.mechanism!;
    const stepped = ofType(core.handle({ type: 'step', runId: 1, count: 3 }), 'frame')[0].frame.flow!.mechanism!;
    expect(Array.from(stepped)).not.toEqual(Array.from(init));
    core.handle({ type: 'play', runId: 1 });
    const frames = [];
    while (frames.length < 3) frames.push(...ofType(core.runFor(20), 'frame'));
    expect(t).toBeLessThan(MECHANISM_MIN_INTERVAL_MS);
    for (const f of frames) {
      expect(f.frame.step).toBeGreaterThan(3);
      expect(Array.from(f.frame.flow!.mechanism!)).toEqual(Array.from(stepped));
    }
    t += MECHANISM_MIN_INTERVAL_MS;
    let fresh = ofType(core.runFor(20), 'frame');
    while (fresh.length === 0) fresh = ofType(core.runFor(20), 'frame');
    expect(Array.from(fresh[0].frame.flow!.mechanism!)).not.toEqual(Array.from(stepped));
  });

  it('a pause right after a frame that reused an older mechanism sends the frame again, with a fresh one', () => {
    const config: RunConfig = { ...DEFAULT_RUN_CONFIG, cell: 'rnn', seqLen: 12, hiddenSize: 8, batchSize: 4 };
    let t = 0;
    const core = new TrainerCore(() => (t += 0.01));
    const init = ofType(core.handle({ type: 'init', runId: 1, config }), 'frame')[0].frame.flow!.mechanism!;
    core.handle({ type: 'play', runId: 1 });
    let frames = ofType(core.runFor(20), 'frame');
    while (frames.length === 0) frames = ofType(core.runFor(20), 'frame');
    const reused = frames[0].frame;
    expect(Array.from(reused.flow!.mechanism!)).toEqual(Array.from(init));
    const paused = ofType(core.handle({ type: 'pause', runId: 1 }), 'frame');
    expect(paused).toHaveLength(1);
    expect(paused[0].frame.step).toBe(reused.step);
    expect(Array.from(paused[0].frame.flow!.mechanism!)).not.toEqual(Array.from(init));
    // Nothing changed since: a second pause sends nothing.
    expect(ofType(core.handle({ type: 'pause', runId: 1 }), 'frame')).toHaveLength(0);
  });
});
