/** The page's side of the reader worker: one worker per file, closed when the file is read. */
import type { RnnNonlinearity } from '../engine/config.ts';
import type { ReadResult } from './modelReader.ts';
import type { ReaderReply, ReadRequest } from './modelReaderProtocol.ts';

export function readModelFile(file: Blob, nonlinearity: RnnNonlinearity, onProgress: (fraction: number) => void): Promise<ReadResult> {
  const worker = new Worker(new URL('./modelReader.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ReadResult>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<ReaderReply>) => {
      const r = e.data;
      if (r.type === 'progress') {
        onProgress(r.total > 0 ? r.loaded / r.total : 1);
        return;
      }
      worker.terminate();
      if (r.type === 'done') resolve(r.result);
      else reject(new Error(r.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the file reader stopped'));
    };
    const request: ReadRequest = { file, nonlinearity };
    worker.postMessage(request);
  });
}
