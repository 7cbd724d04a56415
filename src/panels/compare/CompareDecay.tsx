/**
 * The racers' gradients back through time in the gradient-decay chart, one colour per model — ‖∂L_T/∂h_t‖,
 * the LSTM's ‖∂L_T/∂c_t‖ dashed, the mechanism under it — and, per model, how much of the last step's
 * gradient is left at t = 1 (also in data attributes, which the browser tests read).
 */
import { memo, useCallback, useMemo } from 'react';
import { MODEL_COLOR } from '../../compare/compareSet.ts';
import { setTimestep } from '../../controls/actions.ts';
import type { CellKind } from '../../engine/config.ts';
import { useT } from '../../i18n/useT.ts';
import { shownFrame, subscribeShown } from '../../run/frameView.ts';
import type { Run } from '../../run/run.ts';
import { HEAVY_INTERVAL_MS } from '../../run/scheduler.ts';
import { useScheduledVersion } from '../../run/scheduled.ts';
import { useApp, useAppStore } from '../../store/appStore.ts';
import { formatValue } from '../../viz/format.ts';
import { DecayChart } from '../gradientDecay/DecayChart.tsx';
import type { DecaySeries } from '../gradientDecay/decayView.ts';
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
  const { series, T, steps } = useMemo(() => {
    void version; // the frames are read afresh at each scheduled change
    const frames = models.map((m) => shownFrame(m, store));
    const built = models.map((m, k) => {
      const f = frames[k];
      const cell = m.cell as CellKind;
      return f ? modelDecaySeries(f, cell, layer, t(`cfg.arch.${cell}`), MODEL_COLOR[cell]) : null;
    });
    const steps = new Map(models.map((m, k) => [m.cell, frames[k]?.step ?? null]));
    return { series: built.filter((s): s is DecaySeries => s !== null), T: frames.find((f) => f !== null)?.T ?? 0, steps };
  }, [models, layer, t, version, store]);

  if (series.length === 0 || T === 0) return <p className="viz-note">{t('compare.waiting')}</p>;
  return (
    <div className="compare-decay" data-testid="compare-decay">
      <DecayChart series={series} T={T} xMode="timestep" height={150} mechanismHeight={70} rule={Math.min(selT, T - 1)} onTimestepClick={(i) => setTimestep(store, i, T)} />
      <ul className="compare-ratios">
        {series.map((s) => {
          const ratio = earlyLateRatio(s.dh);
          return (
            <li
              key={s.key}
              data-testid={`compare-ratio-${s.cell}`}
              data-step={steps.get(s.cell) ?? ''}
              data-ratio={ratio}
              data-early={s.dh[0]}
              data-late={s.dh[s.dh.length - 1]}
              style={{ color: s.color }}
            >
              {t('compare.ratio', { model: s.label, ratio: formatValue(ratio) })}
            </li>
          );
        })}
      </ul>
    </div>
  );
});
