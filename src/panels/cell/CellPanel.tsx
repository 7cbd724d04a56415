/**
 * The cell diagram, the heart of step-through: one unit of one layer at the selected timestep, drawn as a
 * colah-style cell whose wires carry the actual numbers, beside the equations with those numbers substituted.
 * The backward walk shows the BPTT gradients arriving at the same place, flowing right to left.
 */
import { useMemo } from 'react';
import type { GateName } from '../../engine/gateLayout.ts';
import { useT } from '../../client/useT.ts';
import { useShownFrame } from '../../client/frameView.ts';
import { HEAVY_INTERVAL_MS } from '../../client/scheduler.ts';
import { useApp } from '../../client/useApp.ts';
import { ColorLegend } from '../../viz/ColorLegend.tsx';
import { niceCeil, seriesSymmetricDomain } from '../../viz/domain.ts';
import { displayTimestep, displayUnit } from '../../viz/format.ts';
import { frameCell } from '../shared/frameSource.ts';
import type { ProbeFrame } from '../../contracts/protocol.ts';
import { LayerSelect } from '../shared/LayerSelect.tsx';
import { Term } from '../../lessons/Term.tsx';
import { Panel } from '../Panel.tsx';
import type { Activations } from './bptt.ts';
import { UnitPicker, UnitStrip, WalkControls } from './CellControls.tsx';
import { DiagramSvg } from './diagramParts.tsx';
import { EquationList } from './EquationList.tsx';
import { equationLines } from './equations.ts';
import { fmt } from './format.ts';
import { GruDiagram } from './GruDiagram.tsx';
import { LstmDiagram } from './LstmDiagram.tsx';
import { RNN_TOP, RnnDiagram } from './RnnDiagram.tsx';
import { readUnit, type UnitState } from './unitState.ts';
import { legendOf, wireColor, type WireScale } from './wireStyle.ts';
import './cell.css';

const DIAGRAMS = { lstm: LstmDiagram, gru: GruDiagram, rnn: RnnDiagram } as const;
const DIAGRAM_TOP = { lstm: 0, gru: 0, rnn: RNN_TOP } as const;
/** Units beyond this are picked with the number field only. */
const STRIP_MAX_UNITS = 64;

export function CellPanel() {
  const t = useT();
  // Laying out the diagram's labels and the equations' digits takes several ms: while training streams
  // frames the panel follows a few times a second; while the user scrubs, faster.
  const playing = useApp((s) => s.status === 'playing');
  const frame = useShownFrame({ minIntervalMs: playing ? HEAVY_INTERVAL_MS : 100 });
  const sel = useApp((s) => s.selection);
  const cfg = useApp((s) => s.config);
  const acts: Activations = useMemo(
    () => ({ gate: cfg.gateActivation, state: cfg.stateActivation, rnn: cfg.nonlinearity }),
    [cfg.gateActivation, cfg.stateActivation, cfg.nonlinearity],
  );

  if (!frame || frame.layers.length === 0) {
    return (
      <Panel testId="panel-cell" title={t('cell.title')}>
        <p className="viz-note">{t('cell.empty')}</p>
      </Panel>
    );
  }
  const cell = frameCell(frame);
  const site = {
    layer: Math.min(sel.layer, frame.layers.length - 1),
    t: Math.min(sel.t, frame.T - 1),
    unit: Math.min(sel.unit, frame.H - 1),
  };
  const subtitle = t('cell.subtitle', {
    cell: cell.toUpperCase(),
    layer: site.layer + 1,
    unit: displayUnit(site.unit),
    t: displayTimestep(site.t),
    T: frame.T,
  });
  const controls = (
    <div className="cell-controls">
      <WalkControls T={frame.T} />
      <LayerSelect numLayers={frame.layers.length} />
      <UnitPicker H={frame.H} unit={site.unit} />
    </div>
  );
  return (
    <Panel testId="panel-cell" title={t('cell.title')} subtitle={subtitle} controls={controls} className="cell-panel">
      <CellView frame={frame} cell={cell} site={site} walk={sel.walk} acts={acts} truncate={cfg.truncate} />
    </Panel>
  );
}

/**
 * The backward scale tops out at this step's largest gradient (nice-rounded): gradients shrink or grow by
 * orders of magnitude along the walk, so one scale for all of time would leave most steps blank. The legend
 * shows the scale, the wire labels the exact numbers.
 */
