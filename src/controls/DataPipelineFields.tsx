/**
 * The data-pipeline settings of a dataset task: which columns, the window (= the sequence length), horizon,
 * stride, normaliser and chronological split — with a visible warning when the normaliser is fitted on all
 * data, which leaks the test period into training. Every change restarts the run.
 */
import { useSyncExternalStore } from 'react';
import { useClient } from '../client/clientContext.ts';
import { useT } from '../client/useT.ts';
import { useApp, useAppStore } from '../client/useApp.ts';
import type { RunConfig } from '../contracts/runConfig.ts';
import { PROPS, SCALERS, TRANSFORMS } from '../contracts/urlCodec.ts';
import { columnList } from '../tasks/dataTasks.ts';
import { datasetOf, isDataTask, type DataTaskId } from '../tasks/registry.ts';
import { getUserCsv, subscribeUserCsv, type UserCsv } from '../tasks/userData.ts';
import { changeConfig } from '../store/actions.ts';
import { CheckboxField, NumberField, SegmentedField, SelectField } from './fields.tsx';
import './taskPicker.css';

/** Quiet time before a typed number is applied (each change restarts the run). */
const RESTART_DELAY_MS = 600;

type Kind = 'series' | 'classification' | 'text';

/** The kind of a dataset task and the columns it may use (a CSV's numeric columns other than its date). */
export function dataColumns(task: DataTaskId, csv: UserCsv | null): { kind: Kind; columns: string[]; defaultTarget: string | null } {
  const info = datasetOf(task);
  if (!info) {
    const columns = (csv?.table.columns ?? []).filter((c) => c.type === 'numeric' && c.name !== csv?.dateColumn).map((c) => c.name);
    return { kind: 'series', columns, defaultTarget: columns[0] ?? null };
  }
  return { kind: info.kind, columns: info.columns.filter((c) => c.role === 'value').map((c) => c.name), defaultTarget: info.defaultTarget };
}

/** Toggle one column of a comma-separated list; `all` = what '' means (then '' is written back for it). */
export function toggleColumn(list: string, column: string, on: boolean, all: readonly string[] | null): string {
  const current = list === '' && all ? [...all] : columnList(list);
  const next = on ? [...current, column] : current.filter((c) => c !== column);
  const ordered = (all ?? next).filter((c) => next.includes(c));
  return all && ordered.length === all.length ? '' : ordered.join(',');
}

function ColumnChecks(props: { legend: string; hint?: string; columns: readonly string[]; checked: (c: string) => boolean; lastOne: boolean; onToggle: (c: string, on: boolean) => void }) {
  return (
    <fieldset className="data-columns">
      <legend className="field-label">{props.legend}</legend>
      {props.columns.map((c) => {
        const on = props.checked(c);
        return (
          <label key={c} className="checkbox-label">
            <input type="checkbox" data-testid={`input-column-${c}`} checked={on} disabled={on && props.lastOne} onChange={(e) => props.onToggle(c, e.target.checked)} />
            {c}
          </label>
        );
      })}
      {props.hint ? <p className="field-hint">{props.hint}</p> : null}
    </fieldset>
  );
}

export function DataPipelineFields() {
  const t = useT();
  const client = useClient();
  const config = useApp((s) => s.config);
  const csv = useSyncExternalStore(subscribeUserCsv, getUserCsv);
  if (!isDataTask(config.task)) return null;
  const store = useAppStore();
  const set = (patch: Partial<RunConfig>): void => changeConfig(store, client, patch);
  const { kind, columns, defaultTarget } = dataColumns(config.task, csv);
  const target = config.target || defaultTarget || '';
  const window = (
    <NumberField label={t('cfg.field.window')} spec={PROPS.seqLen} value={config.seqLen} delay={RESTART_DELAY_MS} onApply={(seqLen) => set({ seqLen })} testId="input-window" />
  );

  if (kind === 'text') {
    return (
      <>
        {window}
        <NumberField label={t('cfg.field.maxSymbols')} spec={PROPS.maxSymbols} value={config.maxSymbols} delay={RESTART_DELAY_MS} onApply={(maxSymbols) => set({ maxSymbols })} testId="input-max-symbols" />
      </>
    );
  }

  const split = (
    <div className="field-row">
      <NumberField label={t('cfg.field.trainFraction')} spec={PROPS.trainFraction} value={config.trainFraction} delay={RESTART_DELAY_MS} onApply={(trainFraction) => set({ trainFraction })} testId="input-train-fraction" />
      <NumberField label={t('cfg.field.stride')} spec={PROPS.stride} value={config.stride} delay={RESTART_DELAY_MS} onApply={(stride) => set({ stride })} testId="input-stride" />
    </div>
  );

  if (kind === 'classification') {
    const used = columnList(config.features);
    return (
      <>
        <ColumnChecks
          legend={t('cfg.field.sensors')}
          columns={columns}
          checked={(c) => used.length === 0 || used.includes(c)}
          lastOne={used.length === 1}
          onToggle={(c, on) => set({ features: toggleColumn(config.features, c, on, columns) })}
        />
        {window}
        {split}
      </>
    );
  }

  const extra = columnList(config.features);
  const others = columns.filter((c) => c !== target);
  return (
    <>
      {columns.length > 1 ? (
        <SelectField
          label={t('cfg.field.target')}
          value={target}
          choices={columns.map((c) => ({ value: c, label: c }))}
          onApply={(next) => set({ target: next === defaultTarget ? '' : next, features: extra.filter((c) => c !== next).join(',') })}
          testId="input-target"
        />
      ) : null}
      {others.length > 0 ? (
        <ColumnChecks
          legend={t('cfg.field.features')}
          hint={t('cfg.hint.features')}
          columns={others}
          checked={(c) => extra.includes(c)}
          lastOne={false}
          onToggle={(c, on) => set({ features: toggleColumn(config.features, c, on, null) })}
        />
      ) : null}
      {window}
      <NumberField label={t('cfg.field.horizon')} spec={PROPS.horizon} value={config.horizon} delay={RESTART_DELAY_MS} onApply={(horizon) => set({ horizon })} testId="input-horizon" />
      {split}
      <SegmentedField
        label={t('cfg.field.scaler')}
        value={config.scaler}
        choices={SCALERS.map((s) => ({ value: s, label: t(`cfg.scaler.${s}`) }))}
        onApply={(scaler) => set({ scaler })}
        testId="input-scaler"
      />
      <SegmentedField
        label={t('cfg.field.transform')}
        value={config.transform}
        choices={TRANSFORMS.map((v) => ({ value: v, label: t(`cfg.transform.${v}`) }))}
        onApply={(transform) => set({ transform })}
        testId="input-transform"
      />
      <p className="field-hint">{t('cfg.hint.transform')}</p>
      <CheckboxField label={t('cfg.field.fitOnAll')} checked={config.fitOnAll} onApply={(fitOnAll) => set({ fitOnAll })} testId="input-fit-on-all" />
      {config.fitOnAll ? (
        <p className="data-leakage" role="alert" data-testid="leakage-warning">
          ⚠ {t('data.leakage')}
        </p>
      ) : null}
    </>
  );
}
