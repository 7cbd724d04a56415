/** The page's side of csvParse.worker.ts: parse a file's bytes in a worker, with progress, as a promise. */
import type { CsvParseReply, CsvParseRequest } from './csvProtocol.ts';
import type { CsvParseOptions, CsvParseResult } from './parse.ts';

/** The parse was cancelled by its AbortSignal (the worker is gone). */
export class CsvCancelled extends Error {
  constructor() {
    super('CSV reading was cancelled');
    this.name = 'CsvCancelled';
  }
}

/** What the client needs of a Worker (a fake in tests). */
export interface CsvWorkerLike {
  onmessage: ((event: MessageEvent<CsvParseReply>) => void) | null;
  /** The worker script failed (e.g. could not load). */
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: CsvParseRequest, options: { transfer: Transferable[] }): void;
  terminate(): void;
}

export function createCsvWorker(): CsvWorkerLike {
  return new Worker(new URL('./csvParse.worker.ts', import.meta.url), { type: 'module' }) as unknown as CsvWorkerLike;
}

/**
 * Parses `buffer` in a fresh worker (transferring it: the caller's buffer is detached) and ends the worker
 * afterwards. Rejects only if the parser itself fails; a bad file resolves with ok: false and its message.
 */
export function parseCsvOffThread(
  buffer: ArrayBuffer, options: CsvParseOptions & { signal?: AbortSignal } = {}, createWorker: () => CsvWorkerLike = createCsvWorker,
): Promise<CsvParseResult> {
  const { onProgress, signal, ...rest } = options;
  const worker = createWorker();
  const id = 1;
  return new Promise<CsvParseResult>((resolve, reject) => {
    // Cancel ends the worker at once, mid-parse: the only way to stop a synchronous parse of a big file.
    signal?.addEventListener('abort', () => {
      worker.terminate();
      reject(new CsvCancelled());
    });
    if (signal?.aborted) return;
    worker.onmessage = ({ data }) => {
      if (data.id !== id) return;
      if (data.type === 'progress') {
        onProgress?.(data.progress);
        return;
      }
      worker.terminate();
      if (data.type === 'result') resolve(data.result);
      else reject(new Error(`CSV parser failed: ${data.message}`));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`CSV parser worker failed: ${event.message}`));
    };
    worker.postMessage({ id, buffer, options: rest }, { transfer: [buffer] });
  });
}
