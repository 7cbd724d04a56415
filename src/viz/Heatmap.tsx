/**
 * A units × timesteps heatmap: cells on a canvas (one ImageData pixel per cell, scaled up without smoothing),
 * axes, selection outline and tooltip in SVG/DOM. Cell data comes from a Source and repaints in
 * requestAnimationFrame when it changes; React re-renders only for props, resizes and legend changes.
 */
import { useId, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent, type ReactNode } from 'react';
import { paletteLut, type PaletteName } from './colorLut.ts';
import { ColorLegend } from './ColorLegend.tsx';
import { AxisBottom, AxisLeft } from './Axis.tsx';
import { sameDomain, symmetricDomain, type Domain } from './domain.ts';
import { cellAt, cellIndex, rowMajor, type GridLayout } from './grid.ts';
import { paintHeatmap } from './paintHeatmap.ts';
import { formatValue } from './format.ts';
import { cellScale, PLOT_MARGIN as M, useWidth } from './layout.ts';
import type { ScheduleOptions } from '../client/scheduled.ts';
import { useRepaint, type Source } from '../client/source.ts';
import './viz.css';

export interface GridView {
  values: ArrayLike<number>;
  /** Where cell (row, col) is in `values`; default row-major [rows, cols]. */
  layout?: GridLayout;
  /** This frame's colour domain (e.g. symmetric from the data); overrides the domain prop. */
  domain?: Domain;
}

export interface Cell {
  row: number;
  col: number;
}

export interface HeatmapProps {
  /** Units. */
  rows: number;
  /** Timesteps. */
  cols: number;
  source: Source<GridView>;
  palette: PaletteName;
  /** Colour domain when the view brings none; default: symmetric from the data. */
  domain?: Domain;
  title?: ReactNode;
  /** Accessible name of the plot. */
  label: string;
  xLabel?: string;
  yLabel?: string;
  legendLabel?: string;
  /** Height of the cell area in CSS pixels. */
  height?: number;
  /** Outlined column (the selected timestep) and row (the selected unit), 0-based. */
  highlightCol?: number | null;
  highlightRow?: number | null;
  /** Fade the columns before or after highlightCol (e.g. gradients that have not arrived yet). */
  veil?: 'before' | 'after' | null;
  /** Coloured marks at the right edge of rows (e.g. units plotted as lines elsewhere). */
  rowMarks?: readonly { row: number; color: string }[];
  /** Tooltip text; default "row, col: value" (1-based). */
  describeCell?: (row: number, col: number, value: number) => string;
  onHover?: (cell: (Cell & { value: number }) | null) => void;
  /** Click, or Enter on the keyboard cursor; arrows move the cursor from the highlighted cell. */
  onCellClick?: (col: number, row: number, modifiers: { shiftKey: boolean }) => void;
  /** How often the cells may repaint (heavy views: a few times a second). */
  repaint?: ScheduleOptions;
}

function defaultDescribe(row: number, col: number, value: number): string {
  return `${row + 1}, ${col + 1}: ${formatValue(value)}`;
}

