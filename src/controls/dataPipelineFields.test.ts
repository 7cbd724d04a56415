import { describe, expect, it } from 'vitest';
import { csvData } from '../testing/dataFixtures.ts';
import { dataColumns, toggleColumn } from './DataPipelineFields.tsx';

describe('data-pipeline fields', () => {
  it('offers a dataset’s value columns, and a CSV’s numeric columns other than its date', () => {
    expect(dataColumns('euStocks', null)).toEqual({ kind: 'series', columns: ['year_decimal', 'dax', 'smi', 'cac', 'ftse'], defaultTarget: 'dax' });
    expect(dataColumns('occupancy', null).columns).toHaveLength(5);
    expect(dataColumns('shakespeare', null).kind).toBe('text');
    const data = csvData('day,a,b,name\n1,2,3,x\n2,3,4,y\n', 'day');
    if (data.kind !== 'table') throw new Error('table expected');
    expect(dataColumns('csv', { name: 'f.csv', table: data.table, dateColumn: 'day' })).toEqual({ kind: 'series', columns: ['a', 'b'], defaultTarget: 'a' });
    expect(dataColumns('csv', null)).toEqual({ kind: 'series', columns: [], defaultTarget: null });
  });

  it('toggles columns of a comma-separated list; with `all`, the full list is written as ""', () => {
    expect(toggleColumn('', 'smi', true, null)).toBe('smi');
    expect(toggleColumn('smi', 'cac', true, null)).toBe('smi,cac');
    expect(toggleColumn('smi,cac', 'smi', false, null)).toBe('cac');
    const all = ['a', 'b', 'c'];
    expect(toggleColumn('', 'b', false, all)).toBe('a,c');
    expect(toggleColumn('a,c', 'b', true, all)).toBe('');
    expect(toggleColumn('c', 'a', true, all)).toBe('a,c');
  });
});
