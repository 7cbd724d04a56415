/**
 * RNNbow's split of a weight gradient over time. A recurrent weight's gradient is a sum over timesteps,
 * G = Σ_t Σ_b δ_{t,b}·v_{t,b}ᵀ, with δ = ∂L/∂(gate pre-activation) and v the layer input x_t (for W_ih) or
 * h_{t−1} (for W_hh). For each t this gives the size of its term, ‖Σ_b δ_{t,b}·v_{t,b}ᵀ‖_F, and its share of
 * G — the term projected on G over ‖G‖², so the shares add up to 1 — without building a matrix per timestep:
 *   ‖term_t‖²_F = Σ_{b,b′} (δ_b·δ_b′)(v_b·v_b′),   share_t = Σ_b δ_bᵀ·G·v_b / ‖G‖²
 * and G·v for every row is one matrix product (for a one-hot input, a column of G).
 */
import { gemmNT, gemmTN } from '../kernels/gemm.ts';
import type { ForwardTrace } from '../network.ts';

/** The rows v_{t,b} [T, B, cols]: rows of t = 0 from `first` at firstOff, the others from `rest` at restOff; or one-hot symbols [T, B]. */
export type TermRows =
  | { first: Float64Array; firstOff: number; rest: Float64Array; restOff: number; symbols?: undefined }
  | { symbols: Int32Array };

export interface TimestepTerms {
  /** ‖∂L/∂W|_t‖_F: the size of each timestep's term in the sum over time [T]. */
  norm: Float64Array;
  /** Each term's share of the total, projected on it: Σ_t share_t = 1 [T]. */
  share: Float64Array;
  /** ‖G‖_F: the norm of the BPTT gradient of the weight. */
  totalNorm: number;
}

/** The rows W_ih of layer `l` multiplies: the net's input (dense or symbols), or the layer below's h. */
export function inputRows(fwd: ForwardTrace, l: number, inputSize: number): TermRows {
  if (l === 0 && fwd.symbols) return { symbols: fwd.symbols };
  const input = l === 0 ? fwd.x : fwd.layers[l - 1].h;
  return { first: input, firstOff: 0, rest: input, restOff: fwd.B * inputSize };
}

/** The rows W_hh of layer `l` multiplies: h_{t−1}, i.e. h0 at t = 0. */
export function stateRows(fwd: ForwardTrace, l: number, H: number): TermRows {
  return { first: fwd.h0, firstOff: l * fwd.B * H, rest: fwd.layers[l].h, restOff: 0 };
}

/**
 * The split of G = Σ δ·vᵀ over time. `dPre` [T, B, GH]; `rows` has `cols` values per row. `total` holds G
 * ([GH, cols] row-major at totalOff) when the caller has it, e.g. the accumulated parameter gradient;
 * otherwise it is summed here.
 */
export function timestepTerms(
  dPre: Float64Array, rows: TermRows, T: number, B: number, GH: number, cols: number,
  total: Float64Array | null = null, totalOff = 0,
): TimestepTerms {
  const TB = T * B;
  let G = total;
  let gOff = totalOff;
  if (!G) {
    G = new Float64Array(GH * cols);
    gOff = 0;
    if (rows.symbols) {
      for (let r = 0; r < TB; r++) for (let j = 0; j < GH; j++) G[j * cols + rows.symbols[r]] += dPre[r * GH + j];
    } else {
      gemmTN(GH, cols, B, dPre, 0, rows.first, rows.firstOff, G, 0, true);
      if (T > 1) gemmTN(GH, cols, TB - B, dPre, B * GH, rows.rest, rows.restOff, G, 0, true);
    }
  }
  let total2 = 0;
  for (let k = gOff; k < gOff + GH * cols; k++) total2 += G[k] * G[k];
  // gv[r] = (G·v_r)ᵀ = v_rᵀ·Gᵀ
  const gv = new Float64Array(TB * GH);
  if (rows.symbols) {
    for (let r = 0; r < TB; r++) for (let j = 0; j < GH; j++) gv[r * GH + j] = G[gOff + j * cols + rows.symbols[r]];
  } else {
    gemmNT(B, GH, cols, rows.first, rows.firstOff, G, gOff, gv, 0, false);
    if (T > 1) gemmNT(TB - B, GH, cols, rows.rest, rows.restOff, G, gOff, gv, B * GH, false);
  }
  const norm = new Float64Array(T);
  const share = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let n2 = 0;
    let dot = 0;
    for (let b = 0; b < B; b++) {
      const r = t * B + b;
      for (let j = 0; j < GH; j++) dot += dPre[r * GH + j] * gv[r * GH + j];
      for (let b2 = 0; b2 < B; b2++) {
        const r2 = t * B + b2;
        let dd = 0;
        for (let j = 0; j < GH; j++) dd += dPre[r * GH + j] * dPre[r2 * GH + j];
        n2 += dd * rowDot(rows, r, r2, B, cols);
      }
    }
    norm[t] = Math.sqrt(n2);
    share[t] = total2 > 0 ? dot / total2 : 0;
  }
  return { norm, share, totalNorm: Math.sqrt(total2) };
}

/** v_r·v_r2 for two rows of the same timestep. */
function rowDot(rows: TermRows, r: number, r2: number, B: number, cols: number): number {
  if (rows.symbols) return rows.symbols[r] === rows.symbols[r2] ? 1 : 0;
  const a = r < B ? rows.first : rows.rest;
  const aOff = r < B ? rows.firstOff + r * cols : rows.restOff + (r - B) * cols;
  const c = r2 < B ? rows.first : rows.rest;
  const cOff = r2 < B ? rows.firstOff + r2 * cols : rows.restOff + (r2 - B) * cols;
  let s = 0;
  for (let k = 0; k < cols; k++) s += a[aOff + k] * c[cOff + k];
  return s;
}
