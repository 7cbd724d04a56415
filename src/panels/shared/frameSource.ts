/**
 * Readings of the frame on show (run/frameView.ts) for views: a primitive that re-renders only when it
 * changes, and the frame's shape.
 */
import { useMemo } from 'react';
import { cellFromGateCount } from '../../engine/gateLayout.ts';
import type { CellKind } from '../../engine/config.ts';
import type { Run } from '../../client/run.ts';
import { useShownValue } from '../../client/frameView.ts';
import type { ProbeFrame } from '../../contracts/protocol.ts';

/** A primitive read off the frame on show, re-rendering only when it changes (return primitives, not objects). */
export function useFrameValue<T extends string | number | boolean | null>(select: (f: ProbeFrame | null) => T, of?: Run): T {
  return useShownValue(select, of);
}

export interface FrameShape {
  T: number;
  H: number;
  numLayers: number;
  cell: CellKind;
}

/** Cell kind of a frame, from its fused gate width (4 LSTM, 3 GRU, 1 RNN). */
export function frameCell(f: ProbeFrame): CellKind {
  return cellFromGateCount(f.layers[0].act.length / (f.T * f.H)) ?? 'rnn';
}

/** Shape of the frame on show; re-renders only when it changes (a new run), not per frame. */
export function useFrameShape(of?: Run): FrameShape | null {
  const key = useFrameValue((f) => (f && f.layers.length ? `${f.T}|${f.H}|${f.layers.length}|${frameCell(f)}` : null), of);
  return useMemo(() => {
    if (!key) return null;
    const [T, H, L, cell] = key.split('|');
    return { T: +T, H: +H, numLayers: +L, cell: cell as CellKind };
  }, [key]);
}
