/**
 * Cell state c_t (LSTM) and hidden state h_t as units × timesteps heatmaps, a few units as lines over time,
 * and in the backward walk ∂L/∂c_t, ∂L/∂h_t with their per-timestep norms.
 */
import { useId, useMemo, useState } from 'react';
import { selectCell } from '../../store/actions.ts';
import { useFrameSource } from '../../client/frameView.ts';
import { useApp, useAppStore } from '../../client/useApp.ts';
import { useT } from '../../client/useT.ts';
import { Panel } from '../Panel.tsx';
import { useFrameShape, type FrameShape } from '../shared/frameSource.ts';
import { LiveText } from '../../viz/LiveText.tsx';
import { LineChart, type LineSeries } from '../../viz/LineChart.tsx';
import { HeatmapKey } from '../shared/HeatmapKey.tsx';
import { heatmapHeight, TraceHeatmap } from '../shared/TraceHeatmap.tsx';
import { displayTimestep, displayUnit } from '../../viz/format.ts';
import { LayerSelect, useLayer } from '../shared/LayerSelect.tsx';
import { normLines, plottedUnits, stateNames, stateView, togglePin, unitColor, unitLines, MAX_LINES, type StateName } from '../shared/stateViews.ts';
import '../shared/gatesState.css';

const NORM_COLORS: Record<StateName, string> = { c: '#8e44ad', h: '#16a085' };

export function StatePanel() {
  const t = useT();
  const shape = useFrameShape();
  const stepText = useFrameSource((f) => t('gs.step', { step: f.step }), [t]);
  return (
    <Panel
      testId="panel-state"
      title={t('state.title')}
      controls={
        <>
          {shape ? <LayerSelect numLayers={shape.numLayers} /> : null}
          <LiveText source={stepText} className="gs-step" />
        </>
      }
    >
      {shape ? <StateBody shape={shape} /> : <p className="viz-note">{t('gs.waiting')}</p>}
    </Panel>
  );
}

function StateBody({ shape }: { shape: FrameShape }) {
  const t = useT();
  const { T, H } = shape;
  const layer = useLayer(shape.numLayers);
  const gradient = useApp((s) => s.selection.walk === 'backward');
  const selT = useApp((s) => s.selection.t);
  const selected = useApp((s) => s.selection.unit);
  const [pinned, setPinned] = useState<number[]>([]);
  const hasCell = shape.cell === 'lstm';
  const names = stateNames(hasCell);
  const units = plottedUnits(selected, pinned, H);
  const unitsKey = units.join(',');
  const symbol = (n: StateName) => (gradient ? `∂L/∂${n}` : n);

  // Sources are rebuilt only when what they read changes (the keys), not on every render.
  const store = useAppStore();
  const us = useMemo(() => unitsKey.split(',').map(Number), [unitsKey]);
  const lineSource = useFrameSource((f) => (f.layers[layer] ? unitLines(f.layers[layer], stateNames(hasCell), us, T, H, gradient) : null), [layer, us, hasCell, T, H, gradient]);
  const normSource = useFrameSource((f) => (f.layers[layer] ? normLines(f.layers[layer], stateNames(hasCell)) : null), [layer, hasCell]);
  const series: LineSeries[] = units.flatMap((u) =>
    names.map((n) => ({
      key: `${n}${u}`,
      label: t('state.unitLabel', { name: symbol(n), unit: displayUnit(u) }),
      color: unitColor(u),
      dashed: n === 'c',
      emphasis: u === units[0],
    })),
  );
  const rowMarks = units.map((u) => ({ row: u, color: unitColor(u) }));
  const onPin = (u: number) => setPinned((p) => togglePin(p, u));

  return (
    <>
      <HeatmapKey />
      <div className="viz-grid">
        {names.map((n) => (
          <StateHeatmap key={n} name={n} shape={shape} layer={layer} gradient={gradient} rowMarks={rowMarks} onPin={onPin} />
        ))}
      </div>
      {shape.cell === 'lstm' ? null : <p className="viz-note">{t('state.noCell')}</p>}
      <UnitPicker H={H} units={units} onToggle={onPin} />
      <LineChart
        series={series}
        n={T}
        source={lineSource}
        rule={Math.min(selT, T - 1)}
        title={t(gradient ? 'state.unitsGrad' : 'state.units')}
        label={t('state.linesAria')}
        xLabel={t('gs.axisTimestep')}
        height={110}
        onIndexClick={(i) => selectCell(store, i, selected)}
        describeIndex={(i) => `t = ${displayTimestep(i)}`}
      />
      {gradient ? (
        <LineChart
          series={names.map((n) => ({ key: n, label: t('state.normOf', { name: `${n}ₜ` }), color: NORM_COLORS[n] }))}
          n={T}
          source={normSource}
          yScale="log"
          rule={Math.min(selT, T - 1)}
          title={t('state.norms')}
          label={t('state.normsAria')}
          xLabel={t('gs.axisTimestep')}
          height={80}
          onIndexClick={(i) => selectCell(store, i, selected)}
          describeIndex={(i) => `t = ${displayTimestep(i)}`}
        />
      ) : null}
    </>
  );
}

