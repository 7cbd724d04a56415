/**
 * Offered every frame as it is published (useFrameValue reads each one, even those React never gets to render
 * on a busy machine), it tells its parent, only when the answer changes, which key frame to draw beside the
 * live picture. It renders nothing.
 */
import { useEffect, useState } from 'react';
import { useApp } from '../client/useApp.ts';
import { useRun } from '../client/runContext.ts';
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
  const run = useRun();
  const keyStep = useFrameValue((f) => {
    // Frames published before this tracker mounted (a restart that plays at once) are still in the history ring,
    // which always keeps step 0.
    if (keeper.current === null) for (const e of run.frames.history()) keeper.offer(e.frame);
    return f ? (keeper.offer(f)?.step ?? null) : null;
  });
  useEffect(() => {
    onKeyFrame(keyStep === null ? null : keeper.current);
  }, [keyStep, keeper, onKeyFrame]);
  useEffect(() => () => onKeyFrame(null), [onKeyFrame]);
  return null;
}
