/**
 * A ProbeFrame with recognisable numbers, for tests of the gates and state panels: activation
 * act[t, g·H + u] = g + t/100 + u/10000, so a value tells which gate block, timestep and unit it came from.
 */
import { gateCount } from '../engine/gateLayout.ts';
import type { CellKind } from '../engine/config.ts';
import type { LayerFrame, ProbeFrame } from '../contracts/protocol.ts';

export function syntheticFrame(cell: CellKind, T: number, H: number, numLayers = 1, step = 7): ProbeFrame {
  const G = gateCount(cell);
  const fill = (n: number, f: (k: number) => number) => Float32Array.from({ length: n }, (_, k) => f(k));
  const tagged = (scale: number) => fill(T * G * H, (k) => scale * (Math.floor((k % (G * H)) / H) + Math.floor(k / (G * H)) / 100 + (k % H) / 10000));
  const state = (sign: number) => fill(T * H, (k) => sign * (Math.floor(k / H) / 100 + (k % H) / 10000));
  const layer = (): LayerFrame => ({
    pre: tagged(2),
    act: tagged(1),
    h: state(1),
    h0: new Float32Array(H),
    c: cell === 'lstm' ? state(-1) : null,
    c0: cell === 'lstm' ? new Float32Array(H) : null,
    hn: cell === 'gru' ? new Float32Array(T * H) : null,
    dh: state(0.001),
    dc: cell === 'lstm' ? state(-0.001) : null,
    dhNorm: fill(T, (t) => 10 ** -(T - t)),
    dcNorm: cell === 'lstm' ? fill(T, (t) => 2 * 10 ** -(T - t)) : null,
    dPre: tagged(0.001),
    dPreHh: cell === 'gru' ? new Float32Array(T * G * H) : null,
    gateNorms: new Float32Array(T * G),
    wIh: new Float32Array(G * H),
    wHh: new Float32Array(G * H * H),
    bIh: new Float32Array(G * H),
    bHh: new Float32Array(G * H),
    peephole: null,
  });
  return {
    step,
    T,
    H,
    I: 1,
    O: 1,
    rows: 1,
    loss: 0.5,
    x: new Float32Array(T),
    output: new Float32Array(1),
    target: new Float32Array(1),
    layers: Array.from({ length: numLayers }, layer),
    dx: new Float32Array(T),
    dxNorm: new Float32Array(T),
    flow: null,
  };
}
