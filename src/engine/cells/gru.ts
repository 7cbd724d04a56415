/**
 * The GRU cell (PyTorch's gate order r, z, n; the reset gate scales the recurrent product, bias included):
 *   r = σ(a_r),  z = σ(a_z),  hn = W_hn·h_{t−1} + b_hn,  n = φ(W_in·x_t + b_in + r ⊙ hn),
 *   h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
 * where a_r, a_z hold both sides' products and biases.
 */
import { activationDerivative } from '../activations.ts';
import { gemmNN, gemmNT } from '../kernels/gemm.ts';
import { prevH, prevOff, type Cell, type LayerStep } from './layerStep.ts';

function forward(s: LayerStep, t: number): void {
  const { B, H, GH, P, pre, act, h, rec } = s;
  const hn = s.hn as Float64Array;
  const hPrev = prevH(s, t);
  const prev = prevOff(s, t);
  const base = t * B * GH;
  const bHh = s.lp.bHh;
  const G = s.gate;
  const S = s.state;
  gemmNT(B, GH, H, hPrev, prev, P, s.lp.wHh, rec, 0, false);
  for (let b = 0; b < B; b++) {
    const p = base + b * GH;
    const q = b * GH;
    const hc = (t * B + b) * H;
    const hp = prev + b * H;
    for (let j = 0; j < H; j++) {
      const ar = pre[p + j] + rec[q + j];
      const az = pre[p + H + j] + rec[q + H + j];
      pre[p + j] = ar;
      pre[p + H + j] = az;
      const r = G(ar);
      const z = G(az);
      const hnv = rec[q + 2 * H + j] + P[bHh + 2 * H + j];
      const an = pre[p + 2 * H + j] + r * hnv;
      pre[p + 2 * H + j] = an;
      const n = S(an);
      act[p + j] = r;
      act[p + H + j] = z;
      act[p + 2 * H + j] = n;
      hn[hc + j] = hnv;
      h[hc + j] = (1 - z) * n + z * hPrev[hp + j];
    }
  }
}

function backward(s: LayerStep, t: number): void {
  const { B, H, GH, P, pre, act, dh, dhExt, dPreIh, dPreHh, dhNext, dhTmp } = s;
  const hn = s.hn as Float64Array;
  const hPrev = prevH(s, t);
  const prev = prevOff(s, t);
  const base = t * B * GH;
  const gateKind = s.gateKind;
  const stateKind = s.stateKind;
  const fastGates = gateKind === 'sigmoid';
  const fastState = stateKind === 'tanh';
  for (let b = 0; b < B; b++) {
    const p = base + b * GH;
    const hc = (t * B + b) * H;
    const hp = prev + b * H;
    const nb = b * H;
    for (let j = 0; j < H; j++) {
      const dhv = dhExt[hc + j] + dhNext[nb + j];
      dh[hc + j] = dhv;
      const r = act[p + j], z = act[p + H + j], n = act[p + 2 * H + j];
      const dn = dhv * (1 - z);
      const dz = dhv * (hPrev[hp + j] - n);
      const dan = dn * (fastState ? 1 - n * n : activationDerivative(stateKind, pre[p + 2 * H + j], n));
      const dhn = dan * r;
      const dr = dan * hn[hc + j];
      const dar = dr * (fastGates ? r * (1 - r) : activationDerivative(gateKind, pre[p + j], r));
      const daz = dz * (fastGates ? z * (1 - z) : activationDerivative(gateKind, pre[p + H + j], z));
      dPreIh[p + j] = dar;
      dPreIh[p + H + j] = daz;
      dPreIh[p + 2 * H + j] = dan;
      dPreHh[p + j] = dar;
      dPreHh[p + H + j] = daz;
      dPreHh[p + 2 * H + j] = dhn;
      dhTmp[nb + j] = dhv * z;
    }
  }
  gemmNN(B, H, GH, dPreHh, base, P, s.lp.wHh, dhNext, 0, false);
  for (let i = 0; i < B * H; i++) dhNext[i] += dhTmp[i];
}

export const GRU_CELL: Cell = { forward, backward };
