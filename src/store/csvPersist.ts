/**
 * The last CSV the user trained on, kept in this browser's IndexedDB, so reloading a link with task=csv finds
 * its data again ("nothing lost on reload"). What is kept is the validated, repaired table (typed arrays and
 * strings, which IndexedDB stores as they are), not the file: a restore needs no second parse. Nothing is sent
 * anywhere. A store behind a small interface, so tests use the in-memory one.
 */
import type { CsvTable } from '../tasks/csv/parse.ts';
import { getUserCsv, restoreUserCsv, type UserCsv } from '../tasks/userData.ts';

export interface CsvStore {
  save(csv: UserCsv): Promise<void>;
  /** The saved CSV, or null if there is none (or it is from an incompatible version, or unreadable). */
  load(): Promise<UserCsv | null>;
  clear(): Promise<void>;
}

/** Bumped when the stored shape changes: an older record is then ignored rather than misread. */
export const CSV_RECORD_VERSION = 1;

export interface CsvRecord {
  version: number;
  savedAt: number;
  csv: UserCsv;
}

export function toRecord(csv: UserCsv, now = Date.now()): CsvRecord {
  return { version: CSV_RECORD_VERSION, savedAt: now, csv };
}

function isTable(t: unknown): t is CsvTable {
  if (typeof t !== 'object' || t === null) return false;
  const table = t as Partial<CsvTable>;
  return (
    Array.isArray(table.columns) &&
    typeof table.rowCount === 'number' &&
    table.rowNumbers instanceof Int32Array &&
    table.rowNumbers.length === table.rowCount &&
    table.columns.every((c) => typeof c?.name === 'string' && (c.values === null || (c.values instanceof Float64Array && c.values.length === table.rowCount)))
  );
}

/** The CSV in a stored record, or null when the record is not one this version wrote. */
export function fromRecord(record: unknown): UserCsv | null {
  if (typeof record !== 'object' || record === null) return null;
  const r = record as Partial<CsvRecord>;
  if (r.version !== CSV_RECORD_VERSION || typeof r.csv !== 'object' || r.csv === null) return null;
  const { name, table, dateColumn } = r.csv;
  if (typeof name !== 'string' || !isTable(table)) return null;
  if (dateColumn !== null && !table.columns.some((c) => c.name === dateColumn)) return null;
  return { name, table, dateColumn };
}

export function memoryCsvStore(): CsvStore {
  let record: unknown = null;
  return {
    save: async (csv) => void (record = structuredClone(toRecord(csv))),
    load: async () => fromRecord(record === null ? null : structuredClone(record)),
    clear: async () => void (record = null),
  };
}

const DB_NAME = 'lstm-lens';
const STORE = 'user-csv';
const KEY = 'last';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function openDb(factory: IDBFactory): Promise<IDBDatabase> {
  const open = factory.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  return request(open);
}

async function transact<T>(factory: IDBFactory, mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb(factory);
  try {
    const tx = db.transaction(STORE, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    const result = await request(run(tx.objectStore(STORE)));
    await done;
    return result;
  } finally {
    db.close();
  }
}

/** The browser's IndexedDB (a private window may refuse it: load then finds nothing, save rejects). */
export function indexedDbCsvStore(factory: IDBFactory | undefined = globalThis.indexedDB): CsvStore {
  const need = (): IDBFactory => {
    if (!factory) throw new Error('IndexedDB is not available in this browser');
    return factory;
  };
  return {
    save: async (csv) => void (await transact(need(), 'readwrite', (s) => s.put(toRecord(csv), KEY))),
    load: async () => {
      try {
        return fromRecord(await transact(need(), 'readonly', (s) => s.get(KEY)));
      } catch {
        return null;
      }
    },
    clear: async () => void (await transact(need(), 'readwrite', (s) => s.delete(KEY))),
  };
}

/** The page's store. */
export const csvStore: CsvStore = indexedDbCsvStore();

/** This page's CSV, or else the one the last visit trained on (put back into userData); null if neither. */
export async function loadUserCsv(store: CsvStore = csvStore): Promise<UserCsv | null> {
  const current = getUserCsv();
  if (current) return current;
  const saved = await store.load();
  if (saved) restoreUserCsv(saved);
  return getUserCsv();
}
