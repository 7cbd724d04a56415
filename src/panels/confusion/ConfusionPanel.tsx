/**
 * The classifier's confusion matrix on the test windows (rows = true class, columns = predicted; counts in
 * the cells, colour = share of the true class, so a rare class is as visible as a common one), and the class
 * balance of the data, of the training windows and of the test windows.
 */
import { schemeTableau10 } from 'd3-scale-chromatic';
import { useFormatCount, useT } from '../../client/useT.ts';
import { useLang } from '../../store/uiStore.ts';
import { useApp } from '../../client/useApp.ts';
import type { ClassBalance } from '../../tasks/classification.ts';
import { PALETTES } from '../../viz/colorLut.ts';
import { ColorLegend } from '../../viz/ColorLegend.tsx';
import type { ClassificationEvaluationResult } from '../../contracts/protocol.ts';
import { Panel } from '../Panel.tsx';
import { DataWaiting } from '../shared/DataWaiting.tsx';
import { classLabels, rowShares } from '../shared/pipelineView.ts';
import '../shared/pipeline.css';

type T = ReturnType<typeof useT>;

const CELL = 78;
const LABEL_W = 86;
const HEAD_H = 40;
const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;

function Matrix({ ev, names, t }: { ev: ClassificationEvaluationResult; names: readonly string[]; t: T }) {
  const K = names.length;
  const shares = rowShares(ev.confusion);
  const width = LABEL_W + 22 + K * CELL;
  const height = HEAD_H + K * CELL + 4;
  return (
    <svg className="confusion-matrix" width={width} height={height} role="img" aria-label={t('confusion.aria')} data-testid="confusion-matrix">
      <text className="confusion-axis" x={LABEL_W + 22 + (K * CELL) / 2} y={12} textAnchor="middle">
        {t('confusion.predicted')} →
      </text>
      <text className="confusion-axis" transform={`translate(12,${HEAD_H + (K * CELL) / 2}) rotate(-90)`} textAnchor="middle">
        {t('confusion.true')} →
      </text>
      {names.map((name, p) => (
        <text key={`c${p}`} className="confusion-class" x={LABEL_W + 22 + p * CELL + CELL / 2} y={HEAD_H - 8} textAnchor="middle">
          {name}
        </text>
      ))}
      {names.map((name, a) => (
        <g key={`r${a}`}>
          <text className="confusion-class" x={LABEL_W + 16} y={HEAD_H + a * CELL + CELL / 2} dy="0.32em" textAnchor="end">
            {name}
          </text>
          {names.map((pred, p) => {
            const share = shares[a][p];
            const count = ev.confusion[a][p];
            return (
              <g key={p} transform={`translate(${LABEL_W + 22 + p * CELL},${HEAD_H + a * CELL})`} data-cell={`${a}-${p}`} data-count={count}>
                <title>{t('confusion.cell', { actual: name, predicted: pred, count, pct: pct(share) })}</title>
                <rect width={CELL - 2} height={CELL - 2} fill={PALETTES.sequential(share)} rx={3} />
                <text x={CELL / 2 - 1} y={CELL / 2 - 6} textAnchor="middle" className={`confusion-count ${share > 0.55 ? 'on-light' : 'on-dark'}`}>
                  {count}
                </text>
                <text x={CELL / 2 - 1} y={CELL / 2 + 12} textAnchor="middle" className={`confusion-share ${share > 0.55 ? 'on-light' : 'on-dark'}`}>
                  {pct(share)}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}

function BalanceBar(props: { label: string; counts: readonly number[]; names: readonly string[]; testId: string }) {
  const count = useFormatCount();
  const total = props.counts.reduce((a, b) => a + b, 0);
  return (
    <div className="balance-row" data-testid={props.testId}>
      <span className="balance-label">
        {props.label} <span className="balance-total">({count(total)})</span>
      </span>
      <div className="balance-bar" role="img" aria-label={`${props.label}: ${props.names.map((n, k) => `${n} ${props.counts[k]}`).join(', ')}`}>
        {props.counts.map((c, k) => (
          <span
            key={k}
            className="balance-part"
            style={{ flexGrow: c, background: schemeTableau10[k % 10] }}
            title={`${props.names[k]}: ${count(c)} (${pct(total > 0 ? c / total : 0)})`}
          >
            {total > 0 && c / total > 0.12 ? pct(c / total) : ''}
          </span>
        ))}
      </div>
    </div>
  );
}

function Balance({ balance, names, t }: { balance: ClassBalance; names: readonly string[]; t: T }) {
  return (
    <div className="confusion-balance" data-testid="class-balance">
      <h3>{t('confusion.balance')}</h3>
      <div className="balance-keys">
        {names.map((n, k) => (
          <span key={n} className="viz-series-key">
            <span className="balance-swatch" style={{ background: schemeTableau10[k % 10] }} />
            {n}
          </span>
        ))}
      </div>
      <BalanceBar label={t('confusion.rows')} counts={balance.rows} names={names} testId="balance-rows" />
      <BalanceBar label={t('confusion.trainWindows')} counts={balance.train} names={names} testId="balance-train" />
      <BalanceBar label={t('confusion.testWindows')} counts={balance.test} names={names} testId="balance-test" />
    </div>
  );
}

export function ConfusionPanel() {
  const t = useT();
  const lang = useLang();
  const meta = useApp((s) => s.taskMeta);
  const ev = useApp((s) => s.evaluation);
  const ready = meta?.kind === 'classification' && ev?.kind === 'classification';
  return (
    <Panel testId="panel-confusion" title={t('confusion.title')} subtitle={ready ? t('confusion.subtitle', { step: ev.step }) : undefined}>
      {meta?.kind === 'classification' && ev?.kind === 'classification' ? (
        <div className="confusion">
          <div>
            <Matrix ev={ev} names={classLabels(meta, lang)} t={t} />
            <ColorLegend palette="sequential" domain={[0, 1]} width={200} label={t('confusion.legend')} tickFormat={(v) => `${Math.round(v * 100)}%`} />
            <p className="field-hint">{t('confusion.legend')}</p>
          </div>
          <Balance balance={ev.balance} names={classLabels(meta, lang)} t={t} />
        </div>
      ) : (
        <DataWaiting />
      )}
    </Panel>
  );
}
