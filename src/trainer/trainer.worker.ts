/**
 * The worker shell, the only code that touches `self`: control messages go straight to the core; while
 * playing, the core trains in short slices and the shell yields between them so a Pause or a Step is
 * handled within one slice. Typed arrays are transferred, never copied.
 */
import { frameBuffers, type FromWorker, type ToWorker } from '../contracts/protocol.ts';
import { TrainerCore } from './trainerCore.ts';
import { passageBuffers } from './textPassage.ts';

/** Training time per slice: short enough for prompt control messages, long enough to amortise the yield. */
const SLICE_MS = 12;

const core = new TrainerCore(() => performance.now());
let scheduled = false;

/**
 * Run `fn` after pending messages, without the ≥ 4 ms clamp of nested setTimeout(0): a MessageChannel in
 * browsers; setImmediate where it exists (Node, in tests), whose message ports drain in one go and would
 * starve timers (React's scheduler makes the same choice).
 */
function yieldThen(fn: () => void): () => void {
  if (typeof setImmediate === 'function') return () => setImmediate(fn);
  const channel = new MessageChannel();
  channel.port1.onmessage = fn;
  return () => channel.port2.postMessage(null);
}

function transferables(msg: FromWorker): ArrayBuffer[] {
  if (msg.type === 'frame') return frameBuffers(msg.frame);
  if (msg.type === 'progress') return [msg.progress.losses.buffer, msg.progress.times.buffer] as ArrayBuffer[];
  if (msg.type === 'evaluation' && msg.evaluation.kind === 'text') return passageBuffers(msg.evaluation.passage);
  return [];
}

function post(messages: FromWorker[]): void {
  for (const m of messages) self.postMessage(m, { transfer: transferables(m) });
}

function schedule(workMs = 0): void {
  if (scheduled || !core.isBusy) return;
  scheduled = true;
  const idle = Math.max(core.idleMs(), core.restAfter(workMs));
  if (idle > 0) setTimeout(slice, idle);
  else resume();
}

function slice(): void {
  scheduled = false;
  const start = performance.now();
  post(core.runFor(SLICE_MS));
  schedule(performance.now() - start);
}

const resume = yieldThen(slice);
self.onmessage = (e: MessageEvent<ToWorker>) => {
  post(core.handle(e.data));
  schedule();
};
