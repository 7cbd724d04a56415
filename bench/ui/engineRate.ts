/**
 * Training throughput of the same run in Node, the reference for the worker in the page: the headless engine,
 * batch + trainStep in a loop, exactly the work of one step in the worker.
 */
import { LossBuffers, NonFiniteError, trainStep } from '../../src/engine/train.ts';
import type { RunConfig } from '../../src/contracts/runConfig.ts';
import type { TaskData } from '../../src/tasks/dataTasks.ts';
import { buildRun, stepOptionsOf } from '../../src/trainer/buildRun.ts';

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

/**
 * Steps per second of the headless engine over ~`ms` of training, after ~`warmupMs` of JIT warm-up; null for a
 * run that stops on a non-finite loss or gradient (a demonstration of an overflow has no steady rate).
 */
export function engineRate(config: RunConfig, ms: number, warmupMs: number, taskData?: TaskData): Rate | null {
  try {
    return measureRate(config, ms, warmupMs, taskData);
  } catch (e) {
    if (e instanceof NonFiniteError) return null;
    throw e;
  }
}

function measureRate(config: RunConfig, ms: number, warmupMs: number, taskData?: TaskData): Rate {
  const { task, net, optimizer, data } = buildRun(config, taskData);
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
