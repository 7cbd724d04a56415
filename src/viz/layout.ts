/** Plot geometry shared by the heatmaps and line charts, so charts stacked under a heatmap line up with it. */
import { useLayoutEffect, useState, type RefObject } from 'react';
import { scaleLinear } from 'd3-scale';

export const PLOT_MARGIN = { top: 6, right: 12, bottom: 36, left: 48 } as const;

/** The rotated y title's reach: its descent towards the tick labels, its ascent towards the svg's edge. */
const TITLE_DESCENT = 4;
const TITLE_ASCENT = 10;
/** Room between the tick labels and the title, and between the widest label and the svg's left edge. */
const GAP = 4;
const EDGE_PAD = 2;

/**
 * The left margin and y-title offset that fit the widest y tick label (`ticksWidth`: label, tick and gap, in
 * px): never less than asked, grown when a label such as "0.00001" would otherwise run off the left edge.
 */
export function yAxisRoom(ticksWidth: number, wanted: { left: number; labelOffset: number }, hasTitle: boolean): { left: number; labelOffset: number } {
  const ticks = Math.ceil(ticksWidth);
  if (!hasTitle) return { left: Math.max(wanted.left, ticks + EDGE_PAD), labelOffset: wanted.labelOffset };
  const labelOffset = Math.max(wanted.labelOffset, ticks + GAP + TITLE_DESCENT);
  return { left: Math.max(wanted.left, labelOffset + TITLE_ASCENT), labelOffset };
}

/** Scale that puts 1-based cell k at the centre of its band: domain [0.5, n + 0.5]. */
export function cellScale(n: number, length: number) {
  return scaleLinear().domain([0.5, n + 0.5]).range([0, length]);
}

/** The element's content width, following resizes (falls back to `fallback` where layout is unavailable). */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback = 320): number {
  return useClientSize(ref, 'clientWidth', fallback);
}

/** The element's content height (a chart filling the space its panel has left), following resizes. */
export function useHeight(ref: RefObject<HTMLElement | null>, fallback: number): number {
  return useClientSize(ref, 'clientHeight', fallback);
}

function useClientSize(ref: RefObject<HTMLElement | null>, side: 'clientWidth' | 'clientHeight', fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = el[side];
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref, side]);
  return width;
}
