/**
 * The LSTM cell (PyTorch's gate order i, f, g, o), with optional peepholes from c to the gates:
 *   i = σ(a_i + p_i ⊙ c_{t−1}),  f = σ(a_f + p_f ⊙ c_{t−1}),  g = φ(a_g),
 *   c_t = f ⊙ c_{t−1} + i ⊙ g,   o = σ(a_o + p_o ⊙ c_t),     h_t = o ⊙ φ(c_t)
 * where a = W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh, σ the gate activation and φ the state activation.
 */
import { activationDerivative } from '../activations.ts';
import { gemmNN, gemmNT } from '../kernels/gemm.ts';
import { prevH, prevOff, type Cell, type LayerStep } from './layerStep.ts';

function forward(s: LayerStep, t: number): void {
  const { B, H, GH, P, pre, act, h } = s;
  const c = s.c as Float64Array;
  const sc = s.sc as Float64Array;
  const hPrev = prevH(s, t);
  const prev = prevOff(s, t);
  const cPrev = t === 0 ? (s.c0 as Float64Array) : c;
  const base = t * B * GH;
  const peep = s.lp.peep;
  const G = s.gate;
  const S = s.state;
  // The recurrent product adds straight into the pre-activations.
  gemmNT(B, GH, H, hPrev, prev, P, s.lp.wHh, pre, base, true);
  for (let b = 0; b < B; b++) {
    const p = base + b * GH;
    const hc = (t * B + b) * H;
    const cp = prev + b * H;
    for (let j = 0; j < H; j++) {
      const cPrevV = cPrev[cp + j];
      let ai = pre[p + j];
      let af = pre[p + H + j];
      if (peep >= 0) {
        ai += P[peep + j] * cPrevV;
        af += P[peep + H + j] * cPrevV;
        pre[p + j] = ai;
        pre[p + H + j] = af;
      }
      const i = G(ai);
      const f = G(af);
      const g = S(pre[p + 2 * H + j]);
      const cv = f * cPrevV + i * g;
      let ao = pre[p + 3 * H + j];
      if (peep >= 0) {
        ao += P[peep + 2 * H + j] * cv;
        pre[p + 3 * H + j] = ao;
      }
      const o = G(ao);
      const sv = S(cv);
      act[p + j] = i;
      act[p + H + j] = f;
      act[p + 2 * H + j] = g;
      act[p + 3 * H + j] = o;
      c[hc + j] = cv;
      sc[hc + j] = sv;
      h[hc + j] = o * sv;
    }
  }
}

function backward(s: LayerStep, t: number): void {
  const { B, H, GH, P, Gr, pre, act, dh, dhExt, dPreIh, dhNext, dcNext } = s;
  const c = s.c as Float64Array;
  const sc = s.sc as Float64Array;
  const dc = s.dc as Float64Array;
  const prev = prevOff(s, t);
  const cPrev = t === 0 ? (s.c0 as Float64Array) : c;
  const base = t * B * GH;
  const peep = s.lp.peep;
  const gateKind = s.gateKind;
  const stateKind = s.stateKind;
  const fastGates = gateKind === 'sigmoid';
  const fastState = stateKind === 'tanh';
  for (let b = 0; b < B; b++) {
    const p = base + b * GH;
    const hc = (t * B + b) * H;
    const cp = prev + b * H;
    const nb = b * H;
    for (let j = 0; j < H; j++) {
      const dhv = dhExt[hc + j] + dhNext[nb + j];
      dh[hc + j] = dhv;
      const i = act[p + j], f = act[p + H + j], g = act[p + 2 * H + j], o = act[p + 3 * H + j];
      const sv = sc[hc + j];
      const cv = c[hc + j];
      const cPrevV = cPrev[cp + j];
      const dGo = fastGates ? o * (1 - o) : activationDerivative(gateKind, pre[p + 3 * H + j], o);
      const dao = dhv * sv * dGo;
      const dS = fastState ? 1 - sv * sv : activationDerivative(stateKind, cv, sv);
      let dcv = dcNext[nb + j] + dhv * o * dS;
      if (peep >= 0) dcv += dao * P[peep + 2 * H + j];
      dc[hc + j] = dcv;
      const dGi = fastGates ? i * (1 - i) : activationDerivative(gateKind, pre[p + j], i);
      const dGf = fastGates ? f * (1 - f) : activationDerivative(gateKind, pre[p + H + j], f);
      const dSg = fastState ? 1 - g * g : activationDerivative(stateKind, pre[p + 2 * H + j], g);
      const dai = dcv * g * dGi;
      const daf = dcv * cPrevV * dGf;
      const dag = dcv * i * dSg;
      dPreIh[p + j] = dai;
      dPreIh[p + H + j] = daf;
      dPreIh[p + 2 * H + j] = dag;
      dPreIh[p + 3 * H + j] = dao;
      let dcPrev = dcv * f;
      if (peep >= 0) {
        dcPrev += dai * P[peep + j] + daf * P[peep + H + j];
        Gr[peep + j] += dai * cPrevV;
        Gr[peep + H + j] += daf * cPrevV;
        Gr[peep + 2 * H + j] += dao * cv;
      }
      dcNext[nb + j] = dcPrev;
    }
  }
  // dPreHh is dPreIh for the LSTM: both sides of every gate see the same ∂L/∂a.
  gemmNN(B, H, GH, s.dPreHh, base, P, s.lp.wHh, dhNext, 0, false);
}

export const LSTM_CELL: Cell = { forward, backward };
