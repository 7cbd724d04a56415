/**
 * The trainer's worker as the page holds it: the few members the client uses (so tests can pass an in-memory
 * fake), the real module worker, and what a dead worker's error says.
 */
import type { FromWorker, ToWorker } from '../contracts/protocol.ts';

/** What the client needs of a Worker (a real one, or an in-memory fake in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  /** The worker died of an uncaught error (or the browser stopped it). */
  onerror: ((event: ErrorEvent) => void) | null;
  /** A reply could not be deserialised. */
  onmessageerror: ((event: MessageEvent) => void) | null;
  terminate(): void;
}

export function createTrainerWorker(): WorkerLike {
  const worker = new Worker(new URL('../trainer/trainer.worker.ts', import.meta.url), { type: 'module' });
  exposeForTests('trainerWorkers', worker);
  return worker;
}

/**
 * Under automation only (navigator.webdriver), the page keeps its live workers on window.__lstmLens so a
 * browser test can make one die; nothing is exposed to a normal visitor and nothing is drawn.
 */
function exposeForTests(kind: 'trainerWorkers', worker: Worker): void {
  if (typeof window === 'undefined' || !navigator.webdriver) return;
  const w = window as unknown as { __lstmLens?: Record<string, Worker[]> };
  const hook = (w.__lstmLens ??= {});
  const list = (hook[kind] ??= []);
  list.push(worker);
  const terminate = worker.terminate.bind(worker);
  worker.terminate = () => {
    const k = list.indexOf(worker);
    if (k >= 0) list.splice(k, 1);
    terminate();
  };
}

/** What a dead worker's error event says, as one line. */
export function workerErrorText(event: ErrorEvent | Event): string {
  if ('message' in event && typeof event.message === 'string' && event.message) return event.message;
  return event.type === 'messageerror' ? 'a message could not be read' : 'the worker was stopped';
}
