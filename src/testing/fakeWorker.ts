/**
 * Test-only: an in-memory trainer worker around a TrainerCore whose replies wait in an outbox
 * until deliver(), as across a real thread. Import it only from *.test.* files and test helpers.
 */
import type { WorkerLike } from '../client/trainerWorker.ts';
import type { FromWorker, ToWorker } from '../contracts/protocol.ts';
import { TrainerCore } from '../trainer/trainerCore.ts';

export class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  readonly sent: ToWorker[] = [];
  terminated = false;
  private outbox: FromWorker[] = [];
  private t = 0;
  readonly core = new TrainerCore(() => (this.t += 0.5));

  postMessage(msg: ToWorker): void {
    this.sent.push(msg);
    this.outbox.push(...this.core.handle(msg));
  }

  /** One slice of the worker's play loop. */
  slice(ms = 12): void {
    this.outbox.push(...this.core.runFor(ms));
  }

  deliver(): void {
    const msgs = this.outbox;
    this.outbox = [];
    for (const data of msgs) this.onmessage?.({ data } as MessageEvent<FromWorker>);
  }

  /** The worker dies of an uncaught error, as a real one reports it. */
  crash(message: string): void {
    this.onerror?.({ type: 'error', message, preventDefault: () => undefined } as unknown as ErrorEvent);
  }

  terminate(): void {
    this.terminated = true;
  }
}
