/**
 * Offered every frame as it is published (useFrameValue reads each one, even those React never gets to render
 * on a busy machine), it tells its parent, only when the answer changes, which key frame to draw beside the
 * live picture. It renders nothing.
 */
import { useEffect, useState } from 'react';
import { useApp } from '../client/useApp.ts';
import { useFrameValue } from '../panels/shared/frameSource.ts';
import type { ProbeFrame } from '../contracts/protocol.ts';
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
  const [keeper] = useState(() => new KeyFrameKeeper(kind));
  const keyStep = useFrameValue((f) => (f ? (keeper.offer(f)?.step ?? null) : null));
  useEffect(() => {
    onKeyFrame(keyStep === null ? null : keeper.current);
  }, [keyStep, keeper, onKeyFrame]);
  useEffect(() => () => onKeyFrame(null), [onKeyFrame]);
  return null;
}
