/** Reading the bundled datasets (public/datasets/) with the app's own CSV parser. */
import { parseCsv } from '../csv/parse.ts';
import type { CsvTable } from '../csv/parse.ts';
import type { DatasetInfo } from './datasets.ts';

export type LoadedDataset = { info: DatasetInfo; kind: 'table'; table: CsvTable } | { info: DatasetInfo; kind: 'text'; text: string };

/** A bundled file's bytes as a table or text; the files are known to be clean, so a parse error is a bug. */
export function readDataset(info: DatasetInfo, buffer: ArrayBuffer): LoadedDataset {
  if (info.kind === 'text') return { info, kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(buffer) };
  const parsed = parseCsv(buffer);
  if (!parsed.ok) throw new Error(`bundled dataset ${info.file} does not parse: ${parsed.error.key}`);
  return { info, kind: 'table', table: parsed.table };
}

/**
 * Fetches and reads a bundled dataset. `appRoot` is the URL the app is served from (the page's
 * `new URL(import.meta.env.BASE_URL, location.href)`); the files live in its datasets/ folder.
 */
export async function fetchDataset(info: DatasetInfo, appRoot: string | URL, fetchFn: typeof fetch = fetch): Promise<LoadedDataset> {
  const url = new URL(`datasets/${info.file}`, appRoot);
  const response = await fetchFn(url);
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  return readDataset(info, await response.arrayBuffer());
}
