/**
 * The `text` row of `npm run bench`: a character model's training step — vocabulary V = 500 one-hot in, an
 * LSTM with H = 128, a dense softmax head over the V symbols at every timestep (T = 32, B = 32), mean
 * cross-entropy, Adam. The engine takes the input as symbol ids (a row lookup instead of the V-wide product)
 * and fuses softmax with cross-entropy. TensorFlow.js runs it twice, interleaved with the engine in the same
 * rounds: the same dense one-hot model (cpu and wasm), and the idiomatic Embedding(V, H) + LSTM(H) + Dense(V)
 * (wasm), which is a different model (H-wide inputs through a learned table) and the fairer peer for speed.
 */
import { makeModelConfig } from '../src/engine/config.ts';
import { DEFAULT_INIT, initParams } from '../src/engine/init.ts';
import { softmaxCrossEntropy } from '../src/engine/loss.ts';
import { RecurrentNet } from '../src/engine/network.ts';
import { createOptimizer } from '../src/engine/optim.ts';
import { Rng } from '../src/engine/rng.ts';
import { fmtRate, median, spread, timeSteps } from './measure.ts';
import { tfTrainingStep, type TF, type TfStep } from './tfjs.ts';

type Tensor = ReturnType<TF['tensor']>;

const TEXT_SHAPE = { V: 500, H: 128, T: 32, B: 32 } as const;
const { V, H, T, B } = TEXT_SHAPE;
/** Engine ≥ 3× tfjs-wasm on the same dense model, ≥ 1× tfjs-wasm with an Embedding layer. */
const TEXT_TARGETS = { wasmDense: 3, wasmEmbedding: 1 } as const;

export interface TextResult {
  config: 'text'; V: number; H: number; T: number; B: number;
  engine_steps_per_s: number;
  tfjs_cpu_steps_per_s: number;
  tfjs_wasm_steps_per_s: number;
  tfjs_wasm_embedding_steps_per_s: number;
}

export interface TextSamples { engine: number[]; cpu: number[]; wasm: number[]; embedding: number[]; losses: string }

/** Random text windows: symbols [T, B] time-major for the engine, the next symbol of each as the label. */
function makeText(): { symbols: Int32Array; labels: Float64Array } {
  const rng = new Rng(4321);
  const symbols = new Int32Array(T * B);
  const labels = new Float64Array(T * B);
  for (let b = 0; b < B; b++) {
    let cur = rng.int(V);
    for (let t = 0; t < T; t++) {
      const next = rng.int(V);
      symbols[t * B + b] = cur;
      labels[t * B + b] = next;
      cur = next;
    }
  }
  return { symbols, labels };
}

function engineStep(data: ReturnType<typeof makeText>): () => number {
  const net = new RecurrentNet(makeModelConfig({ cell: 'lstm', inputSize: V, hiddenSize: H, outputSize: V, outputMode: 'sequence' }));
  initParams(net.params, new Rng(42), DEFAULT_INIT);
  const opt = createOptimizer({ kind: 'adam', lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 }, net.params.size);
  const batch = { x: new Float64Array(0), symbols: data.symbols, T, B };
  const dOut = new Float64Array(T * B * V);
  return () => {
    const fwd = net.forward(batch);
    const loss = softmaxCrossEntropy(fwd.output, data.labels, V, dOut);
    net.params.zeroGrad();
    net.backward(dOut, { inputGradient: false });
    opt.step(net.params.data, net.params.grad);
    return loss;
  };
}

interface WasmBackendLike {
  readSync(dataId: object): ArrayLike<number>;
  makeOutput(shape: number[], dtype: string): { shape: number[]; dtype: string; dataId: object };
  typedArrayFromHeap(info: { shape: number[]; dtype: string; dataId: object }): Float32Array;
}

/**
 * TF.js 4.22's wasm backend lacks UnsortedSegmentSum, the gradient of Embedding's gather: without it the
 * Embedding model cannot train there. This plain-JS one (a scatter-add of B·T rows of H, negligible next to a
 * step) stands in, registered once.
 */
