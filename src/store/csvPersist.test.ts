import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../tasks/csv/parse.ts';
import { getUserCsv, setUserCsv, userCsvVersion, type UserCsv } from '../tasks/userData.ts';
import { CSV_RECORD_VERSION, fromRecord, indexedDbCsvStore, loadUserCsv, memoryCsvStore, toRecord } from './csvPersist.ts';

function userCsv(): UserCsv {
  const text = `month,sales\n${Array.from({ length: 24 }, (_, k) => `${2000 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')},${10 + k}`).join('\n')}\n`;
  const parsed = parseCsv(new TextEncoder().encode(text).buffer as ArrayBuffer);
  if (!parsed.ok) throw new Error(parsed.error.key);
  return { name: 'sales.csv', table: parsed.table, dateColumn: 'month' };
}

afterEach(() => setUserCsv(null));

describe('stored CSV records', () => {
  it('round-trip through a structured clone with their typed arrays', async () => {
    const store = memoryCsvStore();
    expect(await store.load()).toBeNull();
    const csv = userCsv();
    await store.save(csv);
    const back = await store.load();
    expect(back).toEqual(csv);
    expect(back!.table.columns[1].values).toBeInstanceOf(Float64Array);
    expect(back!.table.rowNumbers).toBeInstanceOf(Int32Array);
    await store.clear();
    expect(await store.load()).toBeNull();
  });

  it('ignores records of another version or shape rather than misreading them', () => {
    const csv = userCsv();
    expect(fromRecord(toRecord(csv))).toEqual(csv);
    expect(fromRecord({ ...toRecord(csv), version: CSV_RECORD_VERSION + 1 })).toBeNull();
    expect(fromRecord({ version: CSV_RECORD_VERSION, csv: { name: 'x', table: { columns: [] } } })).toBeNull();
    expect(fromRecord({ version: CSV_RECORD_VERSION, csv: { ...csv, dateColumn: 'gone' } })).toBeNull();
    const short = { ...csv.table, rowNumbers: new Int32Array(3) };
    expect(fromRecord({ version: CSV_RECORD_VERSION, csv: { ...csv, table: short } })).toBeNull();
    expect(fromRecord(null)).toBeNull();
    expect(fromRecord('text')).toBeNull();
  });

  it('finds nothing (and does not throw) where IndexedDB is missing', async () => {
    const store = indexedDbCsvStore(undefined);
    expect(await store.load()).toBeNull();
    await expect(store.save(userCsv())).rejects.toThrow(/IndexedDB/);
  });
});

describe('restoring on reload', () => {
  it('puts the stored CSV back when the page has none, without a new version', async () => {
    const store = memoryCsvStore();
    const csv = userCsv();
    await store.save(csv);
    const version = userCsvVersion();
    expect(getUserCsv()).toBeNull();
    expect(await loadUserCsv(store)).toEqual(csv);
    expect(getUserCsv()).toEqual(csv);
    // The run that loaded it keeps its data key: no restart on the next live change.
    expect(userCsvVersion()).toBe(version);
  });

  it('prefers this page’s upload, and reports none when neither exists', async () => {
    const store = memoryCsvStore();
    expect(await loadUserCsv(store)).toBeNull();
    const mine = { ...userCsv(), name: 'mine.csv' };
    setUserCsv(mine);
    await store.save({ ...mine, name: 'older.csv' });
    expect((await loadUserCsv(store))?.name).toBe('mine.csv');
  });
});
