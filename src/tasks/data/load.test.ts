// Bundled tables are parsed by the real CSV worker module (run in this thread by @vitest/web-worker).
import '@vitest/web-worker';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvOffThread } from '../csv/csvClient.ts';
import { datasetInfo } from './datasets.ts';
import { fetchDataset } from './load.ts';

/** A fetch that serves public/ from disk, recording the URLs asked for. */
function diskFetch(asked: string[]): typeof fetch {
  return (async (input: URL | RequestInfo) => {
    const url = String(input);
    asked.push(url);
    const path = new URL(`../../../public/${url.replace('https://example.org/app/', '')}`, import.meta.url);
    try {
      return new Response(readFileSync(path));
    } catch {
      return new Response(null, { status: 404 });
    }
  }) as typeof fetch;
}

describe('fetchDataset', () => {
  it('loads a bundled file from the app’s datasets/ folder and parses it', async () => {
    const asked: string[] = [];
    const loaded = await fetchDataset(datasetInfo('airline'), 'https://example.org/app/', diskFetch(asked));
    expect(asked).toEqual(['https://example.org/app/datasets/airline_passengers_1949_1960.csv']);
    expect(loaded.kind === 'table' && loaded.table.rowCount).toBe(144);
    const text = await fetchDataset(datasetInfo('tangHans'), 'https://example.org/app/', diskFetch(asked));
    expect(text.kind === 'text' && text.text.startsWith('在岳咏蝉')).toBe(true);
  });

  it('parses bundled tables in the parse worker, the same path as the user’s uploads', async () => {
    const workers: string[] = [];
    const loaded = await fetchDataset(datasetInfo('co2'), 'https://example.org/app/', diskFetch([]), (buffer) =>
      parseCsvOffThread(buffer, {}, () => {
        workers.push('csv');
        return new Worker(new URL('../csv/csvParse.worker.ts', import.meta.url), { type: 'module' }) as never;
      }),
    );
    expect(workers).toEqual(['csv']);
    expect(loaded.kind === 'table' && loaded.table.rowCount).toBe(820);
  });

  it('says which URL failed', async () => {
    const info = { ...datasetInfo('airline'), file: 'missing.csv' };
    await expect(fetchDataset(info, 'https://example.org/app/', diskFetch([]))).rejects.toThrow(/missing\.csv: HTTP 404/);
  });
});
