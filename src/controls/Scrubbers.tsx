/**
 * The two axes a student scrubs: timesteps of the probe sequence (which t the diagram explains) and training
 * history (which training step's snapshot the panels show).
 */
import { useCallback, useId } from 'react';
import { useT } from '../client/useT.ts';
import { useRun } from '../client/runContext.ts';
import { useScheduledValue } from '../client/scheduled.ts';
import { useApp, useAppStore } from '../client/useApp.ts';
import { setHistoryStep, setTimestep } from '../store/actions.ts';

/** Timesteps of the probe sequence: the frame's T once one arrived, else the configured length. */
function useSequenceLength(): number {
  const seqLen = useApp((s) => s.config.seqLen);
  const { frames } = useRun();
  const subscribe = useCallback((cb: () => void) => frames.subscribe(cb), [frames]);
  const frameT = useScheduledValue(subscribe, () => frames.latest()?.T ?? null);
  return frameT ?? seqLen;
}

/** The kept training steps; re-renders when the history ring grows or thins, not on every frame. */
function useHistorySteps(): readonly number[] {
  const { frames } = useRun();
  const subscribe = useCallback((cb: () => void) => frames.subscribe(cb), [frames]);
  const shape = useScheduledValue(subscribe, () => `${frames.history().length}/${frames.historyEvery()}`);
  void shape;
  return frames.history().map((e) => e.step);
}

/** Index of the last kept step at or before `step` (0 if none). */
function indexAtOrBefore(steps: readonly number[], step: number): number {
  let best = 0;
  for (let k = 0; k < steps.length && steps[k] <= step; k++) best = k;
  return best;
}

export function TimestepSlider() {
  const t = useT();
  const id = useId();
  const T = useSequenceLength();
  const store = useAppStore();
  const current = useApp((s) => s.selection.t);
  const shown = Math.min(current, T - 1) + 1;
  return (
    <div className="scrubber">
      <label className="scrubber-label" htmlFor={id}>
        {t('scrub.timestep')}
      </label>
      <input
        id={id}
        type="range"
        className="slider"
        data-testid="timestep-slider"
        min={1}
        max={T}
        step={1}
        value={shown}
        aria-valuetext={`t = ${shown} / ${T}`}
        onChange={(e) => setTimestep(store, Number(e.target.value) - 1, T)}
      />
      <output className="scrubber-value" htmlFor={id} data-testid="timestep-value">
        t = {shown} / {T}
      </output>
    </div>
  );
}

export function HistorySlider() {
  const t = useT();
  const id = useId();
  const store = useAppStore();
  const steps = useHistorySteps();
  const count = steps.length;
  // The cursor is a training step: as the ring thins out, the slider's index moves but the step stays.
  const historyStep = useApp((s) => s.selection.historyStep);
  const liveStep = useApp((s) => s.step);
  const live = historyStep === null || count === 0;
  const index = live ? Math.max(0, count - 1) : indexAtOrBefore(steps, historyStep);
  const shownStep = live ? liveStep : (steps[index] ?? liveStep);
  return (
    <div className="scrubber">
      <label className="scrubber-label" htmlFor={id}>
        {t('scrub.history')}
      </label>
      <input
        id={id}
        type="range"
        className="slider"
        data-testid="history-slider"
        min={0}
        max={Math.max(0, count - 1)}
        step={1}
        value={index}
        disabled={count < 2}
        aria-valuetext={t('scrub.showingStep', { step: shownStep })}
        onChange={(e) => setHistoryStep(store, steps[Number(e.target.value)] ?? null)}
      />
      <output className="scrubber-value" htmlFor={id} data-testid="history-value" data-step={shownStep}>
        {live ? t('scrub.live', { step: shownStep }) : t('scrub.showingStep', { step: shownStep })}
      </output>
      <button
        type="button"
        className="btn btn-small"
        data-testid="btn-live"
        aria-pressed={live}
        disabled={live}
        title={t('scrub.liveTitle')}
        onClick={() => setHistoryStep(store, null)}
      >
        {t('scrub.liveButton')}
      </button>
    </div>
  );
}
