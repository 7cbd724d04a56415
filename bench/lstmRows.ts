/**
 * The four LSTM rows of `npm run bench` — their shapes, how many steps each contestant is timed for, the flops
 * counted per step, the data — and the same model built in the engine and in TensorFlow.js.
 */
import type { Scalar, Tensor } from '@tensorflow/tfjs';
import { makeModelConfig } from '../src/engine/config.ts';
import { DEFAULT_INIT, initParams } from '../src/engine/init.ts';
import { mseLoss } from '../src/engine/loss.ts';
import { RecurrentNet } from '../src/engine/network.ts';
import { createOptimizer } from '../src/engine/optim.ts';
import { Rng } from '../src/engine/rng.ts';
import { tfTrainingStep, type TF, type TfStep } from './tfjs.ts';

export interface BenchConfig { name: string; I: number; H: number; T: number; B: number; L: number }

export const CONFIGS: BenchConfig[] = [
  { name: 'tiny', I: 1, H: 8, T: 20, B: 1, L: 1 },
  { name: 'classroom', I: 1, H: 32, T: 50, B: 16, L: 1 },
  { name: 'medium', I: 8, H: 64, T: 100, B: 32, L: 1 },
  { name: 'large', I: 32, H: 256, T: 100, B: 32, L: 2 },
];

/** Flops of one training step as counted for GFLOP/s: 6 · Σ_layers 4H(I_l + H) · T · B (fwd 2, bwd 4). */
export function stepFlops(c: BenchConfig): number {
  let f = 0;
  for (let l = 0; l < c.L; l++) f += 4 * c.H * ((l === 0 ? c.I : c.H) + c.H);
  return 6 * f * c.T * c.B;
}

/**
 * How each contestant is timed per configuration. A round runs `steps` steps and yields one steps/s sample;
 * rounds are interleaved across contestants. Heap growth is read afterwards (engine alone, gc'd until stable)
 * over `heapSteps` steps: 1,000 where a step is cheap, fewer where 1,000 would blow the time budget.
 */
export interface Plan { rounds: number; engineSteps: number; cpuSteps: number; wasmSteps: number; cpuRounds: number; heapSteps: number }

export function plan(c: BenchConfig): Plan {
  switch (c.name) {
    case 'tiny':
      return { rounds: 7, engineSteps: 2000, cpuSteps: 10, wasmSteps: 10, cpuRounds: 7, heapSteps: 1000 };
    case 'classroom':
      return { rounds: 5, engineSteps: 60, cpuSteps: 3, wasmSteps: 5, cpuRounds: 5, heapSteps: 1000 };
    case 'medium':
      return { rounds: 5, engineSteps: 4, cpuSteps: 1, wasmSteps: 2, cpuRounds: 3, heapSteps: 50 };
    default:
      // tfjs-cpu needs tens of seconds per step here: a single timed step (after a warm-up on the smaller
      // configurations, which share all its kernels). Heap: 1 step after the warm-up (the workspace is allocated
      // by the first step; a per-step allocation would show in any later one).
      return { rounds: 3, engineSteps: 1, cpuSteps: 1, wasmSteps: 1, cpuRounds: 1, heapSteps: 1 };
  }
}

/** Deterministic data: x uniform in [−1, 1); target = 0.5 · (first input feature at the last step) + 0.1. */
export function makeData(c: BenchConfig): { xTBI: Float64Array; xBTI: Float32Array; y: Float64Array } {
  const rng = new Rng(1234);
  const { I, T, B } = c;
  const xTBI = new Float64Array(T * B * I);
  const xBTI = new Float32Array(T * B * I);
  for (let t = 0; t < T; t++) {
    for (let b = 0; b < B; b++) {
      for (let i = 0; i < I; i++) {
        const v = rng.uniform(-1, 1);
        xTBI[(t * B + b) * I + i] = v;
        xBTI[(b * T + t) * I + i] = v;
      }
    }
  }
  const y = new Float64Array(B);
  for (let b = 0; b < B; b++) y[b] = 0.5 * xTBI[((T - 1) * B + b) * I] + 0.1;
  return { xTBI, xBTI, y };
}

export interface EngineRunner { step(): number; net: RecurrentNet }

export function makeEngine(c: BenchConfig, data: ReturnType<typeof makeData>): EngineRunner {
  const net = new RecurrentNet(makeModelConfig({
    cell: 'lstm', inputSize: c.I, hiddenSize: c.H, numLayers: c.L, outputSize: 1, outputMode: 'last',
  }));
  initParams(net.params, new Rng(42), DEFAULT_INIT);
  const opt = createOptimizer({ kind: 'adam', lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 }, net.params.size);
  const dOut = new Float64Array(c.B);
  const batch = { x: data.xTBI, T: c.T, B: c.B };
  const target = data.y;
  return {
    net,
    step(): number {
      const fwd = net.forward(batch);
      const loss = mseLoss(fwd.output, target, dOut);
      net.params.zeroGrad();
      net.backward(dOut);
      opt.step(net.params.data, net.params.grad);
      return loss;
    },
  };
}

export async function makeTf(tf: TF, backend: string, c: BenchConfig, data: ReturnType<typeof makeData>): Promise<TfStep> {
  await tf.setBackend(backend);
  const model = tf.sequential();
  for (let l = 0; l < c.L; l++) {
    model.add(tf.layers.lstm({
      units: c.H,
      activation: 'tanh',
      recurrentActivation: 'sigmoid',
      // Keras' default orthogonal recurrent init runs a QR on [H, 4H] in TF.js: ~15 s for H = 256 on wasm.
      // Initialisation is not timed and does not change the cost of a step, so use a cheap one.
      recurrentInitializer: 'glorotUniform',
      returnSequences: l < c.L - 1,
      ...(l === 0 ? { inputShape: [c.T, c.I] } : {}),
    }));
  }
  model.add(tf.layers.dense({ units: 1 }));
  const x = tf.tensor3d(data.xBTI, [c.B, c.T, c.I]);
  const y = tf.tensor2d(Float32Array.from(data.y), [c.B, 1]);
  const opt = tf.train.adam(1e-3, 0.9, 0.999, 1e-8);
  const lossFn = (): Scalar => tf.losses.meanSquaredError(y, model.apply(x, { training: true }) as Tensor) as Scalar;
  return tfTrainingStep(opt, lossFn, [x, y, model]);
}
