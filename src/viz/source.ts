/** Data that changes faster than React should re-render: read on demand, with a change notification. */
import { useEffect, useRef } from 'react';

export interface Source<T> {
  read(): T | null;
  subscribe(onChange: () => void): () => void;
}

const raf: (cb: () => void) => number =
  typeof requestAnimationFrame === 'function' ? (cb) => requestAnimationFrame(cb) : (cb) => setTimeout(cb, 16) as unknown as number;
const cancelRaf: (id: number) => void =
  typeof cancelAnimationFrame === 'function' ? (id) => cancelAnimationFrame(id) : (id) => clearTimeout(id);

/**
 * Call `paint` after every render and, at most once per animation frame, whenever `source` changes — the
 * per-frame path that bypasses React.
 */
export function useRepaint(source: Source<unknown>, paint: () => void): void {
  const paintRef = useRef(paint);
  paintRef.current = paint;
  useEffect(() => paintRef.current());
  useEffect(() => {
    let id = 0;
    const off = source.subscribe(() => {
      if (id) return;
      id = raf(() => {
        id = 0;
        paintRef.current();
      });
    });
    return () => {
      off();
      if (id) cancelRaf(id);
    };
  }, [source]);
}
