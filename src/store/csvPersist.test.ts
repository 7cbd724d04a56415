import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../tasks/csv/parse.ts';
import { getUserCsv, setUserCsv, userCsvVersion, type UserCsv } from '../tasks/userData.ts';
import { CSV_RECORD_VERSION, CsvNotKeptError, fromRecord, indexedDbCsvStore, loadUserCsv, memoryCsvStore, storedBytes, toRecord } from './csvPersist.ts';

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
    await expect(store.save(userCsv())).rejects.toMatchObject({ notKept: { name: 'sales.csv', reason: 'unavailable' } });
    expect(await store.notKept()).toBeNull();
  });

  it('keeps no table over the cap, and leaves a note saying why in place of the older one', async () => {
    const csv = userCsv();
    const store = memoryCsvStore(storedBytes(csv.table) - 1);
    await store.save({ ...csv, name: 'older.csv' }).catch(() => undefined);
    const bytes = storedBytes(csv.table);
    await expect(store.save(csv)).rejects.toBeInstanceOf(CsvNotKeptError);
    expect(await store.load()).toBeNull();
    expect(await store.notKept()).toEqual({ name: 'sales.csv', reason: 'tooLarge', bytes, limit: bytes - 1 });
    const roomy = memoryCsvStore();
    await roomy.save(csv);
    expect(await roomy.notKept()).toBeNull();
  });

  it('refuses a stored table with infinite cells (older versions kept overflowed numbers)', () => {
    const csv = userCsv();
    csv.table.columns[1].values![3] = Infinity;
    expect(fromRecord(toRecord(csv))).toBeNull();
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
