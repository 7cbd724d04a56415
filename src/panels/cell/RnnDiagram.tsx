/** The plain RNN cell: one layer, h_t = act(W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh). */
import { CellBody, GATE_BOX, GateBox, Wire, WireLabel } from './diagramParts.tsx';
import { byWalk, FN_SYMBOL, inputName, named, type DiagramProps } from './diagramProps.ts';
import { gate } from './unitState.ts';

const Y = 290;
const X = { left: 20, x: 220, box: 480, hUp: 860, right: 920 } as const;
/** The RNN draws nothing above this y. */
export const RNN_TOP = 130;


export function RnnDiagram({ u, walk, names }: DiagramProps) {
  const fwd = walk === 'forward';
  const a = gate(u, 'a');
  const dh = u.dh.total;
  const pick = byWalk(walk);
  const x = u.x ?? u.xNorm;
  const xName = inputName(u);
  return (
    <g>
      <CellBody x0={110} x1={800} y0={200} y1={380} />
      <Wire points={[[X.hUp, Y], [X.hUp, RNN_TOP + 14]]} value={pick(u.h, dh)} name={named(walk, 'h_t')} />
      <Wire points={[[X.left, Y], [X.x, Y]]} value={pick(u.hPrev, u.toPrevH.total)} name={named(walk, 'h_{t-1}')} arrow={false} />
      <Wire points={[[X.x, Y], [X.box - GATE_BOX.w / 2, Y]]} value={pick(a.pre.pre, a.delta.delta)} name={fwd ? 'a_t' : 'δa_t'} />
      <Wire points={[[X.x, 462], [X.x, Y]]} value={pick(x, u.dx)} name={named(walk, xName)} />
      <Wire points={[[X.box + GATE_BOX.w / 2, Y], [X.right, Y]]} value={pick(u.h, dh)} name={named(walk, 'h_t')} />
      <GateBox at={[X.box, Y]} symbol={FN_SYMBOL[u.acts.rnn]} name={names.a} act={a.act} signed={u.acts.rnn === 'tanh'} delta={fwd ? null : a.delta.delta} />
      {/* backward, the longer ∂L/∂h_{t−1} stacks so it clears the x_t wire and δa_t */}
      <WireLabel at={[26, pick(Y - 14, Y - 36)]} name={named(walk, 'h_{t-1}')} value={pick(u.hPrev, u.toPrevH.total)} stack={!fwd} />
      <WireLabel at={[(X.x + X.box - GATE_BOX.w / 2) / 2 + 8, Y - 14]} name={fwd ? 'a_t' : 'δa_t'} value={pick(a.pre.pre, a.delta.delta)} anchor="middle" />
      {fwd || u.dx !== null ? <WireLabel at={[X.x + 10, 452]} name={named(walk, xName)} value={pick(x, u.dx)} /> : null}
      <WireLabel at={[X.right - 4, Y + 34]} name={named(walk, 'h_t')} value={pick(u.h, dh)} anchor="end" strong />
      <WireLabel at={[X.hUp + 8, RNN_TOP + 30]} name="h_t" value={null} />
    </g>
  );
}
