/**
 * The two axes a student scrubs: timesteps of the probe sequence (which t the diagram explains) and training
 * history (which training step's snapshot the panels show).
 */
import { useEffect, useId, useRef, useSyncExternalStore } from 'react';
import { useT } from '../i18n/useT.ts';
import { appStore, useApp } from '../store/appStore.ts';
import { frameBus } from '../store/frameBus.ts';
import { setHistoryIndex, setTimestep } from './actions.ts';

/** Timesteps of the probe sequence: the frame's T once one arrived, else the configured length. */
export function useSequenceLength(): number {
  const seqLen = useApp((s) => s.config.seqLen);
  const frameT = useSyncExternalStore(
    (cb) => frameBus.subscribe(cb),
    () => frameBus.latest()?.T ?? null,
  );
  return frameT ?? seqLen;
}

/** Re-renders when the history ring grows or thins, not on every frame. */
function useHistoryShape(): { count: number; shape: string } {
  const shape = useSyncExternalStore(
    (cb) => frameBus.subscribe(cb),
    () => `${frameBus.history().length}/${frameBus.historyEvery()}`,
  );
  return { count: frameBus.history().length, shape };
}

/** The snapshot at or just before `step` (the ring keeps every 2^k-th step, so an exact match may be gone). */
function indexAtOrBefore(step: number): number {
  const h = frameBus.history();
  let best = 0;
  for (let k = 0; k < h.length && h[k].step <= step; k++) best = k;
  return best;
}

export function TimestepSlider() {
  const t = useT();
  const id = useId();
  const T = useSequenceLength();
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
        onChange={(e) => setTimestep(appStore, Number(e.target.value) - 1, T)}
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
  const { count, shape } = useHistoryShape();
  const historyIndex = useApp((s) => s.selection.historyIndex);
  const liveStep = useApp((s) => s.step);
  /** The snapshot last pointed at: when the ring thins out, indices shift but the step should stay. */
  const pinned = useRef<{ index: number; step: number } | null>(null);

  useEffect(() => {
    const h = frameBus.history();
    if (historyIndex === null) {
      pinned.current = null;
    } else if (historyIndex >= h.length && pinned.current === null) {
      // A reset emptied the ring: a cursor into it would point at nothing.
      setHistoryIndex(appStore, null);
    } else if (pinned.current?.index === historyIndex && h[historyIndex]?.step !== pinned.current.step) {
      const index = indexAtOrBefore(pinned.current.step);
      pinned.current = { index, step: pinned.current.step };
      setHistoryIndex(appStore, index);
    } else if (pinned.current?.index !== historyIndex) {
      pinned.current = { index: historyIndex, step: h[historyIndex]?.step ?? 0 };
    }
  }, [historyIndex, shape]);

  const live = historyIndex === null || historyIndex >= count;
  const index = live ? Math.max(0, count - 1) : historyIndex;
  const shownStep = live ? liveStep : (frameBus.history()[index]?.step ?? liveStep);
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
        onChange={(e) => setHistoryIndex(appStore, Number(e.target.value))}
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
        onClick={() => setHistoryIndex(appStore, null)}
      >
        {t('scrub.liveButton')}
      </button>
    </div>
  );
}