export function Heatmap(p: HeatmapProps) {
  const hatchId = `hatch${useId().replace(/[^\w-]/g, '')}`;
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const announceRef = useRef<HTMLDivElement>(null);
  const offscreen = useRef<{ canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D; image: ImageData } | null>(null);
  const view = useRef<GridView | null>(null);
  const pointer = useRef<(Cell & { x: number; y: number }) | null>(null);
  const legendRef = useRef<Domain | null>(p.domain ?? null);
  const [legendDomain, setLegendDomain] = useState<Domain | null>(legendRef.current);

  const width = useWidth(boxRef);
  const plotW = Math.max(10, width - M.left - M.right);
  const plotH = p.height ?? Math.min(220, Math.max(60, p.rows * 10));
  const xScale = cellScale(p.cols, plotW);
  const yScale = cellScale(p.rows, plotH);
  const describe = p.describeCell ?? defaultDescribe;

  const valueAt = (c: Cell): number => {
    const v = view.current;
    return v ? v.values[cellIndex(v.layout ?? rowMajor(p.cols), c.row, c.col)] : NaN;
  };

  const showTooltip = () => {
    const tip = tipRef.current;
    const at = pointer.current;
    if (!tip) return;
    if (!at || !view.current) {
      tip.hidden = true;
      return;
    }
    tip.hidden = false;
    tip.textContent = describe(at.row, at.col, valueAt(at));
    tip.style.left = `${M.left + at.x + 14}px`;
    tip.style.top = `${M.top + at.y + 14}px`;
    tip.style.transform = at.x > plotW * 0.6 ? 'translateX(calc(-100% - 28px))' : '';
  };

  const paint = () => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return; // no canvas (jsdom): axes and legend still render
    const dpr = window.devicePixelRatio || 1;
    const bw = Math.round(plotW * dpr);
    const bh = Math.round(plotH * dpr);
    if (canvas.width !== bw) canvas.width = bw;
    if (canvas.height !== bh) canvas.height = bh;
    const v = (view.current = p.source.read());
    ctx.clearRect(0, 0, bw, bh);
    if (v && p.rows > 0 && p.cols > 0) {
      let off = offscreen.current;
      if (!off || off.image.width !== p.cols || off.image.height !== p.rows) {
        const c = document.createElement('canvas');
        c.width = p.cols;
        c.height = p.rows;
        const octx = c.getContext('2d');
        if (!octx) return;
        off = offscreen.current = { canvas: c, ctx: octx, image: octx.createImageData(p.cols, p.rows) };
      }
      const domain = v.domain ?? p.domain ?? symmetricDomain(v.values, { rows: p.rows, cols: p.cols, layout: v.layout });
      paintHeatmap(off.image, v.values, p.rows, p.cols, paletteLut(p.palette), domain, v.layout);
      off.ctx.putImageData(off.image, 0, 0);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(off.canvas, 0, 0, bw, bh);
      if (!sameDomain(domain, legendRef.current)) {
        legendRef.current = domain;
        setLegendDomain(domain);
      }
    }
    showTooltip();
  };
  useRepaint(p.source, paint, p.repaint);

  const pointTo = (cell: Cell | null, x = 0, y = 0) => {
    pointer.current = cell ? { ...cell, x, y } : null;
    showTooltip();
    p.onHover?.(cell ? { ...cell, value: valueAt(cell) } : null);
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    const cell = cellAt(x, y, plotW, plotH, p.rows, p.cols);
    pointTo(cell, x, y);
    // Dragging with a finger (or a pressed button) moves the cursor along, so a phone can scrub by touch.
    if (cell && e.buttons & 1) p.onCellClick?.(cell.col, cell.row, { shiftKey: false });
  };

  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const c = cellAt(e.clientX - r.left, e.clientY - r.top, plotW, plotH, p.rows, p.cols);
    if (c) p.onCellClick?.(c.col, c.row, { shiftKey: e.shiftKey });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const col = p.highlightCol ?? 0;
    const row = p.highlightRow ?? 0;
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      const next = { col: Math.max(0, Math.min(p.cols - 1, col + move[0])), row: Math.max(0, Math.min(p.rows - 1, row + move[1])) };
      p.onCellClick?.(next.col, next.row, { shiftKey: false });
      pointTo(next, ((next.col + 0.5) / p.cols) * plotW, ((next.row + 0.5) / p.rows) * plotH);
      // Screen readers hear the cell the keyboard cursor moved to, once; repaints never touch this region.
      if (announceRef.current) announceRef.current.textContent = describe(next.row, next.col, valueAt(next));
    } else if (e.key === 'Enter') {
      p.onCellClick?.(col, row, { shiftKey: e.shiftKey });
    }
  };

  const colW = plotW / Math.max(1, p.cols);
  const rowH = plotH / Math.max(1, p.rows);
  const hc = p.highlightCol ?? null;
  const hr = p.highlightRow ?? null;

  return (
    <figure className="viz-heatmap">
      {p.title !== undefined || legendDomain ? (
        <figcaption className="viz-figure-head">
          <span className="viz-figure-title">{p.title}</span>
          {legendDomain ? <ColorLegend palette={p.palette} domain={legendDomain} label={p.legendLabel} /> : null}
        </figcaption>
      ) : null}
      <div className="viz-plot" ref={boxRef} style={{ height: plotH + M.top + M.bottom }}>
        <canvas
          ref={canvasRef}
          className="viz-cells"
          style={{ left: M.left, top: M.top, width: plotW, height: plotH }}
          tabIndex={0}
          role="application"
          aria-roledescription="heatmap"
          aria-label={p.label}
          onPointerMove={onPointerMove}
          onPointerLeave={() => pointTo(null)}
          onBlur={() => pointTo(null)}
          onClick={onClick}
          onKeyDown={onKeyDown}
        />
        <svg className="viz-overlay" width={width} height={plotH + M.top + M.bottom}>
          <defs>
            {/* Hatching reads as "not here yet"; a plain fade would look like data near zero. */}
            <pattern id={hatchId} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width={6} height={6} className="viz-veil-bg" />
              <line x1={0} y1={0} x2={0} y2={6} className="viz-veil-line" />
            </pattern>
          </defs>
          <g transform={`translate(${M.left},${M.top})`}>
            {hc !== null && p.veil ? (
              <rect className="viz-veil" fill={`url(#${hatchId})`} x={p.veil === 'before' ? 0 : (hc + 1) * colW} width={p.veil === 'before' ? hc * colW : (p.cols - hc - 1) * colW} height={plotH} />
            ) : null}
            {hr !== null && hr < p.rows ? <rect className="viz-highlight-row" x={0} y={hr * rowH} width={plotW} height={rowH} /> : null}
            {hc !== null && hc < p.cols ? (
              <>
                <rect className="viz-highlight-outer" x={hc * colW} y={0} width={colW} height={plotH} />
                <rect className="viz-highlight-inner" x={hc * colW} y={0} width={colW} height={plotH} />
              </>
            ) : null}
            {p.rowMarks?.map((m) => (
              <rect key={m.row} x={plotW + 2} y={m.row * rowH} width={5} height={Math.max(2, rowH)} fill={m.color} />
            ))}
            <g transform={`translate(0,${plotH})`}>
              <AxisBottom scale={xScale} integer ticks={Math.min(p.cols, Math.max(2, Math.floor(plotW / 45)))} label={p.xLabel} />
            </g>
            <AxisLeft scale={yScale} integer ticks={Math.min(p.rows, Math.max(2, Math.floor(plotH / 22)))} label={p.yLabel} labelOffset={34} />
          </g>
        </svg>
        {/* Rewritten at every repaint under the pointer: not a live region, or it would be read out each frame. */}
        <div ref={tipRef} className="viz-tooltip" aria-hidden="true" hidden />
        <div ref={announceRef} className="visually-hidden" role="status" data-testid="heatmap-announce" />
      </div>
    </figure>
  );
}
