/**
 * A ProbeFrame made the way the trainer worker makes it (ProbeRecorder) on a tiny model with random
 * non-uniform weights and initial states, for tests that tie the cell panel's arithmetic to the engine.
 */
import { makeModelConfig, type ModelConfig } from '../engine/config.ts';
import { RecurrentNet } from '../engine/network.ts';
import { Rng } from '../engine/rng.ts';
import { computeLoss, type TrainingBatch } from '../engine/train.ts';
import { ProbeRecorder } from '../trainer/probeFrame.ts';
import type { ProbeFrame } from '../contracts/protocol.ts';

export interface FixtureOptions {
  model: Partial<ModelConfig>;
  T?: number;
  truncate?: number;
  seed?: number;
}

export interface Fixture {
  frame: ProbeFrame;
  /** ∂L/∂h0 per layer [L, H], straight from the engine's backward pass. */
  dh0: Float64Array;
}

export function engineFixture(opts: FixtureOptions): Fixture {
  const config = makeModelConfig({ inputSize: 2, hiddenSize: 3, numLayers: 2, outputSize: 1, outputMode: 'sequence', ...opts.model });
  const { inputSize: I, hiddenSize: H, numLayers } = config;
  const T = opts.T ?? 5;
  const truncate = opts.truncate ?? 0;
  const rng = new Rng(opts.seed ?? 7);
  const rand = (n: number, scale: number) => Float64Array.from({ length: n }, () => rng.uniform(-scale, scale));
  const net = new RecurrentNet(config);
  net.params.data.set(rand(net.params.size, 0.8));
  const probe: TrainingBatch = {
    x: rand(T * I, 1),
    T,
    B: 1,
    target: rand(net.outputRows(T, 1) * net.outputWidth, 1),
    state: { h0: rand(numLayers * H, 0.5), c0: config.cell === 'lstm' ? rand(numLayers * H, 0.5) : null },
  };
  const frame = new ProbeRecorder(net, probe, 'mse').capture(0, truncate);

  const fwd = net.forward(probe, probe.state);
  const dOut = new Float64Array(fwd.output.length);
  computeLoss('mse', fwd, probe, dOut);
  return { frame, dh0: Float64Array.from(net.backward(dOut, { truncate }).dh0) };
}
