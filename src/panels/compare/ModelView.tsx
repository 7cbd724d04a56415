/** One racer's small look inside: its memory gate (LSTM f, GRU z, RNN pre-activation) and hidden state, on the shared cursor. */
import { Notation } from '../../viz/Notation.tsx';
import { memo } from 'react';
import type { CellKind } from '../../engine/config.ts';
import type { GateName } from '../../engine/gateLayout.ts';
import { variantLabel } from '../../contracts/compareSet.ts';
import { racerColor } from '../../viz/archColors.ts';
import { useT } from '../../client/useT.ts';
import { useFrameSource } from '../../client/frameView.ts';
import { racerOf, type Run } from '../../client/run.ts';
import { HEAVY_INTERVAL_MS } from '../../client/scheduler.ts';
import { useApp } from '../../client/useApp.ts';
import { useFrameValue } from '../shared/frameSource.ts';
import { LiveText } from '../../viz/LiveText.tsx';
import { TraceHeatmap } from '../shared/TraceHeatmap.tsx';
import { gateStyle, gateView } from '../shared/gateViews.ts';
import { stateView } from '../shared/stateViews.ts';

/** The gate that decides what each architecture carries from one step to the next. */
const MEMORY_GATE: Record<CellKind, GateName> = { lstm: 'f', gru: 'z', rnn: 'a' };

/** The small views are heavy (one set per racer): they repaint a few times a second; the panels below show the focused model at full rate. */
const REPAINT = { minIntervalMs: HEAVY_INTERVAL_MS } as const;

/** Cell rows of a small heatmap: about 5 px per unit. */
function smallHeight(H: number): number {
  return Math.min(110, Math.max(48, H * 5));
}

/** Memoised: the comparison panel re-renders with the racers' progress, which these canvases do not show. */
export const ModelView = memo(function ModelView({ model, focused }: { model: Run; focused: boolean }) {
  const t = useT();
  const racer = racerOf(model);
  const shape = useFrameValue((f) => (f && f.layers.length ? `${f.T}|${f.H}|${f.layers.length}` : null), model);
  const selLayer = useApp((s) => s.selection.layer);
  const stepText = useFrameSource((f) => t('gs.step', { step: f.step }), [t], model);
  if (!shape) return null;
  const [T, H, L] = shape.split('|').map(Number);
  const layer = Math.min(selLayer, L - 1);
  return (
    <div className={`compare-model${focused ? ' compare-model-focused' : ''}`} data-testid={`compare-model-${racer.variant.id}`}>
      <header className="compare-model-header">
        <span className="compare-swatch" style={{ background: racerColor(racer) }} aria-hidden="true" />
        <b>{variantLabel(t, racer.variant)}</b>
        <LiveText source={stepText} className="gs-step" />
      </header>
      <GateMap model={model} T={T} H={H} layer={layer} />
      <HiddenMap model={model} T={T} H={H} layer={layer} />
    </div>
  );
});

function GateMap(p: { model: Run; T: number; H: number; layer: number }) {
  const t = useT();
  const racer = racerOf(p.model);
  const cell = racer.cell;
  const gate = MEMORY_GATE[cell];
  const source = useFrameSource((f) => (f.layers[p.layer] ? gateView(f.layers[p.layer], cell, gate, p.H, false) : null), [p.layer, cell, gate, p.H], p.model);
  const style = gateStyle(gate, false);
  return (
    <TraceHeatmap
      T={p.T}
      H={p.H}
      source={source}
      palette={style.palette}
      domain={style.domain ?? undefined}
      title={<Notation text={t(`compare.memory.${cell}`)} />}
      name={`${variantLabel(t, racer.variant)} ${gate}_t`}
      legendLabel={t(style.palette === 'sequential' ? 'gates.legendGate' : 'gates.legendSigned')}
      height={smallHeight(p.H)}
      repaint={REPAINT}
    />
  );
}

function HiddenMap(p: { model: Run; T: number; H: number; layer: number }) {
  const t = useT();
  const source = useFrameSource((f) => (f.layers[p.layer] ? stateView(f.layers[p.layer], 'h', p.H, false) : null), [p.layer, p.H], p.model);
  return (
    <TraceHeatmap
      T={p.T}
      H={p.H}
      source={source}
      palette="diverging"
      title={<Notation text={t('compare.hidden')} />}
      name={`${variantLabel(t, racerOf(p.model).variant)} h_t`}
      legendLabel={t('gates.legendSigned')}
      height={smallHeight(p.H)}
      repaint={REPAINT}
    />
  );
}
