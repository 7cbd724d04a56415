/**
 * The racers' gradients back through time in the gradient-decay chart, one colour per model — ‖∂L_T/∂h_t‖,
 * the LSTM's ‖∂L_T/∂c_t‖ dashed, the mechanism under it — and, per model, how much of the last step's
 * gradient is left at t = 1 (also in data attributes, which the browser tests read).
 */
import { memo, useMemo } from 'react';
import { MODEL_COLOR } from '../../compare/compareSet.ts';
import type { CompareModel } from '../../compare/session.ts';
import { setTimestep } from '../../controls/actions.ts';
import { useT } from '../../i18n/useT.ts';
import { appStore, useApp } from '../../store/appStore.ts';
import { formatValue } from '../../viz/format.ts';
import { seriesSwatch } from '../../viz/seriesSwatch.ts';
import { useThrottledVersion } from '../../viz/useThrottled.ts';
import { DecayChart } from '../gradientDecay/DecayChart.tsx';
import type { DecaySeries } from '../gradientDecay/decayView.ts';
import { earlyLateRatio, modelDecaySeries } from './decayCurves.ts';
import { modelFrame, modelsSource } from './modelFrames.ts';

/** Rebuild the chart at most this often (its SVG is rebuilt whole). */
const REFRESH_MS = 100;

/** Memoised: it re-renders on its own (throttled) clock, not with the comparison panel's. */
export const CompareDecay = memo(function CompareDecay(props: { models: readonly CompareModel[] }) {
  const { models } = props;
  const t = useT();
  const layer = useApp((s) => s.selection.layer);
  const selT = useApp((s) => s.selection.t);
  const subscribe = useMemo(() => modelsSource(models, () => null).subscribe, [models]);
  const version = useThrottledVersion(subscribe, REFRESH_MS);
  const { series, T, steps } = useMemo(() => {
    void version; // the frames are read afresh at each throttled change
    const frames = models.map(modelFrame);
    const built = models.map((m, k) => {
      const f = frames[k];
      return f ? modelDecaySeries(f, m.cell, layer, t(`cfg.arch.${m.cell}`), MODEL_COLOR[m.cell]) : null;
    });
    const steps = new Map(models.map((m, k) => [m.cell, frames[k]?.step ?? null]));
    return { series: built.filter((s): s is DecaySeries => s !== null), T: frames.find((f) => f !== null)?.T ?? 0, steps };
  }, [models, layer, t, version]);

  if (series.length === 0 || T === 0) return <p className="viz-note">{t('compare.waiting')}</p>;
  return (
    <div className="compare-decay" data-testid="compare-decay">
      <DecayChart series={series} T={T} xMode="timestep" height={150} mechanismHeight={70} rule={Math.min(selT, T - 1)} onTimestepClick={(i) => setTimestep(appStore, i, T)} />
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
              className="series-swatch"
              style={seriesSwatch(s.color)}
            >
              {t('compare.ratio', { model: s.label, ratio: formatValue(ratio) })}
            </li>
          );
        })}
      </ul>
    </div>
  );
});
