/** The page's side of csvParse.worker.ts: parse a file's bytes in a worker, with progress, as a promise. */
import type { CsvParseReply, CsvParseRequest } from './csvProtocol.ts';
import type { CsvParseOptions, CsvParseResult } from './parse.ts';

/** What the client needs of a Worker (a fake in tests). */
export interface CsvWorkerLike {
  onmessage: ((event: MessageEvent<CsvParseReply>) => void) | null;
  /** The worker script failed (e.g. could not load) or died. */
  onerror: ((event: ErrorEvent) => void) | null;
  /** A reply could not be deserialised. */
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(message: CsvParseRequest, options: { transfer: Transferable[] }): void;
  terminate(): void;
}

function createCsvWorker(): CsvWorkerLike {
  return new Worker(new URL('./csvParse.worker.ts', import.meta.url), { type: 'module' }) as unknown as CsvWorkerLike;
}

export interface OffThreadOptions extends CsvParseOptions {
  /** Aborting stops the worker at once and rejects with an AbortError. */
  signal?: AbortSignal;
}

/**
 * Parses `buffer` in a fresh worker (transferring it: the caller's buffer is detached) and ends the worker
 * afterwards. Rejects only if the parser itself fails (or the parse is aborted); a bad file resolves with
 * ok: false and its message.
 */
export function parseCsvOffThread(buffer: ArrayBuffer, options: OffThreadOptions = {}, createWorker: () => CsvWorkerLike = createCsvWorker): Promise<CsvParseResult> {
  const { onProgress, signal, ...rest } = options;
  if (signal?.aborted) return Promise.reject(new DOMException('the CSV read was replaced', 'AbortError'));
  const worker = createWorker();
  const id = 1;
  return new Promise<CsvParseResult>((resolve, reject) => {
    signal?.addEventListener('abort', () => {
      worker.terminate();
      reject(new DOMException('the CSV read was replaced', 'AbortError'));
    });
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
    worker.onmessageerror = () => {
      worker.terminate();
      reject(new Error('CSV parser worker failed: a reply could not be read'));
    };
    worker.postMessage({ id, buffer, options: rest }, { transfer: [buffer] });
  });
}

/** Parses one file at a time: starting a read stops the worker of the read before it, and so does cancel(). */
export interface CsvReader {
  (buffer: ArrayBuffer, options?: CsvParseOptions): Promise<CsvParseResult>;
  cancel(): void;
}

export function latestCsvReader(createWorker: () => CsvWorkerLike = createCsvWorker): CsvReader {
  let current: AbortController | null = null;
  const read = (buffer: ArrayBuffer, options: CsvParseOptions = {}): Promise<CsvParseResult> => {
    current?.abort();
    current = new AbortController();
    return parseCsvOffThread(buffer, { ...options, signal: current.signal }, createWorker);
  };
  return Object.assign(read, { cancel: () => current?.abort() });
}

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}