function largestGradient(u: UnitState): number {
  const values = [u.dh.total, u.dc?.total ?? 0, u.toPrevH.total, u.toPrevC?.total ?? 0, u.dx ?? 0];
  for (const g of Object.values(u.gates)) values.push(g.delta.delta);
  const m = niceCeil(Math.max(...values.map((v) => (Number.isFinite(v) ? Math.abs(v) : 0))));
  return m > 0 ? m : 1;
}

/** A gate's two weight blocks as the equations name them (PyTorch's W_i·, W_h·). */
const NOTATION_EXAMPLE: Record<keyof typeof DIAGRAMS, string> = { lstm: 'W_if · W_hf', gru: 'W_iz · W_hz', rnn: 'W_ih · W_hh' };

function CellView(props: {
  frame: ProbeFrame;
  cell: keyof typeof DIAGRAMS;
  site: { layer: number; t: number; unit: number };
  walk: 'forward' | 'backward';
  acts: Activations;
  truncate: number;
}) {
  const t = useT();
  const { frame, site, walk } = props;
  const u = readUnit(frame, site, props.acts, props.truncate);
  const lines = equationLines(u, walk);
  const L = frame.layers[site.layer];
  const fwd = walk === 'forward';
  const scale: WireScale = fwd ? { kind: 'linear', max: seriesSymmetricDomain([L.h], 1)[1] } : { kind: 'log', max: largestGradient(u) };
  const legend = legendOf(scale);
  const names = {
    i: t('gate.i'), f: t('gate.f'), g: t('gate.g'), o: t('gate.o'),
    r: t('gate.r'), z: t('gate.z'), n: t('gate.n'),
    a: t('state.h'),
  } satisfies Record<GateName, string>;
  const Diagram = DIAGRAMS[props.cell];
  const stripValues = (fwd ? L.h : L.dh).subarray(site.t * frame.H, (site.t + 1) * frame.H);
  const label = t('cell.diagram', { cell: props.cell.toUpperCase(), unit: displayUnit(site.unit), t: displayTimestep(site.t) });

  return (
    <div className="cell-layout" data-walk={walk}>
      <figure className="cell-figure">
        <p className="cell-hint">{t(fwd ? 'cell.walk.hintForward' : 'cell.walk.hintBackward', { T: frame.T })}</p>
        <DiagramSvg walk={walk} scale={scale} label={label} top={DIAGRAM_TOP[props.cell]}>
          <Diagram u={u} walk={walk} names={names} />
        </DiagramSvg>
        <figcaption className="cell-legend">
          <span className="cell-legend-item">
            <span className="cell-legend-text">{t(fwd ? 'cell.legend.value' : 'cell.legend.gradient')}</span>
            <span className="cell-legend-end">{legend.ends[0]}</span>
            <ColorLegend palette="diverging" domain={[-1, 1]} ticks={legend.ticks} tickFormat={legend.format} width={fwd ? 180 : 240} label={t(fwd ? 'cell.legend.value' : 'cell.legend.gradient')} />
            <span className="cell-legend-end">{legend.ends[1]}</span>
          </span>
          {props.cell === 'rnn' ? null : (
            <span className="cell-legend-item">
              <span className="cell-legend-text">{t('cell.legend.gate')}</span>
              <ColorLegend palette="sequential" domain={[0, 1]} width={140} label={t('cell.legend.gate')} />
            </span>
          )}
          <span className="cell-legend-text">{t(fwd ? 'cell.legend.width' : 'cell.legend.widthLog')}</span>
        </figcaption>
        {frame.H <= STRIP_MAX_UNITS ? (
          <UnitStrip values={stripValues} unit={site.unit} color={(v) => wireColor(v, scale)} format={fmt} />
        ) : null}
      </figure>
      {/* The training step of the frame the numbers come from (views update at their own pace). */}
      <section className="cell-equations-wrap" aria-label={t('cell.equations')} data-frame-step={props.frame.step}>
        <EquationList lines={lines} names={names} label={t('cell.equations')} />
        <p className="cell-notation" data-testid="cell-notation">
          {t('cell.notation', { weights: NOTATION_EXAMPLE[props.cell] })} <Term id="notation">{t('cell.notationLink')}</Term>
        </p>
      </section>
    </div>
  );
}
