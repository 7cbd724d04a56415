/**
 * Activation functions: σ, tanh, hard-sigmoid and softsign with their slopes, and the current pre-activations
 * of the selected gate placed on its curve — saturated units sit on the flat ends, where almost no gradient
 * gets through.
 */
import { useState } from 'react';
import type { CellKind } from '../../engine/config.ts';
import { GATE_NAMES } from '../../engine/gateLayout.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import { useT } from '../../client/useT.ts';
import { useApp } from '../../client/useApp.ts';
import { frameCell } from '../shared/frameSource.ts';
import { displayTimestep, formatValue } from '../../viz/format.ts';
import { Panel } from '../Panel.tsx';
import { useFrame } from '../shared/useFrame.ts';
import { CURVES, curvePath, defaultGate, gateFunction, gatePoints, saturatedCount } from './activationsView.ts';
import './activations.css';

const W = 520;
const H = 250;
const PAD = { left: 34, right: 12, top: 12, bottom: 26 };
const X0 = -6;
const X1 = 6;
const Y0 = -1.15;
const Y1 = 1.15;
const sx = (x: number): number => PAD.left + ((x - X0) / (X1 - X0)) * (W - PAD.left - PAD.right);
const sy = (y: number): number => PAD.top + ((Y1 - y) / (Y1 - Y0)) * (H - PAD.top - PAD.bottom);

const FN_LABEL: Record<string, string> = { sigmoid: 'σ', tanh: 'tanh', hardSigmoid: 'hard-sigmoid', softsign: 'softsign', relu: 'ReLU' };

function Plot(props: { highlight: string; points: { unit: number; pre: number; act: number }[]; color: string }) {
  return (
    <svg className="activations-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="σ, tanh, hard-sigmoid, softsign">
      {[-1, -0.5, 0.5, 1].map((y) => (
        <line key={y} x1={sx(X0)} x2={sx(X1)} y1={sy(y)} y2={sy(y)} className="activations-grid" />
      ))}
      <line x1={sx(X0)} x2={sx(X1)} y1={sy(0)} y2={sy(0)} className="activations-axis" />
      <line x1={sx(0)} x2={sx(0)} y1={sy(Y0)} y2={sy(Y1)} className="activations-axis" />
      {[-6, -4, -2, 2, 4, 6].map((x) => (
        <text key={x} x={sx(x)} y={H - 8} textAnchor="middle" fill="currentColor">
          {x}
        </text>
      ))}
      {[-1, 0.25, 1].map((y) => (
        <text key={y} x={PAD.left - 4} y={sy(y) + 4} textAnchor="end" fill="currentColor">
          {y}
        </text>
      ))}
      {CURVES.map((c) => {
        const on = c.name === props.highlight;
        return (
          <g key={c.name} opacity={on ? 1 : 0.35}>
            <path d={curvePath(c.name, false, X0, X1, sx, sy)} fill="none" stroke={c.color} strokeWidth={on ? 3 : 1.5} />
            <path d={curvePath(c.name, true, X0, X1, sx, sy)} fill="none" stroke={c.color} strokeWidth={on ? 2 : 1} strokeDasharray="5 4" />
          </g>
        );
      })}
      {props.points.filter((p) => Number.isFinite(p.pre) && Number.isFinite(p.act)).map((p) => {
        // Off-scale values (a ReLU's, or a pre-activation far out) are pinned to the edge: still visible, clearly saturated.
        const x = Math.max(X0, Math.min(X1, p.pre));
        const y = Math.max(Y0, Math.min(Y1, p.act));
        return (
          <circle key={p.unit} cx={sx(x)} cy={sy(y)} r={5} fill={props.color} className="activations-dot" data-testid="activation-dot">
            <title>{`unit ${p.unit + 1}: ${formatValue(p.pre)} → ${formatValue(p.act)}`}</title>
          </circle>
        );
      })}
    </svg>
  );
}

function ActivationsBody(props: { cell: CellKind }) {
  const t = useT();
  const frame = useFrame();
  const settings = useApp((s) => s.config);
  const cursor = useApp((s) => s.selection.t);
  const layerSel = useApp((s) => s.selection.layer);
  const [chosen, setChosen] = useState<string | null>(null);
  const gates = GATE_NAMES[props.cell] as readonly string[];
  const gate = chosen !== null && gates.includes(chosen) ? chosen : defaultGate(props.cell);
  const fn = gateFunction(props.cell, gate, settings);
  const layer = frame ? Math.min(layerSel, frame.layers.length - 1) : 0;
  const points = frame ? gatePoints(frame, props.cell, layer, gate, cursor, fn) : [];
  const color = CURVES.find((c) => c.name === fn)?.color ?? '#333';
  const slopes = points.map((p) => Math.abs(p.slope)).filter(Number.isFinite);
  return (
    <div className="activations-layout">
      <Plot highlight={fn} points={points} color={color} />
      <div className="activations-side">
        <label className="gs-control">
          {t('activations.gate')}{' '}
          <select value={gate} onChange={(e) => setChosen(e.target.value)} data-testid="activations-gate">
            {gates.map((g) => (
              <option key={g} value={g}>
                {g} — {t(`gate.${g}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <p>{t('activations.uses', { fn: FN_LABEL[fn] })}</p>
        <ul className="activations-legend">
          {CURVES.map((c) => (
            <li key={c.name}>
              <span className="activations-swatch" style={{ background: c.color }} /> {FN_LABEL[c.name]}
            </li>
          ))}
        </ul>
        {frame ? (
          <p data-testid="activations-saturated">
            {t('activations.saturated', { k: saturatedCount(points, fn), H: points.length })}
            {slopes.length ? ` · ${t('activations.maxSlope', { s: formatValue(Math.max(...slopes)) })}` : ''}
          </p>
        ) : (
          <p className="viz-note">{t('activations.empty')}</p>
        )}
        <p className="viz-note">{t('activations.note')}</p>
      </div>
    </div>
  );
}

export function ActivationsPanel() {
  const t = useT();
  const frame = useFrame();
  const cursor = useApp((s) => s.selection.t);
  const cell: CellKind = frame && frame.layers.length ? frameCell(frame) : 'lstm';
  return (
    <Panel testId="panel-activations" title={t('activations.title')} subtitle={t('activations.subtitle', { t: displayTimestep(cursor) })}>
      <ActivationsBody cell={cell} />
    </Panel>
  );
}
