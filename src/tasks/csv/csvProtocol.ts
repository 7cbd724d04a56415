/** Messages between the page and csvParse.worker.ts. */
import type { CsvParseOptions, CsvParseResult, CsvProgress } from './parse.ts';

export interface CsvParseRequest {
  id: number;
  /** The file's bytes; transferred, so the sender's copy is detached. */
  buffer: ArrayBuffer;
  options?: Omit<CsvParseOptions, 'onProgress'>;
}

export type CsvParseReply =
  | { type: 'progress'; id: number; progress: CsvProgress }
  | { type: 'result'; id: number; result: CsvParseResult }
  /** The parser threw (a bug, not a bad file: bad files come back as a result with ok: false). */
  | { type: 'crash'; id: number; message: string };
