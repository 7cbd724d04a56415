import { describe, expect, it } from 'vitest';
import { isAbort, latestCsvReader, type CsvWorkerLike } from './csvClient.ts';
import type { CsvParseReply, CsvParseRequest } from './csvProtocol.ts';

/** A parse worker that answers only when told to. */
class SlowWorker implements CsvWorkerLike {
  onmessage: ((event: MessageEvent<CsvParseReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  request: CsvParseRequest | null = null;
  postMessage(message: CsvParseRequest): void {
    this.request = message;
  }
  terminate(): void {
    this.terminated = true;
  }
  finish(): void {
    const id = this.request?.id ?? 0;
    this.onmessage?.({ data: { type: 'result', id, result: { ok: false, error: { key: 'csv.empty', params: {} }, suggestedEncoding: null } } } as unknown as MessageEvent<CsvParseReply>);
  }
}

describe('latestCsvReader', () => {
  it('stops the worker of an older read when a newer one starts', async () => {
    const workers: SlowWorker[] = [];
    const read = latestCsvReader(() => {
      const w = new SlowWorker();
      workers.push(w);
      return w;
    });
    const first = read(new ArrayBuffer(8));
    const second = read(new ArrayBuffer(8));
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(workers[1].terminated).toBe(false);
    await expect(first).rejects.toSatisfy(isAbort);
    workers[1].finish();
    await expect(second).resolves.toMatchObject({ ok: false });
    expect(workers[1].terminated).toBe(true);
  });

  it('rejects when the worker dies or a reply cannot be read', async () => {
    const w = new SlowWorker();
    const read = latestCsvReader(() => w);
    const pending = read(new ArrayBuffer(8));
    w.onmessageerror?.({} as MessageEvent);
    await expect(pending).rejects.toThrow(/could not be read/);
    expect(w.terminated).toBe(true);
  });
});
