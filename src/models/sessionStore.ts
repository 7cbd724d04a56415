/**
 * The running session kept in this browser (IndexedDB) so a reload loses nothing. A few sessions are kept,
 * the oldest pruned; frames of the training-history scrubber are thinned to a byte budget. Behind a small
 * interface, so tests use the in-memory store.
 */
import type { RunCapture } from '../contracts/runControls.ts';
import { frameBytes } from '../store/frameBus.ts';
import { type HistoryEntry } from '../contracts/runControls.ts';
import type { RunConfig } from '../contracts/runConfig.ts';
import type { SessionData } from './sessionFile.ts';
import { isPackedLayout, planPack, unpackValue, type PackedLayout } from './packedValue.ts';

/** Bumped when the stored shape changes: older records are then ignored. */
export const SESSION_RECORD_VERSION = 1;
/** Sessions kept at most (the newest). */
export const MAX_SAVED_SESSIONS = 4;
/** Bytes of training-history frames kept per session: each save clones them on the page's thread. */
const FRAME_BUDGET_BYTES = 2 * 1024 * 1024;

export interface SessionRecord extends RunCapture {
  version: number;
  /** One per run of a page: the same run is overwritten as it goes on. */
  id: string;
  savedAt: number;
  data: SessionData | null;
}

export interface SessionStore {
  put(record: SessionRecord): Promise<void>;
  /** The newest record of a run with exactly this configuration, or null. */
  latest(config: RunConfig): Promise<SessionRecord | null>;
  delete(id: string): Promise<void>;
}

/** At most `budget` bytes of frames, evenly spread over the history, always keeping the newest. */
export function thinFrames(frames: readonly HistoryEntry[], budget = FRAME_BUDGET_BYTES): HistoryEntry[] {
  if (frames.length === 0) return [];
  const per = frameBytes(frames[frames.length - 1].frame);
  const keep = Math.max(1, Math.min(frames.length, Math.floor(budget / Math.max(1, per))));
  if (keep >= frames.length) return [...frames];
  const out: HistoryEntry[] = [];
  for (let k = 0; k < keep; k++) out.push(frames[Math.round(((frames.length - 1) * (k + 1)) / keep)]);
  return out;
}

export function sameConfig(a: RunConfig, b: RunConfig): boolean {
  return (Object.keys(a) as (keyof RunConfig)[]).every((k) => a[k] === b[k]) && Object.keys(a).length === Object.keys(b).length;
}

function isRecord(r: unknown): r is SessionRecord {
  if (typeof r !== 'object' || r === null) return false;
  const x = r as Partial<SessionRecord>;
  return x.version === SESSION_RECORD_VERSION && typeof x.id === 'string' && typeof x.savedAt === 'number' && !!x.config && !!x.snapshot && !!x.loss;
}

/** The newest first; keeps the cap. */
function pick(records: unknown[], config: RunConfig): SessionRecord | null {
  const matching = records.filter(isRecord).filter((r) => sameConfig(r.config, config));
  matching.sort((a, b) => b.savedAt - a.savedAt);
  return matching[0] ?? null;
}

export function memorySessionStore(): SessionStore & { records: Map<string, SessionRecord> } {
  const records = new Map<string, SessionRecord>();
  return {
    records,
    put: async (r) => {
      records.set(r.id, structuredClone(r));
      const ids = [...records.values()].sort((a, b) => b.savedAt - a.savedAt).map((x) => x.id);
      for (const id of ids.slice(MAX_SAVED_SESSIONS)) records.delete(id);
    },
    latest: async (config) => pick([...records.values()], config),
    delete: async (id) => void records.delete(id),
  };
}

const DB_NAME = 'lstm-lens-sessions';
/** Small entries (id, time, configuration) to choose and prune by, apart from the large records. */
const META = 'meta';
const RECORDS = 'records';

