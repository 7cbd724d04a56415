/** One racer's small look inside: its memory gate (LSTM f, GRU z, RNN pre-activation) and hidden state, on the shared cursor. */
import { memo, useMemo } from 'react';
import type { CellKind } from '../../engine/config.ts';
import type { GateName } from '../../engine/gateLayout.ts';
import { variantLabel } from '../../compare/compareSet.ts';
import type { CompareModel } from '../../compare/session.ts';
import { useT } from '../../i18n/useT.ts';
import { useApp } from '../../store/appStore.ts';
import { LiveText } from '../../viz/LiveText.tsx';
import { TraceHeatmap } from '../../viz/TraceHeatmap.tsx';
import { gateStyle, gateView } from '../gates/gateViews.ts';
import { stateView } from '../state/stateViews.ts';
import { modelsSource, useModelsValue } from './modelFrames.ts';

/** The gate that decides what each architecture carries from one step to the next. */
const MEMORY_GATE: Record<CellKind, GateName> = { lstm: 'f', gru: 'z', rnn: 'a' };

/** The small views repaint at most this often; the panels below show the focused model at full rate. */
const REPAINT_MS = 100;

/** Cell rows of a small heatmap: about 5 px per unit. */
function smallHeight(H: number): number {
  return Math.min(110, Math.max(48, H * 5));
}

/** Memoised: the comparison panel re-renders with the racers' progress, which these canvases do not show. */
export const ModelView = memo(function ModelView({ model, focused }: { model: CompareModel; focused: boolean }) {
  const t = useT();
  const single = useMemo(() => [model], [model]);
  const shape = useModelsValue(single, ([f]) => (f && f.layers.length ? `${f.T}|${f.H}|${f.layers.length}` : null));
  const selLayer = useApp((s) => s.selection.layer);
  const stepText = useMemo(() => modelsSource(single, ([f]) => (f ? t('gs.step', { step: f.step.toLocaleString() }) : null), REPAINT_MS), [single, t]);
  if (!shape) return null;
  const [T, H, L] = shape.split('|').map(Number);
  const layer = Math.min(selLayer, L - 1);
  return (
    <div className={`compare-model${focused ? ' compare-model-focused' : ''}`} data-testid={`compare-model-${model.id}`}>
      <header className="compare-model-header">
        <span className="compare-swatch" style={{ background: model.color }} aria-hidden="true" />
        <b>{variantLabel(t, model.variant)}</b>
        <LiveText source={stepText} className="gs-step" />
      </header>
      <GateMap model={model} single={single} T={T} H={H} layer={layer} />
      <HiddenMap single={single} T={T} H={H} layer={layer} />
    </div>
  );
});

function GateMap(p: { model: CompareModel; single: readonly CompareModel[]; T: number; H: number; layer: number }) {
  const t = useT();
  const { cell } = p.model;
  const gate = MEMORY_GATE[cell];
  const source = useMemo(
    () => modelsSource(p.single, ([f]) => (f?.layers[p.layer] ? gateView(f.layers[p.layer], cell, gate, p.H, false) : null), REPAINT_MS),
    [p.single, p.layer, cell, gate, p.H],
  );
  const style = gateStyle(gate, false);
  return (
    <TraceHeatmap
      T={p.T}
      H={p.H}
      source={source}
      palette={style.palette}
      domain={style.domain ?? undefined}
      title={t(`compare.memory.${cell}`)}
      name={`${variantLabel(t, p.model.variant)} ${gate}_t`}
      legendLabel={t(style.palette === 'sequential' ? 'gates.legendGate' : 'gates.legendSigned')}
      height={smallHeight(p.H)}
    />
  );
}

function HiddenMap(p: { single: readonly CompareModel[]; T: number; H: number; layer: number }) {
  const t = useT();
  const source = useMemo(
    () => modelsSource(p.single, ([f]) => (f?.layers[p.layer] ? stateView(f.layers[p.layer], 'h', p.H, false) : null), REPAINT_MS),
    [p.single, p.layer, p.H],
  );
  return (
    <TraceHeatmap
      T={p.T}
      H={p.H}
      source={source}
      palette="diverging"
      title={t('compare.hidden')}
      name={`${variantLabel(t, p.single[0].variant)} h_t`}
      legendLabel={t('gates.legendSigned')}
      height={smallHeight(p.H)}
    />
  );
}
