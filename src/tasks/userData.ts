/**
 * The user's own CSV, held on the page only (the data never leave the browser; a URL with task=csv says how to
 * use a file, not what is in it). The CSV upload UI sets it; the 'csv' task's loader reads it.
 */
import type { CsvTable } from './csv/parse.ts';

export interface UserCsv {
  /** File name, for display. */
  name: string;
  /** The validated (and, if the user chose, repaired) table. */
  table: CsvTable;
  /** Column whose cells label the rows (dates), or null for row numbers. */
  dateColumn: string | null;
}

let current: UserCsv | null = null;
let version = 0;
/** Whether `current` came back from storage rather than from an upload in this page. */
let restored = false;
const listeners = new Set<() => void>();

/** A new upload (or null to forget it); even the same config then runs on the new data. */
export function setUserCsv(csv: UserCsv | null): void {
  current = csv;
  restored = false;
  version++;
  for (const l of listeners) l();
}

/**
 * The CSV an earlier visit stored (store/csvPersist.ts), put back when none is loaded — without a new version:
 * it is the data the page's task=csv already means, so a run that loaded it keeps it.
 */
export function restoreUserCsv(csv: UserCsv): void {
  if (current !== null) return;
  current = csv;
  restored = true;
  for (const l of listeners) l();
}

/** The page's CSV was restored from an earlier visit (not uploaded here): a failing run may be its fault. */
export function isUserCsvRestored(): boolean {
  return current !== null && restored;
}

export function getUserCsv(): UserCsv | null {
  return current;
}

/** Changes with every setUserCsv. */
export function userCsvVersion(): number {
  return version;
}

/** Calls `listener` after every setUserCsv (React: useSyncExternalStore(subscribeUserCsv, getUserCsv)). */
export function subscribeUserCsv(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
