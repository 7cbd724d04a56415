/** The equations with numbers: KaTeX once loaded, plain text before; every number shows all digits on hover. */
import { useLayoutEffect, useRef, type MouseEvent } from 'react';
import type { GateName } from '../../engine/gateLayout.ts';
import { useT } from '../../client/useT.ts';
import type { EqLine, Part } from './equations.ts';
import { fmt, fmtFull } from './format.ts';
import { KATEX_OPTIONS, useKatex, type Katex } from './katex.ts';
import { partsToPlain, partsToTemplate, texToPlain } from './mathText.ts';
import { fillSlots, findSlots, type NumberSlot } from './numberSlots.ts';

/** Numbers carry data-full; the tooltip is made on hover, since the number under the pointer keeps changing. */
function addTooltip(e: MouseEvent<HTMLElement>): void {
  const el = (e.target as Element).closest?.('[data-full]');
  if (el instanceof HTMLElement) el.title = fmtFull(Number(el.dataset.full));
}

const numbersOf = (parts: readonly Part[]): number[] => parts.flatMap((p) => (typeof p === 'string' ? [] : [p.v]));

/**
 * One line typeset by KaTeX when its shape changes (partsToTemplate), its digits rewritten in place otherwise:
 * while training streams frames, an update is a few text changes, not a new KaTeX tree to build and lay out.
 * The HTML output is hidden from screen readers, so the line's name is its plain-text reading.
 */
function KatexMath(props: { katex: Katex; parts: readonly Part[] }) {
  const ref = useRef<HTMLSpanElement>(null);
  const typeset = useRef<{ tex: string; slots: NumberSlot[] } | null>(null);
  const tex = partsToTemplate(props.parts);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeset.current?.tex !== tex) {
      el.innerHTML = props.katex.renderToString(tex, KATEX_OPTIONS);
      typeset.current = { tex, slots: findSlots(el) };
    }
    fillSlots(typeset.current.slots, numbersOf(props.parts));
  });
  return <span ref={ref} className="cell-eq-math" role="math" aria-label={partsToPlain(props.parts)} />;
}

function PlainMath(props: { parts: readonly Part[] }) {
  return (
    <span className="cell-eq-math cell-eq-plain">
      {props.parts.map((p, k) =>
        typeof p === 'string' ? (
          texToPlain(p)
        ) : (
          <span key={k} data-full={p.v}>
            {fmt(p.v)}
          </span>
        ),
      )}
    </span>
  );
}

export function EquationList(props: { lines: readonly EqLine[]; names: Record<GateName, string>; label: string }) {
  const t = useT();
  const katex = useKatex();
  return (
    <ol className="cell-eqs" data-testid="cell-equations" aria-label={props.label} onMouseOver={addTooltip} data-katex={katex ? 'ready' : 'loading'}>
      {props.lines.map((line) => (
        <li key={line.id} className={line.detail ? 'cell-eq cell-eq-detail' : 'cell-eq'} data-eq={line.id} data-value={line.value}>
          <span className="cell-eq-label">{t(line.label, line.gate ? { gate: props.names[line.gate] } : undefined)}</span>
          {katex ? <KatexMath katex={katex} parts={line.parts} /> : <PlainMath parts={line.parts} />}
          {line.note ? <span className="cell-eq-note">{t(line.note)}</span> : null}
        </li>
      ))}
    </ol>
  );
}
