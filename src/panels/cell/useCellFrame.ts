/**
 * The frame on show (useFrame's rule: live or the history snapshot), throttled. An update re-lays out and
 * repaints the diagram's labels and the equations' digits (several ms of the main thread), so while training
 * streams frames at display rate the panel follows at 4 per second, and at 10 per second while scrubbing; a
 * single step still shows at once (leading edge) and the last frame always lands (trailing edge).
 */
import { useEffect, useState } from 'react';
import { useApp } from '../../store/appStore.ts';
import { currentFrame, subscribeCurrentFrame } from '../../viz/frameSource.ts';
import type { ProbeFrame } from '../../worker/protocol.ts';

export const CELL_FRAME_INTERVAL_MS = { playing: 250, paused: 100 } as const;

export function useCellFrame(): ProbeFrame | null {
  const status = useApp((s) => s.status);
  const interval = CELL_FRAME_INTERVAL_MS[status];
  const [frame, setFrame] = useState<ProbeFrame | null>(currentFrame);
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const show = () => {
      timer = null;
      last = performance.now();
      setFrame(currentFrame());
    };
    const off = subscribeCurrentFrame(() => {
      if (timer) return;
      const wait = interval - (performance.now() - last);
      if (wait <= 0) show();
      else timer = setTimeout(show, wait);
    });
    setFrame(currentFrame());
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [interval]);
  return frame;
}
