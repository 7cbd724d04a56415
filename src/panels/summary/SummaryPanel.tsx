/** The model at a glance: PyTorch's print(model), its state_dict tensors and the parameters per gate. */
import { en } from '../../i18n/en.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import { useFormatCount, useT } from '../../client/useT.ts';
import { useApp } from '../../client/useApp.ts';
import type { ModelSummary } from '../../contracts/protocol.ts';
import { TermText } from '../../lessons/Term.tsx';
import { Panel } from '../Panel.tsx';
import { gateParams, modelPrintout, stateDictName, tensorSize } from './modelPrintout.ts';
import './summary.css';

function gateLabel(t: ReturnType<typeof useT>, gate: string): string {
  const key = `gate.${gate}`;
  return key in en ? t(key as MessageKey) : gate;
}

function Tables({ summary }: { summary: ModelSummary }) {
  const t = useT();
  const count = useFormatCount();
  const gates = gateParams(summary);
  const peep = gates.some((g) => g.peephole > 0);
  const sum = (pick: (g: (typeof gates)[number]) => number): string => count(gates.reduce((a, g) => a + pick(g), 0));
  return (
    <div className="summary-tables">
      <table className="summary-table">
        <caption>
          <TermText text={t('summary.tensors')} terms={['stateDict']} />
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('summary.name')}</th>
            <th scope="col">{t('summary.shape')}</th>
            <th scope="col" className="num">
              {t('summary.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.tensors.map((x) => (
            <tr key={x.name}>
              <td>
                <code>{stateDictName(summary, x.name)}</code>
              </td>
              <td>
                <code>[{x.shape.join(', ')}]</code>
              </td>
              <td className="num">{count(tensorSize(x))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="summary-table">
        <caption>{t('summary.perGate')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('summary.gate')}</th>
            <th scope="col" className="num">
              W<sub>ih</sub>
            </th>
            <th scope="col" className="num">
              W<sub>hh</sub>
            </th>
            <th scope="col" className="num">
              b<sub>ih</sub>+b<sub>hh</sub>
            </th>
            {peep ? (
              <th scope="col" className="num">
                w<sub>c</sub>
              </th>
            ) : null}
            <th scope="col" className="num">
              {t('summary.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {gates.map((g) => (
            <tr key={g.gate}>
              <th scope="row">
                <code>{g.gate}</code> {gateLabel(t, g.gate)}
              </th>
              <td className="num">{count(g.wIh)}</td>
              <td className="num">{count(g.wHh)}</td>
              <td className="num">{count(g.bias)}</td>
              {peep ? <td className="num">{count(g.peephole)}</td> : null}
              <td className="num">{count(g.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('summary.total')}</th>
            <td className="num">{sum((g) => g.wIh)}</td>
            <td className="num">{sum((g) => g.wHh)}</td>
            <td className="num">{sum((g) => g.bias)}</td>
            {peep ? <td className="num">{sum((g) => g.peephole)}</td> : null}
            <td className="num">{sum((g) => g.total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export function SummaryPanel() {
  const t = useT();
  const count = useFormatCount();
  const summary = useApp((s) => s.summary);
  const nonlinearity = useApp((s) => s.config.nonlinearity);
  const n = summary ? count(summary.paramCount) : '';
  return (
    <Panel testId="panel-summary" title={t('summary.title')} subtitle={summary ? t('summary.paramCount', { n }) : undefined} className="summary-panel">
      {summary ? (
        <>
          <pre className="summary-printout" tabIndex={0}>
            {[...modelPrintout(summary, nonlinearity, t('summary.peephole')), t('summary.totalLine', { n })].join('\n')}
          </pre>
          <Tables summary={summary} />
        </>
      ) : (
        <p className="panel-empty">{t('summary.empty')}</p>
      )}
    </Panel>
  );
}
