/**
 * Training throughput of the same run in Node, the reference for the worker in the page:
 *  - the headless engine: batch + trainStep in a loop, exactly the work of one step in the worker;
 *  - the worker's TrainerCore (also probe frames, validation and progress messages), in slices of the
 *    worker's length, so a shortfall in the page can be split into the core's own overhead and the rest.
 */
import { LossBuffers, trainStep } from '../../src/engine/train.ts';
import type { RunConfig } from '../../src/contracts/runConfig.ts';
import { buildRun, stepOptionsOf } from '../../src/trainer/buildRun.ts';
import { TrainerCore } from '../../src/trainer/trainerCore.ts';

export interface Rate {
  steps: number;
  seconds: number;
  stepsPerSecond: number;
  /** CPU time of this process ÷ wall time: well under 1 means it waited for a core (other work on the machine). */
  cpuShare: number;
}

function rate(steps: number, ms: number, cpu: NodeJS.CpuUsage): Rate {
  return { steps, seconds: ms / 1000, stepsPerSecond: (steps * 1000) / ms, cpuShare: (cpu.user + cpu.system) / 1000 / ms };
}

/** Steps per second of the headless engine over ~`ms` of training, after ~`warmupMs` of JIT warm-up. */
export function engineRate(config: RunConfig, ms: number, warmupMs: number): Rate {
  const { task, net, optimizer, data } = buildRun(config);
  const options = stepOptionsOf(config, task);
  const buffers = new LossBuffers();
  const backup = new Float64Array(net.params.size);
  const step = (): void => {
    trainStep(net, optimizer, task.trainBatch(data, config.batchSize), options, buffers, backup);
  };
  for (const t0 = performance.now(); performance.now() - t0 < warmupMs; ) step();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0;
  let now = t0;
  while (now - t0 < ms) {
    step();
    n++;
    now = performance.now();
  }
  return rate(n, now - t0, process.cpuUsage(cpu0));
}

/** Steps per second of the worker's TrainerCore playing at full speed, in `sliceMs` slices. */
export function trainerCoreRate(config: RunConfig, ms: number, warmupMs: number, sliceMs: number): Rate {
  const core = new TrainerCore();
  core.handle({ type: 'init', runId: 1, config });
  core.handle({ type: 'play', runId: 1 });
  for (const t0 = performance.now(); performance.now() - t0 < warmupMs; ) core.runFor(sliceMs);
  const first = core.currentStep;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let now = t0;
  while (now - t0 < ms) {
    core.runFor(sliceMs);
    now = performance.now();
  }
  return rate(core.currentStep - first, now - t0, process.cpuUsage(cpu0));
}
