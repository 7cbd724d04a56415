/**
 * The GRU cell: h_{t−1} runs along the top and becomes h_t = (1−z_t)⊙n_t + z_t⊙h_{t−1}; below it the reset
 * gate r scales the recurrent part W_hn·h_{t−1} + b_hn before the candidate n (PyTorch's placement).
 */
import { CellBody, GATE_BOX, GateBox, Op, OP_R, Wire, WireLabel } from './diagramParts.tsx';
import { byWalk, FN_SYMBOL, inputName, named, type DiagramProps } from './diagramProps.ts';
import { SvgSym } from './svgMath.tsx';
import { gate } from './unitState.ts';

const Y_H = 110;
const Y_GATE = 310;
const Y_BUS = 380;
const Y_MIX = 200;
const Y_R = 235;
const X = { left: 20, down: 80, x: 170, r: 230, z: 345, mix: 470, n: 600, hUp: 860, right: 920 } as const;
const ONE_MINUS_RX = OP_R * 1.7;
const TOP = Y_GATE - GATE_BOX.h / 2;
const BOTTOM = Y_GATE + GATE_BOX.h / 2;


export function GruDiagram({ u, walk, names }: DiagramProps) {
  const fwd = walk === 'forward';
  const [r, z, n] = (['r', 'z', 'n'] as const).map((k) => gate(u, k));
  const hn = u.hn as number;
  const dh = u.dh.total;
  const dn = n.delta.delta;
  const pick = byWalk(walk);
  const S = FN_SYMBOL[u.acts.state];
  const G = FN_SYMBOL[u.acts.gate];
  const x = u.x ?? u.xNorm;
  const xName = inputName(u);
  const viaGates = u.toPrevH.total - u.toPrevH.direct;

  return (
    <g>
      <CellBody x0={110} x1={800} y0={62} y1={420} />
      <Wire points={[[X.hUp, Y_H], [X.hUp, 22]]} value={pick(u.h, dh)} name={named(walk, 'h_t')} />

      {/* the hidden-state line along the top */}
      <Wire points={[[X.left, Y_H], [X.down, Y_H]]} value={pick(u.hPrev, u.toPrevH.total)} name={named(walk, 'h_{t-1}')} arrow={false} />
      <Wire points={[[X.down, Y_H], [X.z - OP_R, Y_H]]} value={pick(u.hPrev, u.toPrevH.direct)} name={fwd ? 'h_{t-1}' : '∂L/∂h_t⊙z_t'} />
      <Wire points={[[X.z + OP_R, Y_H], [X.n - OP_R, Y_H]]} value={pick(z.act * u.hPrev, dh)} name={fwd ? 'z_t⊙h_{t-1}' : '∂L/∂h_t'} />
      <Wire points={[[X.n + OP_R, Y_H], [X.right, Y_H]]} value={pick(u.h, dh)} name={named(walk, 'h_t')} />

      {/* update gate: into z⊙h_{t−1} and, through 1−z, into (1−z)⊙n */}
      <Wire points={[[X.z, TOP], [X.z, Y_H + OP_R]]} value={pick(z.act, dh * (u.hPrev - n.act))} name={named(walk, 'z_t')} />
      <Wire points={[[X.z, Y_MIX], [X.mix - ONE_MINUS_RX, Y_MIX]]} value={pick(z.act, -dh * n.act)} name={fwd ? 'z_t' : '−∂L/∂h_t⊙n_t'} />
      <Wire points={[[X.mix + ONE_MINUS_RX, Y_MIX], [X.n - OP_R, Y_MIX]]} value={pick(1 - z.act, dh * n.act)} name={named(walk, '(1−z_t)')} />
      <Wire points={[[X.n, TOP], [X.n, Y_MIX + OP_R]]} value={pick(n.act, dh * (1 - z.act))} name={named(walk, 'n_t')} />
      <Wire points={[[X.n, Y_MIX - OP_R], [X.n, Y_H + OP_R]]} value={pick((1 - z.act) * n.act, dh)} name={fwd ? '(1−z_t)⊙n_t' : '∂L/∂h_t'} />

      {/* reset gate scales W_hn·h_{t−1} + b_hn on its way into n */}
      <Wire points={[[X.r, TOP], [X.r, Y_R], [X.mix, Y_R], [X.mix, Y_GATE - OP_R]]} value={pick(r.act, dn * hn)} name={named(walk, 'r_t')} />
      <Wire points={[[X.mix, Y_BUS], [X.mix, Y_GATE + OP_R]]} value={pick(hn, dn * r.act)} name={fwd ? 'W_{hn}h_{t-1}+b_{hn}' : 'δn_t⊙r_t'} />
      <Wire points={[[X.mix + OP_R, Y_GATE], [X.n - GATE_BOX.w / 2, Y_GATE]]} value={pick(r.act * hn, dn)} name={fwd ? 'r_t⊙(W_{hn}h_{t-1}+b_{hn})' : 'δn_t'} />

      {/* [h_{t−1}, x_t] bus */}
      <Wire points={[[X.down, Y_H], [X.down, Y_BUS], [X.x, Y_BUS]]} value={pick(u.hPrev, viaGates)} name={fwd ? 'h_{t-1}' : 'Σ W_hᵀδ'} arrow={false} />
      <Wire points={[[X.x, Y_BUS], [X.n, Y_BUS]]} value={null} arrow={false} />
      <Wire points={[[X.x, 462], [X.x, Y_BUS]]} value={pick(x, u.dx)} name={named(walk, xName)} />
      {([['r', X.r], ['z', X.z], ['n', X.n]] as const).map(([k, bx]) => (
        <Wire key={k} points={[[bx, Y_BUS], [bx, BOTTOM]]} value={pick(gate(u, k).pre.pre, gate(u, k).delta.delta)} name={fwd ? `pre ${k}` : `δ${k}_t`} />
      ))}
      <rect x={X.mix - 30} y={Y_BUS - 46} width={60} height={24} rx={4} className="cell-matrix" />
      <text x={X.mix} y={Y_BUS - 29} textAnchor="middle" className="cell-matrix-label">
        <SvgSym s="W_{hn}" />
      </text>

      <GateBox at={[X.r, Y_GATE]} symbol={G} name={names.r} act={r.act} signed={false} delta={fwd ? null : r.delta.delta} />
      <GateBox at={[X.z, Y_GATE]} symbol={G} name={names.z} act={z.act} signed={false} delta={fwd ? null : z.delta.delta} />
      <GateBox at={[X.n, Y_GATE]} symbol={S} name={names.n} act={n.act} signed delta={fwd ? null : dn} />

      <Op at={[X.z, Y_H]} symbol="×" />
      <Op at={[X.n, Y_H]} symbol="+" />
      <Op at={[X.mix, Y_MIX]} symbol="1−" wide />
      <Op at={[X.n, Y_MIX]} symbol="×" />
      <Op at={[X.mix, Y_GATE]} symbol="×" />

      <WireLabel at={[26, Y_H - 12]} name={named(walk, 'h_{t-1}')} value={pick(u.hPrev, u.toPrevH.total)} />
      {fwd ? <WireLabel at={[(X.z + X.n) / 2, Y_H - 12]} name="z_t⊙h_{t-1}" value={z.act * u.hPrev} anchor="middle" /> : null}
      <WireLabel at={[(X.n + X.hUp) / 2, Y_H - 12]} name={named(walk, 'h_t')} value={pick(u.h, dh)} anchor="middle" strong />
      <WireLabel at={[X.z + 19, 144]} name={named(walk, 'z_t')} value={pick(z.act, dh * (u.hPrev - n.act))} stack />
      <WireLabel at={[X.n + 19, 240]} name={named(walk, 'n_t')} value={pick(n.act, dh * (1 - z.act))} stack />
      <WireLabel at={[X.n + 19, 148]} name={fwd ? '(1−z_t)⊙n_t' : '∂L/∂h_t'} value={pick((1 - z.act) * n.act, null)} stack />
      <WireLabel at={[X.r - 14, Y_R - 10]} name={named(walk, 'r_t')} value={pick(r.act, dn * hn)} anchor="end" stack />
      <WireLabel at={[X.mix + 10, Y_BUS + 26]} name={fwd ? 'W_{hn}h_{t-1}+b_{hn}' : 'δn_t⊙r_t'} value={pick(hn, dn * r.act)} />
      <WireLabel at={[X.x + 12, Y_BUS + 24]} name={fwd ? 'h_{t-1}' : 'Σ W_hᵀδ'} value={pick(u.hPrev, viaGates)} />
      {fwd || u.dx !== null ? <WireLabel at={[X.x + 10, 452]} name={named(walk, xName)} value={pick(x, u.dx)} /> : null}
      <WireLabel at={[X.hUp + 8, 34]} name="h_t" value={null} />
    </g>
  );
}
