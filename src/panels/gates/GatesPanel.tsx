/**
 * Every gate of the selected layer as a units × timesteps heatmap (LSTM f, i, g, o; GRU r, z, n; RNN its
 * pre-activation). In the backward walk it can show ∂L/∂(gate pre-activation) instead.
 */
import { useId, useState } from 'react';
import { useApp } from '../../client/useApp.ts';
import { useT } from '../../client/useT.ts';
import type { GateName } from '../../engine/gateLayout.ts';
import { Panel } from '../Panel.tsx';
import { useFrameShape, type FrameShape } from '../shared/frameSource.ts';
import { useFrameSource } from '../../client/frameView.ts';
import { LiveText } from '../../viz/LiveText.tsx';
import { HeatmapKey } from '../shared/HeatmapKey.tsx';
import { heatmapHeight, TraceHeatmap } from '../shared/TraceHeatmap.tsx';
import { gateStyle, gateView, TEACHING_ORDER } from '../shared/gateViews.ts';
import { LayerSelect, useLayer } from '../shared/LayerSelect.tsx';
import '../shared/gatesState.css';

export function GatesPanel() {
  const t = useT();
  const toggleId = useId();
  const shape = useFrameShape();
  const layer = useLayer(shape?.numLayers ?? 1);
  const backward = useApp((s) => s.selection.walk === 'backward');
  const [showGrad, setShowGrad] = useState(true);
  const gradient = backward && showGrad;
  const stepText = useFrameSource((f) => t('gs.step', { step: f.step }), [t]);

  const controls = (
    <>
      {shape ? <LayerSelect numLayers={shape.numLayers} /> : null}
      {backward ? (
        <label className="gs-control" htmlFor={toggleId}>
          <input id={toggleId} type="checkbox" checked={showGrad} onChange={(e) => setShowGrad(e.target.checked)} />
          {t('gates.showGrad')}
        </label>
      ) : null}
      <LiveText source={stepText} className="gs-step" />
    </>
  );

  return (
    <Panel testId="panel-gates" title={t('gates.title')} controls={controls}>
      {shape ? (
        <>
          <HeatmapKey />
          <div className="viz-grid">
            {TEACHING_ORDER[shape.cell].map((gate) => (
              <GateHeatmap key={gate} shape={shape} layer={layer} gate={gate} gradient={gradient} />
            ))}
          </div>
          {gradient ? (
            <p className="viz-note">
              {t('gates.gradNote')} {shape.cell === 'gru' ? t('gates.gruGradNote') : null}
            </p>
          ) : null}
        </>
      ) : (
        <p className="viz-note">{t('gs.waiting')}</p>
      )}
    </Panel>
  );
}

function GateHeatmap(p: { shape: FrameShape; layer: number; gate: GateName; gradient: boolean }) {
  const t = useT();
  const { cell, H, T } = p.shape;
  const source = useFrameSource((f) => (f.layers[p.layer] ? gateView(f.layers[p.layer], cell, p.gate, H, p.gradient) : null), [p.layer, cell, p.gate, H, p.gradient]);
  const style = gateStyle(p.gate, p.gradient);
  const gateName = t(`gate.${p.gate}`);
  const symbol = p.gradient ? `∂L/∂z_${p.gate}` : `${p.gate}_t`;
  const title = p.gradient ? (
    <>
      {t('gates.gradOf', { gate: gateName })}{' '}
      <span className="gs-symbol">
        ∂L/∂z<sub>{p.gate}</sub>
      </span>
    </>
  ) : (
    <>
      {p.gate === 'a' ? t('gates.preOf', { gate: gateName }) : gateName}{' '}
      <span className="gs-symbol">
        {p.gate}
        <sub>t</sub>
      </span>
    </>
  );
  return (
    <TraceHeatmap
      T={T}
      H={H}
      source={source}
      palette={style.palette}
      domain={style.domain ?? undefined}
      title={title}
      name={symbol}
      legendLabel={t(style.palette === 'sequential' ? 'gates.legendGate' : 'gates.legendSigned')}
      veil={p.gradient ? 'before' : null}
      height={heatmapHeight(H)}
    />
  );
}
