// Bundled tables are parsed by the real CSV worker module (run in this thread by @vitest/web-worker).
import '@vitest/web-worker';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../store/appStore.ts';
import { FrameBus } from '../store/frameBus.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import { bundled, csvData, picked } from '../testing/dataFixtures.ts';
import type { TaskData } from '../tasks/dataTasks.ts';
import { setUserCsv } from '../tasks/userData.ts';
import { TrainerClient, type TaskDataSource } from './trainerClient.ts';
import { FakeWorker } from '../testing/fakeWorker.ts';
import { loadTaskData, NoUserCsvError, taskDataKey } from './taskData.ts';

/** A fetch that serves public/ from disk and counts the requests. */
function diskFetch(asked: string[]): typeof fetch {
  return (async (input: URL | RequestInfo) => {
    const url = String(input);
    asked.push(url);
    try {
      return new Response(readFileSync(new URL(`../../public/${url.replace('https://example.org/app/', '')}`, import.meta.url)));
    } catch {
      return new Response(null, { status: 404 });
    }
  }) as typeof fetch;
}

afterEach(() => setUserCsv(null));

describe('loadTaskData', () => {
  it('fetches a bundled dataset from the app’s datasets/ folder once, then serves it from memory', async () => {
    const asked: string[] = [];
    const root = 'https://example.org/app/';
    const a = await loadTaskData({ task: 'co2' }, diskFetch(asked), root);
    const b = await loadTaskData({ task: 'co2' }, diskFetch(asked), root);
    expect(asked).toEqual(['https://example.org/app/datasets/co2_mauna_loa_monthly.csv']);
    expect(b).toBe(a);
    expect(a.kind === 'table' && a.table.rowCount).toBe(820);
    const text = await loadTaskData({ task: 'shakespeare' }, diskFetch(asked), root);
    expect(text.kind === 'text' && text.text.startsWith('First Citizen')).toBe(true);
  });

  it('retries a failed fetch next time', async () => {
    let fail = true;
    const flaky = ((input: URL | RequestInfo) => (fail ? Promise.resolve(new Response(null, { status: 503 })) : diskFetch([])(input))) as typeof fetch;
    await expect(loadTaskData({ task: 'airline' }, flaky, 'https://example.org/app/')).rejects.toThrow(/HTTP 503/);
    fail = false;
    await expect(loadTaskData({ task: 'airline' }, flaky, 'https://example.org/app/')).resolves.toMatchObject({ kind: 'table' });
  });

  it('takes the csv task’s data from the upload, and says when there is none', async () => {
    await expect(loadTaskData({ task: 'csv' })).rejects.toBeInstanceOf(NoUserCsvError);
    const data = csvData('d,y\n1,2\n2,3\n', 'd');
    if (data.kind !== 'table') throw new Error('table expected');
    const before = taskDataKey({ task: 'csv' });
    setUserCsv({ name: 'mine.csv', table: data.table, dateColumn: 'd' });
    expect(taskDataKey({ task: 'csv' })).not.toBe(before);
    await expect(loadTaskData({ task: 'csv' })).resolves.toEqual({ kind: 'table', table: data.table, dateColumn: 'd' });
    expect(taskDataKey({ task: 'airline' })).toBe('airline');
    expect(taskDataKey({ task: 'sine' })).toBeNull();
  });
});

const AIRLINE = bundled('airline');
const SERIES = csvData(`t,y\n${Array.from({ length: 40 }, (_, k) => `${k},${Math.sin(k / 3)}`).join('\n')}\n`, 't');

/** A data source whose loads the test resolves or rejects by hand. */
function manualSource() {
  const pending: { config: RunConfig; resolve: (d: TaskData) => void; reject: (e: Error) => void }[] = [];
  const source: TaskDataSource = {
    key: (c) => (c.task === 'sine' ? null : c.task),
    load: (config) => new Promise((resolve, reject) => pending.push({ config, resolve, reject })),
  };
  return { source, pending };
}

