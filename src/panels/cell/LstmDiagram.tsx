/**
 * The LSTM cell in colah's layout: the cell-state conveyor along the top (c_{t−1} → ×f → +i⊙g → c_t), the four
 * gate layers below it fed by [h_{t−1}, x_t], and h_t = o_t ⊙ tanh(c_t) leaving right and up. Forward, the
 * wires carry the unit's values; backward, the gradients of the same quantities, flowing right to left.
 */
import { CellBody, GATE_BOX, GateBox, Op, OP_R, Wire, WireLabel, type Pt } from './diagramParts.tsx';
import { byWalk, FN_SYMBOL, inputName, named, type DiagramProps } from './diagramProps.ts';
import { gate } from './unitState.ts';

const Y_C = 110;
const Y_GATE = 310;
const Y_BUS = 380;
const X = { f: 250, i: 365, g: 480, o: 595, out: 720, x: 170, hUp: 860, left: 20, right: 920 } as const;
const Y_IG = 200;
const Y_TANH = 190;
const TOP = Y_GATE - GATE_BOX.h / 2;
const BOTTOM = Y_GATE + GATE_BOX.h / 2;


export function LstmDiagram({ u, walk, names }: DiagramProps) {
  const fwd = walk === 'forward';
  const [i, f, g, o] = (['i', 'f', 'g', 'o'] as const).map((n) => gate(u, n));
  const c = u.c as number;
  const cPrev = u.cPrev as number;
  const sc = u.sc as number;
  const dc = u.dc?.total ?? 0;
  const dh = u.dh.total;
  const pick = byWalk(walk);
  const peep = i.pre.peepWeight !== null;
  const S = FN_SYMBOL[u.acts.state];
  const G = FN_SYMBOL[u.acts.gate];
  const x = u.x ?? u.xNorm;
  const xName = inputName(u);

  const box = (name: 'i' | 'f' | 'g' | 'o', at: Pt, symbol: string) => {
    const s = gate(u, name);
    return <GateBox key={name} at={at} symbol={symbol} name={names[name]} act={s.act} signed={name === 'g'} delta={fwd ? null : s.delta.delta} />;
  };

  return (
    <g>
      <CellBody x0={110} x1={800} y0={62} y1={420} />
      {/* h_t upward branch first, so the cell-state line is drawn over the crossing */}
      <Wire points={[[X.hUp, Y_BUS], [X.hUp, 22]]} value={pick(u.h, dh)} name={named(walk, 'h_t')} />

      {/* cell-state conveyor */}
      <Wire points={[[X.left, Y_C], [X.f - OP_R, Y_C]]} value={pick(cPrev, u.toPrevC?.total ?? null)} name={named(walk, 'c_{t-1}')} />
      <Wire points={[[X.f + OP_R, Y_C], [X.g - OP_R, Y_C]]} value={pick(f.act * cPrev, dc)} name={fwd ? 'f_t⊙c_{t-1}' : '∂L/∂c_t'} />
      <Wire points={[[X.g + OP_R, Y_C], [X.right, Y_C]]} value={pick(c, dc)} name={named(walk, 'c_t')} />
      <Wire points={[[X.out, Y_C], [X.out, Y_TANH - OP_R]]} value={pick(c, u.dc?.throughH ?? null)} name={fwd ? 'c_t' : `∂L/∂h_t⊙o_t⊙${S}'(c_t)`} />

      {/* gate outputs into the pointwise operations */}
      <Wire points={[[X.f, TOP], [X.f, Y_C + OP_R]]} value={pick(f.act, dc * cPrev)} name={named(walk, 'f_t')} />
      <Wire points={[[X.i, TOP], [X.i, Y_IG], [X.g - OP_R, Y_IG]]} value={pick(i.act, dc * g.act)} name={named(walk, 'i_t')} />
      <Wire points={[[X.g, TOP], [X.g, Y_IG + OP_R]]} value={pick(g.act, dc * i.act)} name={named(walk, 'g_t')} />
      <Wire points={[[X.g, Y_IG - OP_R], [X.g, Y_C + OP_R]]} value={pick(i.act * g.act, dc)} name={fwd ? 'i_t⊙g_t' : '∂L/∂c_t'} />
      <Wire points={[[X.o + GATE_BOX.w / 2, Y_GATE], [X.out - OP_R, Y_GATE]]} value={pick(o.act, dh * sc)} name={named(walk, 'o_t')} />
      <Wire points={[[X.out, Y_TANH + OP_R], [X.out, Y_GATE - OP_R]]} value={pick(sc, dh * o.act)} name={named(walk, `${S}(c_t)`)} />
      <Wire points={[[X.out, Y_GATE + OP_R], [X.out, Y_BUS], [X.right, Y_BUS]]} value={pick(u.h, dh)} name={named(walk, 'h_t')} />

      {/* [h_{t−1}, x_t] bus and the branches into each gate (pre-activation forward, δ backward) */}
      <Wire points={[[X.left, Y_BUS], [X.x, Y_BUS]]} value={pick(u.hPrev, u.toPrevH.total)} name={named(walk, 'h_{t-1}')} arrow={false} />
      <Wire points={[[X.x, Y_BUS], [X.o, Y_BUS]]} value={null} arrow={false} />
      <Wire points={[[X.x, 462], [X.x, Y_BUS]]} value={pick(x, u.dx)} name={named(walk, xName)} />
      {([['f', X.f], ['i', X.i], ['g', X.g], ['o', X.o]] as const).map(([n, bx]) => (
        <Wire key={n} points={[[bx, Y_BUS], [bx, BOTTOM]]} value={pick(gate(u, n).pre.pre, gate(u, n).delta.delta)} name={fwd ? `pre ${n}` : `δ${n}_t`} />
      ))}

      {peep ? (
        <g className="cell-peepholes">
          <Wire points={[[190, Y_C], [X.f - 30, TOP]]} value={pick(f.pre.peep, f.delta.delta * (f.pre.peepWeight ?? 0))} name="p_f⊙c_{t-1}" dashed />
          <Wire points={[[190, Y_C], [X.i - 30, TOP]]} value={pick(i.pre.peep, i.delta.delta * (i.pre.peepWeight ?? 0))} name="p_i⊙c_{t-1}" dashed />
          <Wire points={[[660, Y_C], [X.o + 30, TOP]]} value={pick(o.pre.peep, o.delta.delta * (o.pre.peepWeight ?? 0))} name="p_o⊙c_t" dashed />
          <WireLabel at={[182, 150]} name="p_f, p_i" value={null} anchor="end" />
          <WireLabel at={[652, 150]} name="p_o" value={null} anchor="end" />
        </g>
      ) : null}

      {box('f', [X.f, Y_GATE], G)}
      {box('i', [X.i, Y_GATE], G)}
      {box('g', [X.g, Y_GATE], S)}
      {box('o', [X.o, Y_GATE], G)}

      <Op at={[X.f, Y_C]} symbol="×" />
      <Op at={[X.g, Y_C]} symbol="+" />
      <Op at={[X.g, Y_IG]} symbol="×" />
      <Op at={[X.out, Y_TANH]} symbol={S} wide />
      <Op at={[X.out, Y_GATE]} symbol="×" />

      <WireLabel at={[26, Y_C - 12]} name={named(walk, 'c_{t-1}')} value={pick(cPrev, u.toPrevC?.total ?? null)} />
      {fwd ? <WireLabel at={[(X.f + X.g) / 2, Y_C - 12]} name="f_t⊙c_{t-1}" value={f.act * cPrev} anchor="middle" /> : null}
      <WireLabel at={[(X.g + X.out) / 2 + 20, Y_C - 12]} name={named(walk, 'c_t')} value={pick(c, dc)} anchor="middle" strong />
      <WireLabel at={[X.f + 9, 172]} name={named(walk, 'f_t')} value={pick(f.act, dc * cPrev)} stack />
      <WireLabel at={[X.i - 9, 232]} name={named(walk, 'i_t')} value={pick(i.act, dc * g.act)} anchor="end" stack />
      <WireLabel at={[X.g + 19, 238]} name={named(walk, 'g_t')} value={pick(g.act, dc * i.act)} stack />
      {fwd ? <WireLabel at={[X.g + 19, 148]} name="i_t⊙g_t" value={i.act * g.act} stack /> : null}
      {/* backward names are longer: o_t's label keeps left of the h_t wire, S(c_t)'s left of the upward h_t */}
      <WireLabel at={pick<Pt>([(X.o + GATE_BOX.w / 2 + X.out - OP_R) / 2, Y_GATE + 48], [X.out - 10, Y_GATE + 48])} name={named(walk, 'o_t')} value={pick(o.act, dh * sc)} anchor={fwd ? 'middle' : 'end'} stack />
      <WireLabel at={[pick(X.out + 28, X.out + 10), 244]} name={named(walk, `${S}(c_t)`)} value={pick(sc, dh * o.act)} stack />
      <WireLabel at={[X.right - 4, Y_BUS + 34]} name={named(walk, 'h_t')} value={pick(u.h, dh)} anchor="end" strong />
      <WireLabel at={[X.hUp + 8, 34]} name="h_t" value={null} />
      <WireLabel at={[26, Y_BUS - 12]} name={named(walk, 'h_{t-1}')} value={pick(u.hPrev, u.toPrevH.total)} />
      {fwd || u.dx !== null ? <WireLabel at={[X.x + 10, 452]} name={named(walk, xName)} value={pick(x, u.dx)} /> : null}
    </g>
  );
}
