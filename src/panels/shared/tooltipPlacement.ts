import type { CSSProperties } from 'react';
import { PLOT_MARGIN } from '../../viz/layout.ts';

/**
 * Where a chart's hover read-out goes: in the top corner of the plot on the side away from the cursor, so it
 * never covers the hovered point and never leaves a narrow panel.
 */
export function tooltipPlacement(cursorX: number, plotWidth: number): CSSProperties {
  return cursorX > plotWidth / 2 ? { left: PLOT_MARGIN.left + 4, top: PLOT_MARGIN.top + 2 } : { right: PLOT_MARGIN.right + 4, top: PLOT_MARGIN.top + 2 };
}
