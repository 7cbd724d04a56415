/** One initialised run in the worker and the scratch its training steps reuse. */
import { LossBuffers, type StepOptions } from '../engine/train.ts';
import type { RunConfig } from '../contracts/runConfig.ts';
import type { RunResume } from '../contracts/protocol.ts';
import type { TaskData } from '../tasks/dataTasks.ts';
import { buildRun, stepOptionsOf, type Run } from './buildRun.ts';
import { createEvaluator, type TaskEvaluator } from './evaluation.ts';
import { ProbeRecorder } from './probeFrame.ts';
import { applyResume } from './resume.ts';

export interface Session {
  run: Run;
  config: RunConfig;
  options: StepOptions;
  probe: ProbeRecorder;
  /** Weights before the last update, restored when an update goes non-finite. */
  backup: Float64Array;
  buffers: LossBuffers;
  evalBuffers: LossBuffers;
  /** Dataset tasks: test-split evaluations (or text samples), paced off the training path; null otherwise. */
  evaluator: TaskEvaluator | null;
}

/** The run `config` describes, at step 0 or where `resume` left it (whose step and time the caller restores). */
export function openSession(config: RunConfig, data: TaskData | undefined, resume: RunResume | undefined, clock: () => number): Session {
  const run = buildRun(config, data);
  if (resume) applyResume(run, resume);
  return {
    run,
    config,
    options: stepOptionsOf(config, run.task),
    probe: new ProbeRecorder(run.probeNet, run.task.probe, run.task.loss, clock),
    backup: new Float64Array(run.net.params.size),
    buffers: new LossBuffers(),
    evalBuffers: new LossBuffers(),
    evaluator: createEvaluator(run, config.seed, clock),
  };
}
