/**
 * What the gradient-decay panel says beside its chart: a demonstration's key picture (drawn faintly, with its
 * numbers) and what gradient clipping does to the gradient on show.
 */
import { Notation } from '../../viz/Notation.tsx';
import { useMemo } from 'react';
import type { CellKind } from '../../engine/config.ts';
import { useT } from '../../client/useT.ts';
import { earlyOverLate, hasFiniteFlow } from '../../presets/keyFrame.ts';
import { useApp } from '../../client/useApp.ts';
import { formatValue } from '../../viz/format.ts';
import type { ProbeFrame } from '../../contracts/protocol.ts';
import type { DecayReference } from '../shared/DecayChart.tsx';
import { decayFactorText, runSeries } from '../shared/decayView.ts';

/** The key frame's curves, drawn faintly — only when the live picture is another one. */
export function useKeyReference(keyFrame: ProbeFrame | null, liveStep: number, cell: CellKind, labels: readonly string[], colors: readonly string[]): DecayReference | null {
  const t = useT();
  return useMemo(() => {
    if (!keyFrame?.flow || keyFrame.step === liveStep) return null;
    const label = t(keyFrame.step === 0 ? 'demo.refStart' : 'demo.refLastFinite', { step: keyFrame.step });
    return { series: runSeries(keyFrame.flow, keyFrame.T, cell, labels, colors), label };
  }, [keyFrame, liveStep, cell, labels, colors, t]);
}

/** The key picture's numbers (also in data attributes, which the browser tests read). */
export function KeyFrameReadout({ keyFrame, live }: { keyFrame: ProbeFrame; live: ProbeFrame }) {
  const t = useT();
  const ratio = earlyOverLate(keyFrame);
  const values = { step: keyFrame.step, ratio: formatValue(ratio), factor: decayFactorText(keyFrame.flow!.decaySlope[0]) };
  const key = keyFrame.step === live.step ? 'demo.keyLive' : hasFiniteFlow(live) ? 'demo.keyStart' : 'demo.keyLastFinite';
  return (
    <p className="decay-keyframe" data-testid="decay-key-frame" data-step={keyFrame.step} data-live-step={live.step} data-ratio={ratio} data-early={keyFrame.flow!.dh[0]} data-late={keyFrame.flow!.dh[keyFrame.T - 1]}>
      <Notation text={t(key, values)} />
    </p>
  );
}

/** What clipping (as configured) does with the gradient of a frame's probe sequence. */
export function ClipReadout({ frame, testId }: { frame: ProbeFrame; testId: string }) {
  const t = useT();
  const mode = useApp((s) => s.config.clip);
  const c = useApp((s) => s.config.clipValue);
  const gradNorm = frame.flow!.gradNorm;
  const norm = formatValue(gradNorm);
  const text =
    mode === 'none'
      ? t('clip.none', { norm })
      : mode === 'value'
        ? t('clip.value', { norm, c })
        : gradNorm > c
          ? t('clip.normAbove', { norm, c, scale: `×${formatValue(c / gradNorm)}` })
          : t('clip.normBelow', { norm, c });
  return (
    <p className="decay-clip" data-testid={testId} data-step={frame.step} data-mode={mode} data-grad-norm={gradNorm} data-threshold={c}>
      {t('clip.atStep', { step: frame.step })} <Notation text={text} />
    </p>
  );
}
