/**
 * Maths written in plain strings (the dictionaries' "∂h_t/∂h_{t−1}", "W_hh", "10^{-6}") typeset as HTML
 * subscripts and superscripts, so no literal underscore or brace reaches the page. Only for strings that
 * hold notation: an identifier such as state_dict would be read as a subscript too.
 */
import type { ReactNode } from 'react';
import './viz.css';

export interface NotationPiece {
  text: string;
  script: 'sub' | 'sup' | null;
}

const SCRIPT = /([_^])(?:\{([^}]*)\}|([A-Za-z0-9]+|[−-]?\d+))/g;

/** The text cut into plain runs and sub/superscripts: "h_{t−1}" → h, (sub) t−1. */
export function notationPieces(text: string): NotationPiece[] {
  const out: NotationPiece[] = [];
  let at = 0;
  for (const m of text.matchAll(SCRIPT)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), script: null });
    out.push({ text: m[2] ?? m[3], script: m[1] === '_' ? 'sub' : 'sup' });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), script: null });
  return out;
}

export function Notation({ text }: { text: string }): ReactNode {
  return notationPieces(text).map((p, i) => (p.script === 'sub' ? <sub key={i} className="notation">{p.text}</sub> : p.script === 'sup' ? <sup key={i} className="notation">{p.text}</sup> : p.text));
}
