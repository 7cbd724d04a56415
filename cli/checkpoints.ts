/**
 * `npm run checkpoints`: trains the models shipped in public/checkpoints/ with the project's own engine and
 * trainer, and writes each as a session file. Everything comes from the configuration's seed and a clock that
 * counts its own readings, so a run of this script reproduces the files bit for bit.
 */
import { writeFileSync } from 'node:fs';
import { CHECKPOINTS, type Checkpoint } from '../src/models/checkpoints.ts';
import type { TaskData } from '../src/tasks/dataTasks.ts';
import { isDataTask } from '../src/tasks/registry.ts';
import { bundled } from '../src/testing/dataFixtures.ts';
import { encodeSession } from '../src/models/sessionFile.ts';
import { emptyLossHistory, appendProgress } from '../src/client/lossHistory.ts';
import type { FromWorker } from '../src/contracts/protocol.ts';
import { TrainerCore } from '../src/trainer/trainerCore.ts';

/** A bundled dataset's task gets the file the page would send, read from public/datasets/. */
function bundledData(c: Checkpoint): TaskData | undefined {
  const task = c.config.task;
  return isDataTask(task) && task !== 'csv' ? bundled(task) : undefined;
}

/** The session file text of a checkpoint, trained from its seed. */
export function trainCheckpoint(c: Checkpoint): string {
  let t = 0;
  const core = new TrainerCore(() => (t += 1));
  let loss = emptyLossHistory();
  const take = (msgs: FromWorker[]): FromWorker[] => {
    for (const m of msgs) {
      if (m.type === 'progress') loss = appendProgress(loss, m.progress);
      if (m.type === 'error' || m.type === 'failure') throw new Error(`${c.id}: ${JSON.stringify(m)}`);
    }
    return msgs;
  };
  take(core.handle({ type: 'init', runId: 1, config: c.config, data: bundledData(c) }));
  take(core.handle({ type: 'step', runId: 1, count: c.steps }));
  const reply = take(core.handle({ type: 'snapshot', runId: 1, requestId: 1 })).find((m) => m.type === 'snapshot');
  if (reply?.type !== 'snapshot') throw new Error(`${c.id}: no snapshot`);
  const session = { config: c.config, snapshot: reply.snapshot, loss, data: null, savedAt: 0 };
  return encodeSession(session, c.trainedModel ? { trainedModel: true } : undefined);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv.slice(2);
  for (const c of CHECKPOINTS.filter((k) => only.length === 0 || only.includes(k.id))) {
    const start = Date.now();
    const text = trainCheckpoint(c);
    const path = new URL(`../public/checkpoints/${c.file}`, import.meta.url);
    writeFileSync(path, text);
    const train = JSON.parse(text).loss.train as number[];
    console.log(`${c.file}: ${c.steps} steps, last loss ${train[train.length - 1].toPrecision(4)}, ${(text.length / 1024).toFixed(0)} KB, ${((Date.now() - start) / 1000).toFixed(1)} s`);
  }
}
