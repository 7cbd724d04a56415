/**
 * Reading the bundled datasets (public/datasets/) with the app's own CSV parser — on the page, in the same
 * parse worker as the user's uploads, so a large table never blocks the main thread.
 */
import { parseCsvOffThread } from '../csv/csvClient.ts';
import { parseCsv } from '../csv/parse.ts';
import type { CsvParseResult, CsvTable } from '../csv/parse.ts';
import type { DatasetInfo } from './datasets.ts';

export type LoadedDataset = { info: DatasetInfo; kind: 'table'; table: CsvTable } | { info: DatasetInfo; kind: 'text'; text: string };

/** How a table's bytes are parsed: in a worker on the page; tests and tools may parse in place. */
export type CsvParser = (buffer: ArrayBuffer) => Promise<CsvParseResult>;

function asDataset(info: DatasetInfo, parsed: CsvParseResult): LoadedDataset {
  // The files are known to be clean, so a parse error is a bug.
  if (!parsed.ok) throw new Error(`bundled dataset ${info.file} does not parse: ${parsed.error.key}`);
  return { info, kind: 'table', table: parsed.table };
}

const decodeText = (info: DatasetInfo, buffer: ArrayBuffer): LoadedDataset => ({ info, kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(buffer) });

/** A bundled file's bytes as a table or text, parsed in this thread (test fixtures and tools). */
export function readDataset(info: DatasetInfo, buffer: ArrayBuffer): LoadedDataset {
  return info.kind === 'text' ? decodeText(info, buffer) : asDataset(info, parseCsv(buffer));
}

/**
 * Fetches and reads a bundled dataset. `appRoot` is the URL the app is served from (the page's
 * `new URL(import.meta.env.BASE_URL, location.href)`); the files live in its datasets/ folder.
 */
export async function fetchDataset(info: DatasetInfo, appRoot: string | URL, fetchFn: typeof fetch = fetch, parse: CsvParser = (b) => parseCsvOffThread(b)): Promise<LoadedDataset> {
  const url = new URL(`datasets/${info.file}`, appRoot);
  const response = await fetchFn(url);
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  const buffer = await response.arrayBuffer();
  return info.kind === 'text' ? decodeText(info, buffer) : asDataset(info, await parse(buffer));
}
