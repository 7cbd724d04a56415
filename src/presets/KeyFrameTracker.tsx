/**
 * Watches every frame the panels show (it renders nothing, so its re-render per frame costs nothing) and tells
 * its parent, only when the answer changes, which key frame to draw beside the live picture.
 */
import { useEffect, useMemo } from 'react';
import { useFrame } from '../panels/shared/useFrame.ts';
import { useApp } from '../client/useApp.ts';
import type { ProbeFrame } from '../contracts/protocol.ts';
import { KeyFrameKeeper } from './keyFrame.ts';
import type { KeyFrameKind } from './presets.ts';

export function KeyFrameTracker({ kind, onKeyFrame }: { kind: KeyFrameKind; onKeyFrame: (frame: ProbeFrame | null) => void }) {
  const frame = useFrame();
  const runId = useApp((s) => s.runId);
  // A new keeper per run (and per kind): the previous run's frames must not be drawn as this one's.
  const keeper = useMemo(() => (void runId, new KeyFrameKeeper(kind)), [kind, runId]);
  useEffect(() => {
    onKeyFrame(frame ? keeper.offer(frame) : null);
  }, [frame, keeper, onKeyFrame]);
  useEffect(() => () => onKeyFrame(null), [onKeyFrame]);
  return null;
}
