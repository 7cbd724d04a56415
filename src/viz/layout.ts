/** Plot geometry shared by the heatmaps and line charts, so charts stacked under a heatmap line up with it. */
import { useLayoutEffect, useState, type RefObject } from 'react';
import { scaleLinear } from 'd3-scale';

export const PLOT_MARGIN = { top: 6, right: 12, bottom: 36, left: 48 } as const;

/** Scale that puts 1-based cell k at the centre of its band: domain [0.5, n + 0.5]. */
export function cellScale(n: number, length: number) {
  return scaleLinear().domain([0.5, n + 0.5]).range([0, length]);
}

/** The element's content width, following resizes (falls back to `fallback` where layout is unavailable). */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback = 320): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = el.clientWidth;
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}
