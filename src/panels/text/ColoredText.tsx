/**
 * The text with every character on the colour of one unit's value at that character (LSTMVis). React renders
 * the characters once per text; colours are painted straight onto the spans whenever the source changes, so a
 * live frame stream never re-renders React. Hovering (or moving the keyboard cursor with ←/→) shows the
 * character, its timestep and the exact value.
 */
import { Fragment, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../client/useT.ts';
import { ColorLegend } from '../../viz/ColorLegend.tsx';
import { sameDomain } from '../../viz/domain.ts';
import { displayTimestep, formatValue } from '../../viz/format.ts';
import { useScheduledValue } from '../../client/scheduled.ts';
import { HEAVY_INTERVAL_MS } from '../../client/scheduler.ts';
import { useRepaint, type Source } from '../../client/source.ts';
import { cellColors, charName, displayChar, type SignalStyle } from './textViews.ts';

/** Colouring a long passage touches every span: a heavy view, repainted a few times a second. */
const HEAVY = { minIntervalMs: HEAVY_INTERVAL_MS } as const;

export interface UnitView {
  chars: readonly string[];
  /** The unit's value at each character. */
  values: Float32Array;
  style: SignalStyle;
}

export function ColoredText(props: {
  source: Source<UnitView>;
  /** What the values are, e.g. "h_t[3]" (tooltip, legend). */
  name: string;
  /** A click (or Enter) on the character at t. */
  onPick?: (t: number) => void;
}) {
  const t = useT();
  const { source } = props;
  const chars = useScheduledValue(source.subscribe, () => source.read()?.chars ?? null);
  const spans = useRef<(HTMLSpanElement | null)[]>([]);
  const view = useRef<UnitView | null>(null);
  const [style, setStyle] = useState<SignalStyle | null>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const cursorRef = useRef<number | null>(null);
  cursorRef.current = cursor;
  const readout = useRef<HTMLParagraphElement>(null);

  /** The hovered character and its value now (training may have moved it since the pointer did). */
  const readoutText = (): string => {
    const v = view.current;
    const k = cursorRef.current;
    if (!v || k === null || k >= v.chars.length) return t('text.readoutHint');
    return t('text.readout', { ch: charName(v.chars[k]), t: displayTimestep(k), name: props.name, value: formatValue(v.values[k]) });
  };

  useRepaint(source, () => {
    const v = source.read();
    view.current = v;
    if (readout.current) readout.current.textContent = readoutText();
    if (!v) return;
    for (let k = 0; k < v.values.length; k++) {
      const el = spans.current[k];
      if (!el) continue;
      const c = cellColors(v.values[k], v.style);
      el.style.background = c.background;
      el.style.color = c.color;
    }
    setStyle((prev) => (prev && prev.palette === v.style.palette && sameDomain(prev.domain, v.style.domain) ? prev : v.style));
  }, HEAVY);

  if (!chars) return <p className="viz-note">{t('text.waitingPassage')}</p>;

  const tip = cursor !== null && cursor < chars.length ? cursor : null;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const last = chars.length - 1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      e.stopPropagation();
      const from = cursor ?? (e.key === 'ArrowRight' ? -1 : last + 1);
      setCursor(Math.max(0, Math.min(last, from + (e.key === 'ArrowRight' ? 1 : -1))));
    } else if (e.key === 'Enter' && cursor !== null) props.onPick?.(cursor);
  };
  const indexOf = (target: EventTarget): number | null => {
    const k = (target as HTMLElement).dataset?.t;
    return k === undefined ? null : Number(k);
  };

  return (
    <div className="text-colored">
      {style ? (
        <div className="text-legend">
          <span>{props.name}</span>
          <ColorLegend palette={style.palette} domain={style.domain} width={200} label={props.name} />
        </div>
      ) : null}
      <div
        className="text-cells"
        data-testid="text-activations"
        tabIndex={0}
        role="group"
        aria-label={t('text.activationsAria', { name: props.name, n: chars.length })}
        onMouseOver={(e) => setCursor(indexOf(e.target) ?? cursor)}
        onMouseLeave={() => setCursor(null)}
        onBlur={() => setCursor(null)}
        onClick={(e) => {
          const k = indexOf(e.target);
          if (k !== null) props.onPick?.(k);
        }}
        onKeyDown={onKeyDown}
      >
        {chars.map((ch, k) => {
          const d = displayChar(ch);
          return (
            <Fragment key={k}>
              <span ref={(el) => void (spans.current[k] = el)} data-t={k} className={`text-cell${d.mark ? ' text-mark' : ''}${k === tip ? ' text-cursor' : ''}`}>
                {d.text}
              </span>
              {d.breakAfter ? <br /> : null}
            </Fragment>
          );
        })}
      </div>
      <p ref={readout} className="text-readout" data-testid="text-readout">
        {readoutText()}
      </p>
    </div>
  );
}
