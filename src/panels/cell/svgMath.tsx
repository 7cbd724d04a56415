/**
 * Math-ish labels inside the SVG (KaTeX does not render into SVG text): "c_{t-1}" becomes c with a lowered,
 * smaller "t−1", so wire labels read like the equations beside them.
 */
import type { ReactNode } from 'react';

/** Split "∂L/∂c_{t-1} ⊙ f_t" into base text and subscripts. */
export function parseSubscripts(s: string): { text: string; sub: boolean }[] {
  const out: { text: string; sub: boolean }[] = [];
  const re = /_(\{[^}]*\}|.)/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) out.push({ text: s.slice(last, m.index), sub: false });
    out.push({ text: m[1].replace(/^\{|\}$/g, '').replace(/-/g, '−'), sub: true });
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push({ text: s.slice(last), sub: false });
  return out;
}

/** tspans for a symbol; the subscript drops by a fixed dy and the next run climbs back. */
export function SvgSym(props: { s: string }): ReactNode {
  let down = false;
  return parseSubscripts(props.s).map((p, k) => {
    const dy = p.sub === down ? undefined : p.sub ? '0.3em' : '-0.3em';
    down = p.sub;
    return (
      <tspan key={k} dy={dy} fontSize={p.sub ? '72%' : undefined}>
        {p.text}
      </tspan>
    );
  });
}
