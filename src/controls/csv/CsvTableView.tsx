/** The loaded table: its first rows with each column's type, and the pickers for date, inputs and target. */
import { useId } from 'react';
import { useT } from '../../client/useT.ts';
import type { CsvTable } from '../../tasks/csv/parse.ts';
import type { CsvSelection } from '../../tasks/csv/validate.ts';
import { listableColumn, previewRows } from './csvFlow.ts';

/** Rows shown: enough to recognise the file; the table itself may have 100,000. */
const PREVIEW_ROWS = 8;

export function CsvPreview(props: { table: CsvTable; selection: CsvSelection | null }) {
  const t = useT();
  const rows = previewRows(props.table, PREVIEW_ROWS);
  const role = (name: string): string | null => {
    const s = props.selection;
    if (!s) return null;
    if (name === s.target) return t('csvUi.role.target');
    if (name === s.dateColumn) return t('csvUi.role.date');
    if (s.features.includes(name)) return t('csvUi.role.input');
    return null;
  };
  return (
    <div className="csv-preview-wrap">
      <table className="csv-preview" data-testid="csv-preview">
        <caption>{t('csvUi.previewCaption', { shown: rows.length - 1, rows: props.table.rowCount })}</caption>
        <thead>
          <tr>
            {props.table.columns.map((c) => {
              const r = role(c.name);
              return (
                <th key={c.name} scope="col" className={r ? 'csv-used' : undefined}>
                  <span className="csv-col-name">{c.name}</span>
                  <span className={`csv-type csv-type-${c.type}`} data-testid="csv-column-type">
                    {t(`csv.type.${c.type}`)}
                  </span>
                  {r ? <span className="csv-role">{r}</span> : null}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.slice(1).map((row, r) => (
            <tr key={r}>
              {row.map((cell, k) => (
                <td key={k}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ColumnPickers(props: { table: CsvTable; selection: CsvSelection; onChange: (patch: Partial<CsvSelection>) => void }) {
  const t = useT();
  const dateId = useId();
  const targetId = useId();
  const { table, selection, onChange } = props;
  const numeric = table.columns.filter((c) => c.type === 'numeric');
  const timeAxes = table.columns.filter((c) => c.type !== 'empty' && c.name !== selection.target);
  return (
    <div className="csv-pickers" data-testid="csv-pickers">
      <div className="field">
        <label className="field-label" htmlFor={dateId}>
          {t('csvUi.dateColumn')}
        </label>
        <select
          id={dateId}
          className="input"
          value={selection.dateColumn ?? ''}
          onChange={(e) => onChange({ dateColumn: e.target.value === '' ? null : e.target.value })}
          data-testid="csv-date-column"
        >
          <option value="">{t('csvUi.noDateColumn')}</option>
          {timeAxes.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={targetId}>
          {t('csvUi.target')}
        </label>
        <select id={targetId} className="input" value={selection.target} onChange={(e) => onChange({ target: e.target.value })} data-testid="csv-target">
          {numeric.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field csv-features" data-testid="csv-features">
        <legend className="field-label">{t('csvUi.features')}</legend>
        {numeric.map((c) => {
          const isTarget = c.name === selection.target;
          const usable = listableColumn(c.name);
          return (
            <label key={c.name} className="checkbox-label" title={usable ? undefined : t('csvUi.commaName')}>
              <input
                type="checkbox"
                checked={selection.features.includes(c.name)}
                disabled={isTarget || !usable || c.name === selection.dateColumn}
                onChange={(e) => onChange({ features: e.target.checked ? [...selection.features, c.name] : selection.features.filter((f) => f !== c.name) })}
              />
              {c.name}
              {isTarget ? <span className="viz-note"> ({t('csvUi.role.target')})</span> : null}
            </label>
          );
        })}
      </fieldset>
    </div>
  );
}
