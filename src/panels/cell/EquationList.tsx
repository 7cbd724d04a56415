/** The equations with numbers: KaTeX once loaded, plain text before; every number shows all digits on hover. */
import type { MouseEvent } from 'react';
import type { GateName } from '../../engine/gateLayout.ts';
import { useT } from '../../i18n/useT.ts';
import type { EqLine } from './equations.ts';
import { fmt, fmtFull } from './format.ts';
import { KATEX_OPTIONS, useKatex } from './katex.ts';
import { partsToTex, texToPlain } from './mathText.ts';

/** KaTeX's \htmlData spans carry data-full; the tooltip text is made on first hover. */
function addTooltip(e: MouseEvent<HTMLElement>): void {
  const el = (e.target as Element).closest?.('[data-full]');
  if (el instanceof HTMLElement && !el.title) el.title = fmtFull(Number(el.dataset.full));
}

export function EquationList(props: { lines: readonly EqLine[]; names: Record<GateName, string>; label: string }) {
  const t = useT();
  const katex = useKatex();
  return (
    <ol className="cell-eqs" data-testid="cell-equations" aria-label={props.label} onMouseOver={addTooltip} data-katex={katex ? 'ready' : 'loading'}>
      {props.lines.map((line) => (
        <li key={line.id} className={line.detail ? 'cell-eq cell-eq-detail' : 'cell-eq'} data-eq={line.id} data-value={line.value}>
          <span className="cell-eq-label">{t(line.label, line.gate ? { gate: props.names[line.gate] } : undefined)}</span>
          {katex ? (
            <span className="cell-eq-math" dangerouslySetInnerHTML={{ __html: katex.renderToString(partsToTex(line.parts), KATEX_OPTIONS) }} />
          ) : (
            <span className="cell-eq-math cell-eq-plain">
              {line.parts.map((p, k) =>
                typeof p === 'string' ? (
                  texToPlain(p)
                ) : (
                  <span key={k} data-full={p.v} title={fmtFull(p.v)}>
                    {fmt(p.v)}
                  </span>
                ),
              )}
            </span>
          )}
          {line.note ? <span className="cell-eq-note">{t(line.note)}</span> : null}
        </li>
      ))}
    </ol>
  );
}
