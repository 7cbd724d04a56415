/**
 * The racers' gradients back through time in the gradient-decay chart, one colour per model — ‖∂L_T/∂h_t‖,
 * the LSTM's ‖∂L_T/∂c_t‖ dashed, the mechanism under it — and, per model, how much of the last step's
 * gradient is left at t = 1 (also in data attributes, which the browser tests read).
 */
import { memo, useCallback, useMemo } from 'react';
import { variantLabel } from '../../contracts/compareSet.ts';
import { setTimestep } from '../../store/actions.ts';
import { earlyOverLate, keyFrameIn } from '../../presets/keyFrame.ts';
import { matchingPreset } from '../../presets/presets.ts';
import type { ProbeFrame } from '../../contracts/protocol.ts';
import { racerColor } from '../../viz/archColors.ts';
import { useT } from '../../client/useT.ts';
import { shownFrame, subscribeShown } from '../../client/frameView.ts';
import { racerOf, type Run } from '../../client/run.ts';
import { HEAVY_INTERVAL_MS } from '../../client/scheduler.ts';
import { useScheduledVersion } from '../../client/scheduled.ts';
import { useApp, useAppStore } from '../../client/useApp.ts';
import { formatValue } from '../../viz/format.ts';
import { Notation } from '../../viz/Notation.tsx';
import { seriesSwatch } from '../../viz/seriesSwatch.ts';
import { DecayChart, type DecayReference } from '../shared/DecayChart.tsx';
import type { DecaySeries } from '../shared/decayView.ts';
import { earlyLateRatio, modelDecaySeries } from './decayCurves.ts';

/** Memoised: it re-renders on its own (heavy, a few times a second) clock, not with the comparison panel's. */
export const CompareDecay = memo(function CompareDecay(props: { models: readonly Run[] }) {
  const { models } = props;
  const t = useT();
  const store = useAppStore();
  const layer = useApp((s) => s.selection.layer);
  const selT = useApp((s) => s.selection.t);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const offs = models.map((m) => subscribeShown(m, store, onChange));
      return () => offs.forEach((off) => off());
    },
    [models, store],
  );
  const version = useScheduledVersion(subscribe, { minIntervalMs: HEAVY_INTERVAL_MS });
  // A demonstration keeps each model's key picture (step 0, or its last finite one) while the race goes on.
  const keyKind = useApp((s) => matchingPreset(s.config)?.keyFrame ?? null);
  const { series, T, steps, keyFrames, reference } = useMemo(() => {
    void version; // the frames are read afresh at each scheduled change
    const frames = models.map((m) => shownFrame(m, store));
    const racers = models.map(racerOf);
    const id = (k: number) => racers[k].variant.id;
    const decay = (f: ProbeFrame, k: number) => modelDecaySeries(f, { id: id(k), cell: racers[k].cell }, layer, variantLabel(t, racers[k].variant), racerColor(racers[k]));
    const built = frames.map((f, k) => (f ? decay(f, k) : null));
    const steps = new Map(frames.map((f, k) => [id(k), f?.step ?? null]));
    const keyFrames = new Map(
      models.map((m, k) => {
        const shown = [...m.frames.history().map((e) => e.frame), m.frames.latest()].filter((f): f is ProbeFrame => f !== null);
        return [id(k), keyKind ? keyFrameIn(shown, keyKind) : null] as const;
      }),
    );
    const faint = models.flatMap((_, k) => {
      const key = keyFrames.get(id(k));
      if (!key || key.step === frames[k]?.step) return [];
      const s = decay(key, k);
      return s ? [s] : [];
    });
    const keyStep = faint.length > 0 ? (keyFrames.get(faint[0].key)?.step ?? 0) : 0;
    const reference: DecayReference | null = faint.length > 0 ? { series: faint, label: t('demo.compareKey', { step: keyStep }) } : null;
    return { series: built.filter((s): s is DecaySeries => s !== null), T: frames.find((f) => f !== null)?.T ?? 0, steps, keyFrames, reference };
  }, [models, layer, t, version, store, keyKind]);

  if (series.length === 0 || T === 0) return <p className="viz-note">{t('compare.waiting')}</p>;
  return (
    <div className="compare-decay" data-testid="compare-decay">
      <DecayChart series={series} T={T} xMode="timestep" height={150} mechanismHeight={70} reference={reference} rule={Math.min(selT, T - 1)} onTimestepClick={(i) => setTimestep(store, i, T)} />
      <ul className="compare-ratios">
        {series.map((s) => {
          const ratio = earlyLateRatio(s.dh);
          const key = keyFrames.get(s.key) ?? null;
          const keyRatio = key ? earlyOverLate(key) : null;
          return (
            <li
              key={s.key}
              data-testid={`compare-ratio-${s.key}`}
              data-step={steps.get(s.key) ?? ''}
              data-ratio={ratio}
              data-early={s.dh[0]}
              data-late={s.dh[s.dh.length - 1]}
              data-key-step={key?.step ?? ''}
              data-key-ratio={keyRatio ?? ''}
              data-key-early={key?.flow ? key.flow.dh[0] : ''}
              className="series-swatch"
              style={seriesSwatch(s.color)}
            >
              <Notation text={t('compare.ratio', { model: s.label, ratio: formatValue(ratio) })} />
              {key && keyRatio !== null && key.step !== steps.get(s.key) ? (
                <span className="compare-key-ratio"> · {t('demo.compareKeyRatio', { step: key.step, ratio: formatValue(keyRatio) })}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
});
