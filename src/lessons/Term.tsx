/**
 * A term the page uses without stopping to explain it: dotted underline, a short explanation on hover and on
 * keyboard focus (aria-describedby, so a screen reader reads it too), and a click that opens the glossary at
 * its entry. TermText links the terms inside a translated sentence, so the dictionaries stay plain text.
 */
import { useId, useState, type ReactNode, type SyntheticEvent } from 'react';
import { useT } from '../client/useT.ts';
import { JARGON, type JargonId } from './jargon.ts';
import { lessonStore } from './lessonStore.ts';
import { usePick } from './usePick.ts';
import './term.css';

/** The explanation's width in CSS px (term.css), to keep it on screen. */
const TIP_WIDTH = 320;

export function Term(props: { id: JargonId; children?: ReactNode }) {
  const t = useT();
  const pick = usePick();
  const tipId = useId();
  const [dismissed, setDismissed] = useState(false);
  const [at, setAt] = useState<{ left: number; top: number } | null>(null);
  const entry = JARGON[props.id];
  // Fixed to the viewport, placed under the word when it shows: the sidebar and the panels clip what overflows them.
  const place = (e: SyntheticEvent<HTMLElement>): void => {
    const r = e.currentTarget.getBoundingClientRect();
    setAt({ left: Math.max(8, Math.min(r.left, window.innerWidth - TIP_WIDTH - 8)), top: r.bottom + 6 });
  };
  return (
    <span className={dismissed ? 'term term-dismissed' : 'term'} onMouseEnter={place} onFocus={place} onMouseLeave={() => setDismissed(false)}>
      <button
        type="button"
        className="term-word"
        data-term={props.id}
        aria-describedby={tipId}
        onClick={() => lessonStore.setState({ glossaryOpen: true, glossaryFocus: props.id })}
        onBlur={() => setDismissed(false)}
        // Escape hides the explanation without moving focus (WCAG 1.4.13), and goes no further.
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !dismissed) {
            e.stopPropagation();
            setDismissed(true);
          }
        }}
      >
        {props.children ?? pick(entry.term)}
      </button>
      <span role="tooltip" id={tipId} className="popover term-tip" style={at ?? undefined} data-testid={`term-tip-${props.id}`}>
        {pick(entry.note)} <span className="term-more">{t('term.more')}</span>
      </span>
    </span>
  );
}

export type TermPiece = string | { id: JargonId; word: string };

/** The text cut around the first place each term appears (in the given language's spelling). */
export function splitTerms(text: string, lang: 'en' | 'zh', ids: readonly JargonId[]): TermPiece[] {
  const hits = ids
    .map((id) => {
      const found = JARGON[id].words[lang].map((w) => ({ w, at: text.indexOf(w) })).find((x) => x.at >= 0);
      return found ? { id, word: found.w, at: found.at } : null;
    })
    .filter((h) => h !== null)
    .sort((a, b) => a.at - b.at);
  const out: TermPiece[] = [];
  let pos = 0;
  for (const h of hits) {
    if (h.at < pos) continue;
    if (h.at > pos) out.push(text.slice(pos, h.at));
    out.push({ id: h.id, word: h.word });
    pos = h.at + h.word.length;
  }
  if (pos < text.length) out.push(text.slice(pos));
  return out;
}

/** A translated sentence with its terms linked. */
export function TermText(props: { text: string; terms: readonly JargonId[] }) {
  const t = useT();
  const lang = t('lessons.langCode') === 'zh' ? 'zh' : 'en';
  return splitTerms(props.text, lang, props.terms).map((p, k) =>
    typeof p === 'string' ? p : (
      <Term key={k} id={p.id}>
        {p.word}
      </Term>
    ),
  );
}
