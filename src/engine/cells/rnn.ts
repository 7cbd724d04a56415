/** The vanilla RNN cell: h_t = φ(W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh), φ = tanh, relu (or sigmoid). */
import { gemmNN, gemmNT } from '../kernels/gemm.ts';
import { prevH, prevOff, type Cell, type LayerStep } from './layerStep.ts';

function forward(s: LayerStep, t: number): void {
  const { B, H, GH, P, pre, h } = s;
  const base = t * B * GH;
  gemmNT(B, GH, H, prevH(s, t), prevOff(s, t), P, s.lp.wHh, pre, base, true);
  const A = s.rnnAct;
  for (let i = base; i < base + B * H; i++) h[i] = A(pre[i]);
}

function backward(s: LayerStep, t: number): void {
  const { B, H, GH, P, h, dh, dhExt, dPreIh, dhNext } = s;
  const kind = s.nonlinearity;
  for (let i = 0; i < B * H; i++) {
    const hc = t * B * H + i;
    const dhv = dhExt[hc] + dhNext[i];
    dh[hc] = dhv;
    const hv = h[hc];
    // φ′ from the output φ(a): exact for tanh and sigmoid, and relu's h > 0 ⇔ a > 0.
    dPreIh[hc] = dhv * (kind === 'tanh' ? 1 - hv * hv : kind === 'sigmoid' ? hv * (1 - hv) : hv > 0 ? 1 : 0);
  }
  gemmNN(B, H, GH, s.dPreHh, t * B * GH, P, s.lp.wHh, dhNext, 0, false);
}

export const RNN_CELL: Cell = { forward, backward };