function setup() {
  const store = createAppStore();
  const worker = new FakeWorker();
  const { source, pending } = manualSource();
  const client = new TrainerClient(store, new FrameBus(), () => worker, source);
  return { store, worker, client, pending };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const AIR: RunConfig = { ...picked('airline'), hiddenSize: 4 };

describe('TrainerClient with dataset tasks', () => {
  it('loads the data first (dataLoad says so), then starts the run with them; meta and evaluations reach the store', async () => {
    const { store, worker, client, pending } = setup();
    client.start(AIR);
    expect(store.getState().dataLoad).toMatchObject({ status: 'loading', task: 'airline' });
    expect(store.getState().config.task).toBe('airline');
    expect(worker.sent.some((m) => m.type === 'init')).toBe(false);
    pending[0].resolve(AIRLINE);
    await flush();
    const init = worker.sent.find((m) => m.type === 'init');
    expect(init?.type === 'init' && init.data).toBe(AIRLINE);
    worker.deliver();
    const s = store.getState();
    expect(s.dataLoad.status).toBe('idle');
    expect(s.taskMeta?.kind).toBe('forecast');
    expect(s.evaluation?.kind === 'forecast' && s.evaluation.step).toBe(0);
  });

  it('reuses the data it holds for Reset and pipeline changes, and loads again for another dataset', async () => {
    const { worker, client, pending } = setup();
    client.start(AIR);
    pending[0].resolve(AIRLINE);
    await flush();
    client.reset();
    client.applyConfig({ ...AIR, seqLen: 6 });
    const inits = worker.sent.filter((m) => m.type === 'init');
    expect(inits).toHaveLength(3);
    expect(inits.every((m) => m.type === 'init' && m.data === AIRLINE)).toBe(true);
    client.applyConfig({ ...AIR, task: 'co2' });
    expect(pending).toHaveLength(2);
  });

  it('keeps the current run and its config when a load fails, and says why', async () => {
    const { store, worker, client, pending } = setup();
    client.start({ ...DEFAULT_RUN_CONFIG, seqLen: 8 });
    worker.deliver();
    const runId = store.getState().runId;
    client.applyConfig(AIR);
    pending[0].reject(new Error('could not load …: HTTP 404'));
    await flush();
    const s = store.getState();
    expect(s.config.task).toBe('sine');
    expect(s.runId).toBe(runId);
    expect(s.dataLoad).toEqual({ status: 'error', task: 'airline', message: 'could not load …: HTTP 404' });
  });

  it('drops a load that a newer start overtook', async () => {
    const { store, worker, client, pending } = setup();
    client.start(AIR);
    client.start({ ...DEFAULT_RUN_CONFIG, seqLen: 8 });
    pending[0].resolve(AIRLINE);
    await flush();
    expect(store.getState().config.task).toBe('sine');
    expect(worker.sent.filter((m) => m.type === 'init')).toHaveLength(1);
  });

  it('starts at once with data passed in (an upload), and plays after a load when the run was playing', async () => {
    const { store, worker, client, pending } = setup();
    client.start({ ...picked('csv'), seqLen: 5 }, SERIES);
    expect(worker.sent.at(-2)).toMatchObject({ type: 'init', data: SERIES });
    store.setState({ status: 'playing' });
    client.applyConfig(AIR);
    pending[0].resolve(AIRLINE);
    await flush();
    expect(worker.sent.at(-1)).toMatchObject({ type: 'play' });
  });
});

describe('TrainerClient fixes around dataset loads', () => {
  it('a Play while the data load is kept for the new run; the old run does not resume meanwhile', async () => {
    const { worker, client, pending } = setup();
    client.start({ ...DEFAULT_RUN_CONFIG, seqLen: 8 });
    worker.deliver();
    client.start(AIR);
    client.play();
    expect(worker.sent.filter((m) => m.type === 'play')).toHaveLength(0);
    pending[0].resolve(AIRLINE);
    await flush();
    const init = worker.sent.findLast((m) => m.type === 'init');
    expect(worker.sent.at(-1)).toMatchObject({ type: 'play', runId: init?.runId });
  });

  it('a Step while the data load is kept for the new run (not sent to the run being replaced)', async () => {
    const { worker, client, pending } = setup();
    client.start({ ...DEFAULT_RUN_CONFIG, seqLen: 8 });
    worker.deliver();
    client.start(AIR);
    client.step();
    client.step(2);
    expect(worker.sent.filter((m) => m.type === 'step')).toHaveLength(0);
    pending[0].resolve(AIRLINE);
    await flush();
    const init = worker.sent.findLast((m) => m.type === 'init');
    expect(worker.sent.filter((m) => m.type === 'step')).toEqual([{ type: 'step', runId: init?.runId, count: 3 }]);
  });

  it('a failed load goes back to the config that last ran, not to one still loading', async () => {
    const { store, worker, client, pending } = setup();
    const ran = { ...DEFAULT_RUN_CONFIG, seqLen: 8 };
    client.start(ran);
    worker.deliver();
    client.applyConfig(AIR);
    client.applyConfig({ ...AIR, task: 'co2' });
    pending[1].reject(new Error('HTTP 404'));
    await flush();
    expect(store.getState().config).toEqual(ran);
  });
});
