/**
 * The activation-function panel's readings: which function each gate applies, the curves and slopes to draw
 * (the engine's own scalar functions, so the picture is exactly what the cells compute), and where a gate's
 * units sit on its curve at one timestep — the pre-activation and the activation come from the frame.
 */
import { ACTIVATION_FUNCTIONS, activationDerivative, type ActivationName } from '../../engine/activations.ts';
import type { CellKind } from '../../engine/config.ts';
import { GATE_NAMES } from '../../engine/gateLayout.ts';
import type { RunConfig } from '../../contracts/runConfig.ts';
import type { ProbeFrame } from '../../contracts/protocol.ts';

/** The curves always drawn: the two classic ones and MATLAB's cheaper alternatives. */
export const CURVES: readonly { name: ActivationName; color: string }[] = [
  { name: 'sigmoid', color: '#1f5fd6' },
  { name: 'tanh', color: '#c0392b' },
  { name: 'hardSigmoid', color: '#7f8c8d' },
  { name: 'softsign', color: '#d68910' },
];

/** Largest slope of each function (σ′(0) = 0.25, tanh′(0) = 1, …): saturation is measured against it. */
export const MAX_SLOPE: Readonly<Record<ActivationName, number>> = { sigmoid: 0.25, tanh: 1, hardSigmoid: 0.2, softsign: 1, relu: 1 };

/** A unit is saturated when its slope is below this share of the function's largest slope. */
export const SATURATION_SHARE = 0.1;

export type ActivationSettings = Pick<RunConfig, 'gateActivation' | 'stateActivation' | 'nonlinearity'>;

/** The function a gate applies to its pre-activation (PyTorch/MATLAB conventions of the engine). */
export function gateFunction(cell: CellKind, gate: string, s: ActivationSettings): ActivationName {
  if (cell === 'rnn') return s.nonlinearity;
  if (cell === 'gru') return gate === 'n' ? 'tanh' : 'sigmoid';
  return gate === 'g' ? s.stateActivation : s.gateActivation;
}

/** The gate a student looks at first: the one the lessons talk about most. */
export function defaultGate(cell: CellKind): string {
  return cell === 'lstm' ? 'f' : cell === 'gru' ? 'z' : 'a';
}

/** SVG path of y = fn(x) (or its slope) through `n` samples over [x0, x1], mapped by sx, sy. */
export function curvePath(name: ActivationName, derivative: boolean, x0: number, x1: number, sx: (x: number) => number, sy: (y: number) => number, n = 241): string {
  const fn = ACTIVATION_FUNCTIONS[name];
  let d = '';
  for (let k = 0; k < n; k++) {
    const x = x0 + ((x1 - x0) * k) / (n - 1);
    const y = fn(x);
    const v = derivative ? activationDerivative(name, x, y) : y;
    d += `${k === 0 ? 'M' : 'L'}${sx(x).toFixed(1)},${sy(v).toFixed(1)}`;
  }
  return d;
}

export interface GatePoint {
  unit: number;
  pre: number;
  act: number;
  slope: number;
}

/** Every unit of `gate` in `layer` at timestep t: its pre-activation, activation and slope there. */
export function gatePoints(f: ProbeFrame, cell: CellKind, layer: number, gate: string, t: number, fn: ActivationName): GatePoint[] {
  const lf = f.layers[layer];
  const g = (GATE_NAMES[cell] as readonly string[]).indexOf(gate);
  if (!lf || g < 0) return [];
  const { H, T } = f;
  const G = GATE_NAMES[cell].length;
  const tt = Math.min(Math.max(0, t), T - 1);
  const out: GatePoint[] = [];
  for (let u = 0; u < H; u++) {
    const k = tt * G * H + g * H + u;
    const pre = lf.pre[k];
    const act = lf.act[k];
    out.push({ unit: u, pre, act, slope: activationDerivative(fn, pre, act) });
  }
  return out;
}

export function saturatedCount(points: readonly GatePoint[], fn: ActivationName): number {
  return points.filter((p) => Math.abs(p.slope) < SATURATION_SHARE * MAX_SLOPE[fn]).length;
}
