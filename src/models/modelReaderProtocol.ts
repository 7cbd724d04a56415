/** Messages between the page and the model-file reader worker. */
import type { RnnNonlinearity } from '../engine/config.ts';
import type { ReadResult } from './modelReader.ts';

export interface ReadRequest {
  file: Blob;
  nonlinearity: RnnNonlinearity;
}

export type ReaderReply =
  /** Bytes read so far of `total`. */
  | { type: 'progress'; loaded: number; total: number }
  | { type: 'done'; result: ReadResult }
  | { type: 'error'; message: string };
