/**
 * The last CSV the user trained on, kept in this browser's IndexedDB, so reloading a link with task=csv finds
 * its data again ("nothing lost on reload"). What is kept is the validated, repaired table (typed arrays and
 * strings, which IndexedDB stores as they are), not the file: a restore needs no second parse. Nothing is sent
 * anywhere. A store behind a small interface, so tests use the in-memory one.
 */
import type { CsvTable } from '../tasks/csv/parse.ts';
import { getUserCsv, restoreUserCsv, type UserCsv } from '../tasks/userData.ts';

export interface CsvStore {
  /** Keeps `csv` for the next visit; rejects with CsvNotKeptError (and leaves a note saying why) when it cannot. */
  save(csv: UserCsv): Promise<void>;
  /** The saved CSV, or null if there is none (or it is from an incompatible version, or unreadable). */
  load(): Promise<UserCsv | null>;
  /** Why the last CSV trained on was not kept, or null when it was (or none was). */
  notKept(): Promise<NotKept | null>;
  clear(): Promise<void>;
}

/**
 * The largest table kept (as estimated by storedBytes): a million rows would take tens of megabytes of this
 * browser's storage for a convenience, and fill a small quota.
 */
const MAX_STORED_BYTES = 16 * 1024 * 1024;

export type NotKeptReason = 'tooLarge' | 'quota' | 'unavailable';

export interface NotKept {
  name: string;
  reason: NotKeptReason;
  bytes: number;
  limit: number;
}

export class CsvNotKeptError extends Error {
  constructor(readonly notKept: NotKept) {
    super(`the table '${notKept.name}' was not kept (${notKept.reason})`);
    this.name = 'CsvNotKeptError';
  }
}

/** About how many bytes a table takes in storage: its typed arrays and two bytes per character of text. */
export function storedBytes(table: CsvTable): number {
  let bytes = table.rowNumbers.byteLength;
  for (const c of table.columns) {
    bytes += c.values?.byteLength ?? 0;
    if (c.raw) for (const cell of c.raw) bytes += 2 * cell.length + 8;
  }
  return bytes;
}

function reasonOf(e: unknown): NotKeptReason {
  return e instanceof Error && e.name === 'QuotaExceededError' ? 'quota' : 'unavailable';
}

/** Bumped when the stored shape changes: an older record is then ignored rather than misread. */
export const CSV_RECORD_VERSION = 1;

/** A kept table, or the note that the last one was not kept (so a reload names the cause). */
export type CsvRecord = { version: number; savedAt: number; csv: UserCsv } | { version: number; savedAt: number; notKept: NotKept };

export function toRecord(csv: UserCsv, now = Date.now()): CsvRecord {
  return { version: CSV_RECORD_VERSION, savedAt: now, csv };
}

function notKeptRecord(notKept: NotKept, now = Date.now()): CsvRecord {
  return { version: CSV_RECORD_VERSION, savedAt: now, notKept };
}

/** The note in a stored record, or null. */
function notKeptOf(record: unknown): NotKept | null {
  if (typeof record !== 'object' || record === null) return null;
  const r = record as { version?: unknown; notKept?: Partial<NotKept> };
  const n = r.notKept;
  if (r.version !== CSV_RECORD_VERSION || typeof n !== 'object' || n === null) return null;
  if (typeof n.name !== 'string' || typeof n.bytes !== 'number' || typeof n.limit !== 'number') return null;
  return n.reason === 'tooLarge' || n.reason === 'quota' || n.reason === 'unavailable' ? { name: n.name, reason: n.reason, bytes: n.bytes, limit: n.limit } : null;
}

function isTable(t: unknown): t is CsvTable {
  if (typeof t !== 'object' || t === null) return false;
  const table = t as Partial<CsvTable>;
  return (
    Array.isArray(table.columns) &&
    typeof table.rowCount === 'number' &&
    table.rowNumbers instanceof Int32Array &&
    table.rowNumbers.length === table.rowCount &&
    table.columns.every((c) => typeof c?.name === 'string' && (c.values === null || (c.values instanceof Float64Array && c.values.length === table.rowCount && !hasInfinity(c.values))))
  );
}

/** Older versions kept overflowed cells as ±Infinity; such a table would fail every run after a reload. */
function hasInfinity(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] === Infinity || values[i] === -Infinity) return true;
  return false;
}

/** The CSV in a stored record, or null when the record is not one this version wrote. */
export function fromRecord(record: unknown): UserCsv | null {
  if (typeof record !== 'object' || record === null) return null;
  const r = record as { version?: unknown; csv?: Partial<UserCsv> };
  if (r.version !== CSV_RECORD_VERSION || typeof r.csv !== 'object' || r.csv === null) return null;
  const { name, table, dateColumn } = r.csv;
  if (typeof name !== 'string' || !isTable(table)) return null;
  if (dateColumn === undefined || (dateColumn !== null && !table.columns.some((c) => c.name === dateColumn))) return null;
  return { name, table, dateColumn };
}

/**
 * Saves through `put` (one record replaces the last): a table over the cap, or one the storage refuses, is
 * replaced by a note saying why, so the next visit does not train on an older table or blame the wrong cause.
 */
async function saveOrNote(csv: UserCsv, put: (record: CsvRecord) => Promise<void>, maxBytes: number): Promise<void> {
  const bytes = storedBytes(csv.table);
  let reason: NotKeptReason = 'tooLarge';
  if (bytes <= maxBytes) {
    try {
      return await put(toRecord(csv));
    } catch (e) {
      reason = reasonOf(e);
    }
  }
  const notKept: NotKept = { name: csv.name, reason, bytes, limit: maxBytes };
  // A note is a few bytes; if even that fails, there is nothing more to do than to say so now.
  await put(notKeptRecord(notKept)).catch(() => undefined);
  throw new CsvNotKeptError(notKept);
}

export function memoryCsvStore(maxBytes = MAX_STORED_BYTES): CsvStore {
  let record: unknown = null;
  return {
    save: (csv) => saveOrNote(csv, async (r) => void (record = structuredClone(r)), maxBytes),
    load: async () => fromRecord(record === null ? null : structuredClone(record)),
    notKept: async () => notKeptOf(record),
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
export function indexedDbCsvStore(factory: IDBFactory | undefined = globalThis.indexedDB, maxBytes = MAX_STORED_BYTES): CsvStore {
  const need = (): IDBFactory => {
    if (!factory) throw new Error('IndexedDB is not available in this browser');
    return factory;
  };
  const read = async (): Promise<unknown> => {
    try {
      return await transact(need(), 'readonly', (s) => s.get(KEY));
    } catch {
      return null;
    }
  };
  return {
    save: (csv) => saveOrNote(csv, async (record) => void (await transact(need(), 'readwrite', (s) => s.put(record, KEY))), maxBytes),
    load: async () => fromRecord(await read()),
    notKept: async () => notKeptOf(await read()),
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
