/** Parses CSV files off the main thread: one request in, progress messages and one result out (typed arrays transferred). */
import type { CsvParseReply, CsvParseRequest } from './csvProtocol.ts';
import { parseCsv, tableBuffers } from './parse.ts';

function post(reply: CsvParseReply, transfer: ArrayBuffer[] = []): void {
  self.postMessage(reply, { transfer });
}

self.onmessage = (event: MessageEvent<CsvParseRequest>) => {
  const { id, buffer, options } = event.data;
  try {
    const result = parseCsv(buffer, { ...options, onProgress: (progress) => post({ type: 'progress', id, progress }) });
    post({ type: 'result', id, result }, result.ok ? tableBuffers(result.table) : []);
  } catch (e) {
    post({ type: 'crash', id, message: e instanceof Error ? e.message : String(e) });
  }
};
