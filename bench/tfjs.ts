/**
 * TensorFlow.js as the benchmarks' peer: loaded with its wasm backend (single-threaded, SIMD) beside 'cpu', and
 * one training step of a model timed the way every row times it.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Optimizer, Scalar } from '@tensorflow/tfjs';

export type TF = typeof import('@tensorflow/tfjs');

export async function loadTf(): Promise<{ tf: TF; wasmOk: boolean; wasmNote: string }> {
  const tf = await import('@tensorflow/tfjs');
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const require = createRequire(import.meta.url);
  const dist = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep;
  wasm.setWasmPaths(dist);
  tf.enableProdMode();
  let wasmOk = false;
  let wasmNote = '';
  try {
    wasmOk = await tf.setBackend('wasm');
    await tf.ready();
    wasmNote = `simd=${tf.env().getBool('WASM_HAS_SIMD_SUPPORT')}, threads=${tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')}`;
  } catch (e) {
    wasmNote = `wasm backend failed: ${(e as Error).message}`;
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return { tf, wasmOk, wasmNote };
}

/** A TF.js model's training step for the timing loops, and its clean-up. */
export interface TfStep { step(): number; dispose(): void }

/**
 * One step = optimizer.minimize(lossFn): forward + backward + one update, with the loss read back (dataSync) so
 * the step has really finished. `owned` (tensors, the model) are disposed with it.
 */
export function tfTrainingStep(opt: Optimizer, lossFn: () => Scalar, owned: readonly { dispose(): void }[]): TfStep {
  return {
    step(): number {
      const cost = opt.minimize(lossFn, true);
      const v = cost ? cost.dataSync()[0] : NaN;
      cost?.dispose();
      return v;
    },
    dispose(): void {
      for (const o of owned) o.dispose();
      opt.dispose();
    },
  };
}
