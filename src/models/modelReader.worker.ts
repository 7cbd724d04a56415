/**
 * Reads a model or session file off the main thread: the bytes in chunks (reporting progress, so a large file
 * shows how far it is), then parsing and checking every tensor. One worker per file.
 */
import { readFileBytes } from './modelReader.ts';
import { MAX_MODEL_FILE_BYTES } from './modelFile.ts';
import type { ReaderReply, ReadRequest } from './modelReaderProtocol.ts';

/** Progress at most this often (in bytes), so a fast read is not slowed by messages. */
const PROGRESS_EVERY = 1 << 20;

function post(reply: ReaderReply): void {
  if (reply.type === 'done' && reply.result.kind === 'model') self.postMessage(reply, { transfer: [reply.result.weights.buffer as ArrayBuffer] });
  else self.postMessage(reply);
}

async function readAll(file: Blob): Promise<Uint8Array> {
  const total = file.size;
  if (total > MAX_MODEL_FILE_BYTES) throw new Error(`the file is ${total} bytes; at most ${MAX_MODEL_FILE_BYTES} are read`);
  const out = new Uint8Array(total);
  const reader = file.stream().getReader();
  let loaded = 0;
  let reported = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, loaded);
    loaded += value.length;
    if (loaded - reported >= PROGRESS_EVERY) {
      reported = loaded;
      post({ type: 'progress', loaded, total });
    }
  }
  post({ type: 'progress', loaded, total });
  return out.subarray(0, loaded);
}

self.onmessage = async (e: MessageEvent<ReadRequest>) => {
  try {
    const bytes = await readAll(e.data.file);
    post({ type: 'done', result: readFileBytes(bytes, e.data.nonlinearity) });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