function registerSegmentSum(tf: TF): void {
  if (tf.getKernel('UnsortedSegmentSum', 'wasm')) return;
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const wasm = backend as unknown as WasmBackendLike;
      const x = inputs.x as unknown as { shape: number[]; dtype: string; dataId: object };
      const ids = wasm.readSync((inputs.segmentIds as unknown as { dataId: object }).dataId);
      const numSegments = (attrs as unknown as { numSegments: number }).numSegments;
      const values = wasm.readSync(x.dataId);
      const width = values.length / ids.length;
      const out = wasm.makeOutput([numSegments, ...x.shape.slice(1)], x.dtype);
      const sums = wasm.typedArrayFromHeap(out);
      sums.fill(0);
      for (let r = 0; r < ids.length; r++) for (let k = 0; k < width; k++) sums[ids[r] * width + k] += values[r * width + k];
      return out as never;
    },
  });
}

/** One TF.js step (forward + backward + Adam) of the dense one-hot or the Embedding model. */
async function tfStep(tf: TF, backend: string, embedding: boolean, data: ReturnType<typeof makeText>): Promise<TfStep> {
  await tf.setBackend(backend);
  const model = tf.sequential();
  if (embedding) model.add(tf.layers.embedding({ inputDim: V, outputDim: H, inputLength: T }));
  // Keras' orthogonal recurrent init is slow to set up in TF.js and does not change a step's cost.
  model.add(tf.layers.lstm({ units: H, returnSequences: true, recurrentInitializer: 'glorotUniform', ...(embedding ? {} : { inputShape: [T, V] }) }));
  model.add(tf.layers.dense({ units: V }));
  // Batch-first copies of the same windows.
  const ids = new Int32Array(B * T);
  const labels = new Float32Array(B * T * V);
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) {
      ids[b * T + t] = data.symbols[t * B + b];
      labels[(b * T + t) * V + data.labels[t * B + b]] = 1;
    }
  }
  let x: Tensor;
  if (embedding) x = tf.tensor2d(ids, [B, T], 'int32');
  else {
    const oneHot = new Float32Array(B * T * V);
    ids.forEach((k, r) => (oneHot[r * V + k] = 1));
    x = tf.tensor3d(oneHot, [B, T, V]);
  }
  const y = tf.tensor3d(labels, [B, T, V]);
  const opt = tf.train.adam(1e-3, 0.9, 0.999, 1e-8);
  const lossFn = () => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as Tensor) as ReturnType<TF['scalar']>;
  return tfTrainingStep(opt, lossFn, [x, y, model]);
}

const ROUNDS = 3;
const ENGINE_STEPS = 3;
/** tfjs-cpu takes seconds per step here: two rounds of one step. */
const CPU_ROUNDS = 2;

