/**
 * Math-ish labels inside the SVG (KaTeX does not render into SVG text): "c_{t-1}" becomes c with a lowered,
 * smaller "t−1" (and "^{(1)}" a raised one), so wire labels read like the equations beside them.
 */
import type { ReactNode } from 'react';

export type Shift = 'base' | 'sub' | 'sup';

/** Split "∂L/∂c_{t-1} ⊙ h^{(1)}_t" into runs on the baseline, lowered and raised. */
export function parseScripts(s: string): { text: string; shift: Shift }[] {
  const out: { text: string; shift: Shift }[] = [];
  const re = /([_^])(\{[^}]*\}|.)/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) out.push({ text: s.slice(last, m.index), shift: 'base' });
    out.push({ text: m[2].replace(/^\{|\}$/g, '').replace(/-/g, '−'), shift: m[1] === '_' ? 'sub' : 'sup' });
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push({ text: s.slice(last), shift: 'base' });
  return out;
}

/** tspans for a symbol; baseline-shift applies per run, so a script never moves the text after it. */
export function SvgSym(props: { s: string }): ReactNode {
  return parseScripts(props.s).map((p, k) =>
    p.shift === 'base' ? (
      <tspan key={k}>{p.text}</tspan>
    ) : (
      <tspan key={k} baselineShift={p.shift === 'sub' ? 'sub' : 'super'} fontSize="72%">
        {p.text}
      </tspan>
    ),
  );
}
