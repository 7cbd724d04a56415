// Runs the real worker module (in this thread, through @vitest/web-worker): request, progress, transfer, result.
import '@vitest/web-worker';
import { describe, expect, it } from 'vitest';
import { isAbort, parseCsvOffThread } from './csvClient.ts';
import type { CsvProgress } from './parse.ts';

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe('csvParse.worker', () => {
  it('parses off the main thread with progress and typed columns', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => `${i},${(i * 0.5).toFixed(1)}`);
    const progress: CsvProgress[] = [];
    const result = await parseCsvOffThread(bytes(`t,v\n${rows.join('\n')}\n`), { onProgress: (p) => progress.push(p) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.table.rowCount).toBe(12_000);
    expect(result.table.columns[1].values).toBeInstanceOf(Float64Array);
    expect(result.table.columns[1].values![11_999]).toBe(5999.5);
    expect(progress.map((p) => p.rows)).toEqual([5000, 10_000, 12_000]);
  });

  it('returns a bad file’s message instead of failing', async () => {
    const result = await parseCsvOffThread(bytes(''));
    expect(result).toEqual({ ok: false, error: { key: 'csv.empty', params: {} }, suggestedEncoding: null });
  });

  it('cancels: the promise rejects as aborted and the worker is ended', async () => {
    const controller = new AbortController();
    let ended = false;
    const worker = { onmessage: null, onerror: null, onmessageerror: null, postMessage: () => controller.abort(), terminate: () => void (ended = true) };
    await expect(parseCsvOffThread(bytes('a,b\n1,2\n'), { signal: controller.signal }, () => worker)).rejects.toSatisfy(isAbort);
    expect(ended).toBe(true);
  });
});