export async function benchText(tf: TF, wasmOk: boolean, progress: (s: string) => void): Promise<{ r: TextResult; x: TextSamples }> {
  const data = makeText();
  progress('[text] engine warm-up');
  const engine = engineStep(data);
  const firstE = engine();
  for (let i = 0; i < 2; i++) engine();
  progress('[text] building TF.js models, warm-up');
  const cpu = await tfStep(tf, 'cpu', false, data);
  const firstC = cpu.step();
  if (wasmOk) registerSegmentSum(tf);
  const wasm = wasmOk ? await tfStep(tf, 'wasm', false, data) : null;
  const emb = wasmOk ? await tfStep(tf, 'wasm', true, data) : null;
  const firstW = wasm ? wasm.step() : NaN;
  const firstEmb = emb ? emb.step() : NaN;
  const s: TextSamples = { engine: [], cpu: [], wasm: [], embedding: [], losses: '' };
  let lossE = NaN, lossC = NaN, lossW = NaN, lossEmb = NaN;
  for (let r = 0; r < ROUNDS; r++) {
    progress(`[text] round ${r + 1}/${ROUNDS}`);
    const e = timeSteps(engine, ENGINE_STEPS);
    s.engine.push(e.rate);
    lossE = e.loss;
    if (r < CPU_ROUNDS) {
      await tf.setBackend('cpu');
      const c = timeSteps(cpu.step, 1);
      s.cpu.push(c.rate);
      lossC = c.loss;
    }
    if (wasm && emb) {
      await tf.setBackend('wasm');
      const w = timeSteps(wasm.step, 1);
      s.wasm.push(w.rate);
      lossW = w.loss;
      const m = timeSteps(emb.step, 1);
      s.embedding.push(m.rate);
      lossEmb = m.loss;
    }
  }
  cpu.dispose();
  wasm?.dispose();
  emb?.dispose();
  const fl = (v: number): string => (Number.isFinite(v) ? v.toFixed(4) : String(v));
  s.losses = `loss first → last timed step: engine ${fl(firstE)} → ${fl(lossE)}, tfjs-cpu ${fl(firstC)} → ${fl(lossC)}, ` +
    `tfjs-wasm ${fl(firstW)} → ${fl(lossW)}, tfjs-wasm Embedding ${fl(firstEmb)} → ${fl(lossEmb)} (ln ${V} = ${Math.log(V).toFixed(4)})`;
  return {
    r: {
      config: 'text', V, H, T, B,
      engine_steps_per_s: median(s.engine),
      tfjs_cpu_steps_per_s: median(s.cpu),
      tfjs_wasm_steps_per_s: median(s.wasm),
      tfjs_wasm_embedding_steps_per_s: median(s.embedding),
    },
    x: s,
  };
}

export function printText(r: TextResult, x: TextSamples, say: (s: string) => void): void {
  say(`text  (one-hot V=${r.V} → LSTM H=${r.H} → softmax over V at every step; T=${r.T} B=${r.B}; cross-entropy, Adam)`);
  say(`  engine (symbol ids, fused softmax)  ${fmtRate(r.engine_steps_per_s).padStart(7)} steps/s   (${spread(x.engine)})`);
  say(`  tfjs-cpu  dense one-hot             ${fmtRate(r.tfjs_cpu_steps_per_s).padStart(7)} steps/s   (${spread(x.cpu)})`);
  say(`  tfjs-wasm dense one-hot             ${fmtRate(r.tfjs_wasm_steps_per_s).padStart(7)} steps/s   (${spread(x.wasm)})`);
  say(`  tfjs-wasm Embedding(${r.V}, ${r.H})       ${fmtRate(r.tfjs_wasm_embedding_steps_per_s).padStart(7)} steps/s   (${spread(x.embedding)})`);
  say(`  engine/cpu ${(r.engine_steps_per_s / r.tfjs_cpu_steps_per_s).toFixed(1)}×   engine/wasm ${(r.engine_steps_per_s / r.tfjs_wasm_steps_per_s).toFixed(2)}×` +
    `   engine/wasm-Embedding ${(r.engine_steps_per_s / r.tfjs_wasm_embedding_steps_per_s).toFixed(2)}×`);
  say(`  ${x.losses}`);
  say('');
}

export function printTextTargets(r: TextResult, say: (s: string) => void): void {
  const dense = r.engine_steps_per_s / r.tfjs_wasm_steps_per_s;
  const emb = r.engine_steps_per_s / r.tfjs_wasm_embedding_steps_per_s;
  const line = (ok: boolean, what: string): void => say(`  ${ok ? 'PASS' : 'MISS'}  text      ${what}`);
  line(dense >= TEXT_TARGETS.wasmDense, `engine/tfjs-wasm (same dense model) ${dense.toFixed(2)}× (target ≥ ${TEXT_TARGETS.wasmDense}×)`);
  line(emb >= TEXT_TARGETS.wasmEmbedding, `engine/tfjs-wasm (Embedding + LSTM + Dense) ${emb.toFixed(2)}× (target ≥ ${TEXT_TARGETS.wasmEmbedding}×)`);
}
