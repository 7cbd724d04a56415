/**
 * A Heatmap of one [T, ·H] trace of the frame on show, wired to the app's selection: the selected timestep
 * and unit are outlined, and a click (or the arrow keys) selects a timestep and unit.
 */
import type { ReactNode } from 'react';
import { selectCell } from '../../store/actions.ts';
import type { ScheduleOptions } from '../../client/scheduled.ts';
import { useApp, useAppStore } from '../../client/useApp.ts';
import { useT } from '../../client/useT.ts';
import { Heatmap, type GridView } from '../../viz/Heatmap.tsx';
import type { PaletteName } from '../../viz/colorLut.ts';
import type { Domain } from '../../viz/domain.ts';
import { displayTimestep, displayUnit, formatValue } from '../../viz/format.ts';
import type { Source } from '../../client/source.ts';

export interface TraceHeatmapProps {
  T: number;
  H: number;
  source: Source<GridView>;
  palette: PaletteName;
  domain?: Domain;
  title: ReactNode;
  /** Plain-text name of the quantity (tooltip and accessible name), e.g. "f" or "∂L/∂c". */
  name: string;
  legendLabel?: string;
  veil?: 'before' | 'after' | null;
  rowMarks?: readonly { row: number; color: string }[];
  /** Shift-click / Shift+Enter on a row. */
  onRowShiftClick?: (unit: number) => void;
  height?: number;
  /** How often it may repaint (heavy views: a few times a second). */
  repaint?: ScheduleOptions;
}

export function TraceHeatmap(p: TraceHeatmapProps) {
  const t = useT();
  const store = useAppStore();
  const selT = useApp((s) => s.selection.t);
  const selUnit = useApp((s) => s.selection.unit);
  return (
    <Heatmap
      rows={p.H}
      cols={p.T}
      source={p.source}
      palette={p.palette}
      domain={p.domain}
      title={p.title}
      label={t('gs.heatmapAria', { name: p.name, units: p.H, T: p.T })}
      xLabel={t('gs.axisTimestep')}
      yLabel={t('gs.axisUnit')}
      legendLabel={p.legendLabel}
      height={p.height}
      highlightCol={Math.min(selT, p.T - 1)}
      highlightRow={Math.min(selUnit, p.H - 1)}
      veil={p.veil}
      rowMarks={p.rowMarks}
      repaint={p.repaint}
      describeCell={(row, col, v) => t('gs.tooltip', { unit: displayUnit(row), t: displayTimestep(col), name: p.name, value: formatValue(v) })}
      onCellClick={(col, row, { shiftKey }) => {
        if (shiftKey && p.onRowShiftClick) p.onRowShiftClick(row);
        else selectCell(store, col, row);
      }}
    />
  );
}

/** Height of a heatmap's cell area for H units: about 10 px a row, within [72, 200]. */
export function heatmapHeight(H: number): number {
  return Math.min(200, Math.max(72, H * 10));
}
