/**
 * The frame on show (useFrame's rule: live or the history snapshot), at most ~10 times a second. While training
 * streams frames at display rate, re-typesetting a dozen KaTeX lines per frame would cost the page its 60 fps;
 * a single step or a scrub still shows at once (leading edge), and the last frame always lands (trailing edge).
 */
import { useEffect, useState } from 'react';
import { currentFrame, subscribeCurrentFrame } from '../../viz/frameSource.ts';
import type { ProbeFrame } from '../../worker/protocol.ts';

export const CELL_FRAME_INTERVAL_MS = 100;

export function useCellFrame(): ProbeFrame | null {
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
      const wait = CELL_FRAME_INTERVAL_MS - (performance.now() - last);
      if (wait <= 0) show();
      else timer = setTimeout(show, wait);
    });
    setFrame(currentFrame());
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, []);
  return frame;
}
