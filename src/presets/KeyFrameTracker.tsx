/**
 * Watches every frame the panels show (it renders nothing, so its re-render per frame costs nothing) and tells
 * its parent, only when the answer changes, which key frame to draw beside the live picture.
 */
import { useEffect, useState } from 'react';
import { useFrame } from '../panels/useFrame.ts';
import { useApp } from '../store/appStore.ts';
import type { ProbeFrame } from '../worker/protocol.ts';
import { KeyFrameKeeper } from './keyFrame.ts';
import type { KeyFrameKind } from './presets.ts';

interface TrackerProps {
  kind: KeyFrameKind;
  onKeyFrame: (frame: ProbeFrame | null) => void;
}

export function KeyFrameTracker(props: TrackerProps) {
  const runId = useApp((s) => s.runId);
  // A fresh keeper per run and kind: the previous run's frames must not be drawn as this one's.
  return <RunTracker key={`${props.kind}-${runId}`} {...props} />;
}

function RunTracker({ kind, onKeyFrame }: TrackerProps) {
  const frame = useFrame();
  const [keeper] = useState(() => new KeyFrameKeeper(kind));
  useEffect(() => {
    onKeyFrame(frame ? keeper.offer(frame) : null);
  }, [frame, keeper, onKeyFrame]);
  useEffect(() => () => onKeyFrame(null), [onKeyFrame]);
  return null;
}
