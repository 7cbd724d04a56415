/**
 * The gradient check (梯度检查) made interactive: the analytic gradient of every parameter group against central
 * differences, run in the trainer worker with a progress bar, then a table of norms and relative errors.
 */
import { scientific } from '../../viz/format.ts';
import { useId, useState } from 'react';
import { format } from 'd3-format';
import { useT } from '../../client/useT.ts';
import { useApp, useAppStore } from '../../client/useApp.ts';
import { formatValue } from '../../viz/format.ts';
import { useClient } from '../../client/clientContext.ts';
import type { GradCheckRow } from '../../contracts/protocol.ts';
import { Panel } from '../Panel.tsx';
import { EPS_CHOICES, formatPower, groupSymbol, groupTensorName, maxPerGroupFor, passes, PASS_THRESHOLD } from './gradCheckView.ts';
import './gradcheck.css';

const formatError = (v: number): string => scientific(formatE1(v));
const formatE1 = format('.1e');

export function GradCheckPanel() {
  const t = useT();
  const id = useId();
  const check = useApp((s) => s.gradCheck);
  const summary = useApp((s) => s.summary);
  // A boolean, not the step: the panel should not re-render for every training step.
  const stale = useApp((s) => s.gradCheck.status === 'done' && s.step !== s.gradCheck.step);
  const { seqLen, batchSize } = useApp((s) => s.config);
  const store = useAppStore();
  const [eps, setEps] = useState(() => store.getState().gradCheck.eps);
  const [sampled, setSampled] = useState<number | null>(null);
  const trainer = useClient();
  // A race trains several models: there is no single run to check.
  const racing = useApp((s) => s.config.compare !== 'off');
  const client = racing ? null : trainer;
  const running = check.status === 'running';

  const run = () => {
    if (!client || !summary) return;
    const maxPerGroup = maxPerGroupFor(summary, seqLen, batchSize);
    setSampled(maxPerGroup);
    client.gradCheck(eps, maxPerGroup);
  };

  const controls = (
    <>
      <label className="gradcheck-control" htmlFor={`${id}-eps`}>
        {t('gradcheck.eps')}
        <select id={`${id}-eps`} value={eps} onChange={(e) => setEps(Number(e.target.value))} data-testid="gradcheck-eps">
          {EPS_CHOICES.map((v) => (
            <option key={v} value={v}>
              {formatPower(v)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn btn-small" onClick={run} disabled={running || !client || !summary} data-testid="gradcheck-run">
        {t(running ? 'gradcheck.running' : 'gradcheck.run')}
      </button>
    </>
  );

  return (
    <Panel testId="panel-gradcheck" title={t('gradcheck.title')} subtitle={t('gradcheck.subtitle')} controls={controls} className="gradcheck-panel">
      <div className="gradcheck-layout">
        <div className="gradcheck-info">
          <p className="gradcheck-explain">{t('gradcheck.explain')}</p>
          <p className="viz-note">
            {t('gradcheck.batch', { B: batchSize })} {t('gradcheck.threshold', { threshold: formatPower(PASS_THRESHOLD) })}{' '}
            {t('gradcheck.epsNote')}
          </p>
          {!client ? <p className="viz-note">{t('gradcheck.unavailable')}</p> : null}
          {check.status === 'idle' && client ? <p className="viz-note">{t('gradcheck.idle')}</p> : null}
          {running ? (
            <div className="gradcheck-progress">
              <progress max={Math.max(1, check.total)} value={check.done} data-testid="gradcheck-progress" aria-label={t('gradcheck.running')} />
              <span>{t('gradcheck.progress', { done: check.done, total: check.total })}</span>
            </div>
          ) : null}
          {check.status === 'done' ? <Summary rows={check.rows} eps={check.eps} checkedAt={check.step} stale={stale} sampled={sampled} /> : null}
        </div>
        {check.status === 'done' ? <ResultTable rows={check.rows} /> : null}
      </div>
    </Panel>
  );
}

function Summary(props: { rows: GradCheckRow[]; eps: number; checkedAt: number; stale: boolean; sampled: number | null }) {
  const t = useT();
  const failed = props.rows.filter((r) => !passes(r)).length;
  return (
    <p className={`gradcheck-summary ${failed ? 'gradcheck-fail' : 'gradcheck-pass'}`} data-testid="gradcheck-summary" data-failed={failed}>
      {failed ? t('gradcheck.someFail', { failed, n: props.rows.length }) : t('gradcheck.allPass', { n: props.rows.length })}{' '}
      <span className="gradcheck-when">
        {t('gradcheck.atStep', { step: props.checkedAt, eps: formatPower(props.eps) })}
        {props.stale ? ` ${t('gradcheck.stale')}` : ''}
        {` ${t('gradcheck.checkedCount', { n: props.rows.reduce((n, r) => n + r.checked, 0) })}`}
        {props.sampled !== null ? ` ${t('gradcheck.sampled', { n: props.sampled })}` : ''}
      </span>
    </p>
  );
}

function ResultTable(props: { rows: GradCheckRow[] }) {
  const t = useT();
  const cell = useApp((s) => s.summary?.cell ?? s.config.cell);
  return (
    <div className="gradcheck-results">
      <table className="gradcheck-table" data-testid="gradcheck-table" aria-label={t('gradcheck.tableAria')}>
        <thead>
          <tr>
            <th scope="col">
              {t('gradcheck.group')} <span className="gradcheck-note">/ {t('gradcheck.tensor')}</span>
            </th>
            <th scope="col" className="num">
              {t('gradcheck.analytic')}
            </th>
            <th scope="col" className="num">
              {t('gradcheck.numeric')}
            </th>
            <th scope="col" className="num">
              {t('gradcheck.relError')}
            </th>
            <th scope="col">{t('gradcheck.result')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => {
            const ok = passes(r);
            const sym = groupSymbol(r);
            return (
              <tr
                key={r.name}
                className={ok ? 'gradcheck-pass' : 'gradcheck-fail'}
                data-group={r.name}
                data-pass={ok}
                title={`${t('gradcheck.checked')}: ${r.checked} · max |Δ| = ${formatValue(r.maxAbsError)}`}
              >
                <th scope="row">
                  <span className="gradcheck-symbol">
                    <i>{sym.base}</i>
                    {sym.sub ? <sub>{sym.sub}</sub> : null}
                  </span>
                  <code>{groupTensorName(cell, r.name)}</code>
                </th>
                <td className="num">{formatValue(r.analyticNorm)}</td>
                <td className="num">{formatValue(r.numericNorm)}</td>
                <td className="num">{formatError(r.relError)}</td>
                <td>
                  <span className="gradcheck-badge">{t(ok ? 'gradcheck.pass' : 'gradcheck.fail')}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
