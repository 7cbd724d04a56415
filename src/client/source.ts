/** Data that changes faster than React should re-render: read on demand, with a change notification. */
import { useEffect, useRef } from 'react';
import { useScheduledTask, type ScheduleOptions } from './scheduled.ts';

export interface Source<T> {
  read(): T | null;
  subscribe(onChange: () => void): () => void;
}

/**
 * Call `paint` after every render and, through the page's frame scheduler, whenever `source` changes — the
 * per-frame path that bypasses React.
 */
export function useRepaint(source: Source<unknown>, paint: () => void, options?: ScheduleOptions): void {
  const paintRef = useRef(paint);
  paintRef.current = paint;
  useEffect(() => paintRef.current());
  useScheduledTask(source.subscribe, () => paintRef.current(), options);
}
