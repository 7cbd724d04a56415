/**
 * Why a vanilla RNN forgets and an LSTM does not, measured live on the probe sequence: the gradient of the
 * loss at the last step sent back to every timestep (log scale), its fitted decay rate, the running product
 * that causes it, and each timestep's share of the recurrent weight gradient.
 */
import { useId, useMemo, useState } from 'react';
import { KeyFrameTracker } from '../../presets/KeyFrameTracker.tsx';
import { hasFiniteFlow } from '../../presets/keyFrame.ts';
import { matchingPreset } from '../../presets/presets.ts';
import { setTimestep } from '../../store/actions.ts';
import type { CellKind } from '../../engine/config.ts';
import { useT } from '../../client/useT.ts';
import { useShownFrame } from '../../client/frameView.ts';
import { HEAVY_INTERVAL_MS } from '../../client/scheduler.ts';
import { useApp, useAppStore } from '../../client/useApp.ts';
import { archLayerColors } from '../../viz/archColors.ts';
import { Notation } from '../../viz/Notation.tsx';
import { frameCell } from '../shared/frameSource.ts';
import { RNN_MECHANISM_MAX_HIDDEN } from '../../trainer/gradientFlowFrame.ts';
import type { ProbeFrame } from '../../contracts/protocol.ts';
import { LayerSelect, useLayer } from '../shared/LayerSelect.tsx';
import { Panel } from '../Panel.tsx';
import { ContributionBars } from './ContributionBars.tsx';
import { DecayChart } from '../shared/DecayChart.tsx';
import { ClipReadout, KeyFrameReadout, useKeyReference } from './KeyFrameViews.tsx';
import { layerRow, runSeries, type DecayAxis } from '../shared/decayView.ts';
import '../shared/decay.css';

export function GradientDecayPanel() {
  const t = useT();
  const id = useId();
  // Heavy (the SVG is rebuilt whole, the mechanism drawn too) and the curves change slowly: a few updates a second.
  const frame = useShownFrame({ minIntervalMs: HEAVY_INTERVAL_MS });
  const [xMode, setXMode] = useState<DecayAxis>('timestep');
  const numLayers = frame?.layers.length ?? 1;
  // A demonstration keeps its key picture (step 0, or the last finite one) while training moves on.
  const keyKind = useApp((s) => matchingPreset(s.config)?.keyFrame ?? null);
  const [keyFrame, setKeyFrame] = useState<ProbeFrame | null>(null);
  const controls = (
    <>
      <LayerSelect numLayers={numLayers} />
      <fieldset className="decay-control">
        <legend>{t('decay.xAxis')}</legend>
        {(['timestep', 'distance'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name={`${id}-x`} value={m} checked={xMode === m} onChange={() => setXMode(m)} data-testid={`decay-x-${m}`} />
            {t(m === 'timestep' ? 'decay.byTimestep' : 'decay.byDistance')}
          </label>
        ))}
      </fieldset>
    </>
  );
  return (
    <Panel testId="panel-gradient-decay" title={t('decay.title')} subtitle={<Notation text={t('decay.subtitle')} />} controls={controls} className="decay-panel">
      {keyKind ? <KeyFrameTracker kind={keyKind} onKeyFrame={setKeyFrame} /> : null}
      {frame?.flow ? (
        <DecayBody frameCellKind={frameCell(frame)} live={frame} xMode={xMode} keyFrame={keyKind && keyFrame?.T === frame.T ? keyFrame : null} />
      ) : (
        <p className="viz-note">{t('gs.waiting')}</p>
      )}
    </Panel>
  );
}

function DecayBody(props: { live: ProbeFrame; frameCellKind: CellKind; xMode: DecayAxis; keyFrame: ProbeFrame | null }) {
  const t = useT();
  const { live, keyFrame, xMode, frameCellKind: cell } = props;
  // After an overflow the live curves are Inf/NaN: the last finite picture stays on screen instead.
  const frame = keyFrame && !hasFiniteFlow(live) ? keyFrame : live;
  const flow = frame.flow!;
  const { T } = frame;
  const L = frame.layers.length;
  const layer = useLayer(L);
  const selT = useApp((s) => s.selection.t);
  const store = useAppStore();
  const model = t(`cfg.arch.${cell}`);
  const labels = useMemo(() => Array.from({ length: L }, (_, l) => (L === 1 ? model : t('decay.series', { model, layer: l + 1 }))), [L, model, t]);
  // Layers in shades of the architecture's colour: the same model keeps its colour beside the race.
  const colors = useMemo(() => archLayerColors(cell, L), [cell, L]);
  const series = useMemo(() => runSeries(flow, T, cell, labels, colors), [flow, T, cell, labels, colors]);
  const reference = useKeyReference(keyFrame, frame.step, cell, labels, colors);
  return (
    <div className="decay-layout">
      <div className="decay-main">
        <DecayChart series={series} T={T} xMode={xMode} reference={reference} rule={Math.min(selT, T - 1)} onTimestepClick={(i) => setTimestep(store, i, T)} />
        {keyFrame ? <KeyFrameReadout keyFrame={keyFrame} live={live} /> : null}
        <ClipReadout frame={frame} testId="decay-clip" />
        {keyFrame && keyFrame !== frame ? <ClipReadout frame={keyFrame} testId="decay-clip-key" /> : null}
      </div>
      <div className="decay-side">
        <p className="decay-explain" data-testid="decay-explain">
          <Notation text={t(`decay.explain.${cell}`)} />
          {flow.mechanism === null && cell === 'rnn' ? ` ${t('decay.mechanismSkipped', { max: RNN_MECHANISM_MAX_HIDDEN })}` : ''}
        </p>
        <ContributionBars T={T} xMode={xMode} shares={layerRow(flow.hhShare, layer, T)} norms={layerRow(flow.hhNorm, layer, T)} color={colors[layer % colors.length]} />
      </div>
    </div>
  );
}