interface Meta {
  id: string;
  savedAt: number;
  config: RunConfig;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

async function withStores<T>(factory: IDBFactory, mode: IDBTransactionMode, run: (meta: IDBObjectStore, records: IDBObjectStore) => Promise<T>): Promise<T> {
  const open = factory.open(DB_NAME, 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore(META, { keyPath: 'id' });
    open.result.createObjectStore(RECORDS, { keyPath: 'id' });
  };
  const db = await request(open);
  try {
    const tx = db.transaction([META, RECORDS], mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('the transaction was aborted'));
    });
    const result = await run(tx.objectStore(META), tx.objectStore(RECORDS));
    await done;
    return result;
  } finally {
    db.close();
  }
}

/**
 * Record ids of the chunks of one save: `<id>#<generation>#<k>`. A generation is the save's time, padded so
 * that ids sort by it; the chunks of other generations of `id` lie in two key ranges around it.
 */
const chunkId = (id: string, generation: string, k: number): string => `${id}#${generation}#${k}`;
const generationOf = (savedAt: number): string => String(Math.max(0, Math.floor(savedAt))).padStart(16, '0');
const allChunks = (id: string): IDBKeyRange => IDBKeyRange.bound(`${id}#`, `${id}#\uffff`);

interface StoredRecord {
  id: string;
  value: PackedLayout & { chunkIds: string[] };
}

/** The next task of the page: each chunk is copied and stored in a task of its own. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The running session in IndexedDB. A save stores its typed arrays in chunks, each in its own transaction and
 * task (so no save is one long task on the page), then the record that names them; until then the previous
 * save stays whole, and a save cut short (a closed tab) leaves only chunks the next save clears.
 */
export function indexedDbSessionStore(factory: IDBFactory | undefined = globalThis.indexedDB): SessionStore {
  const need = (): IDBFactory => {
    if (!factory) throw new Error('IndexedDB is not available');
    return factory;
  };
  const deleteSession = (meta: IDBObjectStore, records: IDBObjectStore, id: string): void => {
    meta.delete(id);
    records.delete(id);
    records.delete(allChunks(id));
  };
  return {
    put: async (record) => {
      const plan = planPack(record);
      const generation = generationOf(record.savedAt);
      const chunkIds = plan.layout.chunkBytes.map((_, k) => chunkId(record.id, generation, k));
      for (const [k, id] of chunkIds.entries()) {
        await nextTask();
        await withStores(need(), 'readwrite', async (_meta, records) => {
          records.put({ id, buffer: plan.chunk(k) });
        });
      }
      await withStores(need(), 'readwrite', async (meta, records) => {
        const entry: Meta = { id: record.id, savedAt: record.savedAt, config: record.config };
        meta.put(entry);
        const stored: StoredRecord = { id: record.id, value: { ...plan.layout, chunkIds } };
        records.put(stored);
        // The chunks of this session's earlier saves (and of any save cut short) go.
        records.delete(IDBKeyRange.bound(`${record.id}#`, `${record.id}#${generation}#`, false, true));
        records.delete(IDBKeyRange.bound(`${record.id}#${generation}#\uffff`, `${record.id}#\uffff`, true, false));
        // Prune by age, reading only the small entries: the newest few sessions are kept.
        const all = (await request(meta.getAll())) as Meta[];
        all.sort((a, b) => b.savedAt - a.savedAt);
        for (const old of all.slice(MAX_SAVED_SESSIONS)) deleteSession(meta, records, old.id);
      });
    },
    latest: async (config) => {
      try {
        return await withStores(need(), 'readonly', async (meta, records) => {
          const entries = ((await request(meta.getAll())) as Meta[]).filter((m) => sameConfig(m.config, config));
          entries.sort((a, b) => b.savedAt - a.savedAt);
          if (entries.length === 0) return null;
          const stored = (await request(records.get(entries[0].id))) as StoredRecord | undefined;
          if (!stored || !isPackedLayout(stored.value)) return null;
          const chunks = await Promise.all(stored.value.chunkIds.map(async (id) => ((await request(records.get(id))) as { buffer?: ArrayBuffer } | undefined)?.buffer));
          return pick([unpackValue(stored.value, chunks as ArrayBuffer[])], config);
        });
      } catch {
        return null;
      }
    },
    delete: (id) =>
      withStores(need(), 'readwrite', async (meta, records) => {
        deleteSession(meta, records, id);
      }),
  };
}