function StateHeatmap(p: { name: StateName; shape: FrameShape; layer: number; gradient: boolean; rowMarks: { row: number; color: string }[]; onPin: (u: number) => void }) {
  const t = useT();
  const { T, H } = p.shape;
  const source = useFrameSource((f) => (f.layers[p.layer] ? stateView(f.layers[p.layer], p.name, H, p.gradient) : null), [p.layer, p.name, H, p.gradient]);
  const stateName = t(p.name === 'c' ? 'state.c' : 'state.h');
  const symbol = (
    <span className="gs-symbol">
      {p.name}
      <sub>t</sub>
    </span>
  );
  return (
    <TraceHeatmap
      T={T}
      H={H}
      source={source}
      palette="diverging"
      title={
        p.gradient ? (
          <>
            {t('term.gradient')} <span className="gs-symbol">∂L/∂</span>
            {symbol}
          </>
        ) : (
          <>
            {stateName} {symbol}
          </>
        )
      }
      name={p.gradient ? t('state.gradOf', { name: p.name }) : p.name}
      legendLabel={t('gates.legendSigned')}
      veil={p.gradient ? 'before' : null}
      rowMarks={p.rowMarks}
      onRowShiftClick={p.onPin}
      height={heatmapHeight(H)}
    />
  );
}

/** The units drawn as lines: chips to remove the extra ones, a select to add one (keyboard-friendly pinning). */
function UnitPicker(p: { H: number; units: number[]; onToggle: (u: number) => void }) {
  const t = useT();
  const id = useId();
  const [selected, ...extra] = p.units;
  return (
    <div className="gs-units">
      <span>{t('state.compare')}</span>
      <span className="gs-chip" style={{ color: unitColor(selected) }}>
        {displayUnit(selected)}
      </span>
      {extra.map((u) => (
        <span key={u} className="gs-chip" style={{ color: unitColor(u) }}>
          {displayUnit(u)}
          <button type="button" aria-label={t('state.removeUnit', { unit: displayUnit(u) })} onClick={() => p.onToggle(u)}>
            ×
          </button>
        </span>
      ))}
      {p.units.length < MAX_LINES && p.H > p.units.length ? (
        <select
          id={id}
          aria-label={t('state.addUnit')}
          value=""
          onChange={(e) => {
            if (e.target.value !== '') p.onToggle(Number(e.target.value));
          }}
        >
          <option value="">{t('state.addUnit')}</option>
          {Array.from({ length: p.H }, (_, u) => u)
            .filter((u) => !p.units.includes(u))
            .map((u) => (
              <option key={u} value={u}>
                {displayUnit(u)}
              </option>
            ))}
        </select>
      ) : null}
      <span className="viz-note">{t('state.pinHint')}</span>
    </div>
  );
}
