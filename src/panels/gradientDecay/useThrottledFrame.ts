import { useEffect, useState } from 'react';
import { currentFrame, subscribeCurrentFrame } from '../../viz/frameSource.ts';
import type { ProbeFrame } from '../../worker/protocol.ts';

/**
 * The frame on show (live or the history snapshot), re-rendering at most once per `intervalMs`: for SVG
 * panels whose whole chart is rebuilt from a frame, so React renders a few times a second, not per frame.
 */
export function useThrottledFrame(intervalMs: number): ProbeFrame | null {
  const [frame, setFrame] = useState(currentFrame);
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      last = performance.now();
      setFrame(currentFrame());
    };
    flush();
    const off = subscribeCurrentFrame(() => {
      if (timer !== null) return;
      const wait = last + intervalMs - performance.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    });
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, [intervalMs]);
  return frame;
}
