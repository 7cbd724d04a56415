/**
 * The cell's equations with the selected unit's numbers substituted, forward and backward (BPTT), as data:
 * each line is a list of TeX fragments and numbers, so KaTeX and the plain-text fallback render the same
 * content, and tests can read the values.
 */
import type { ActivationName } from '../../engine/activations.ts';
import type { GateName } from '../../engine/gateLayout.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import type { WalkMode } from '../../store/appStore.ts';
import { gate, type UnitState } from './unitState.ts';

/** A TeX fragment, or a number each renderer formats (short on screen, all digits on hover). */
export type Part = string | { v: number };

export interface EqLine {
  id: string;
  /** Caption (i18n key); `{gate}` in it is filled with the translated name of `gate`. */
  label: MessageKey;
  gate?: GateName;
  parts: Part[];
  /** The line's result, exposed as data-value for tests and tooltips. */
  value: number;
  /** A sub-line (the pre-activation split) shown smaller under its gate. */
  detail?: boolean;
  /** A remark shown after the equation (e.g. a truncated-BPTT cut). */
  note?: MessageKey;
}

const FN: Record<ActivationName, string> = {
  sigmoid: '\\sigma',
  hardSigmoid: '\\sigma_{\\mathrm{hard}}',
  tanh: '\\tanh',
  softsign: '\\operatorname{softsign}',
  relu: '\\operatorname{ReLU}',
};

/** The activation's slope in the form students know (σ(1−σ), 1−tanh²), given the output symbol. */
function slopeTex(kind: ActivationName, out: string, pre: string): string {
  switch (kind) {
    case 'sigmoid':
      return `${out}(1-${out})`;
    case 'tanh':
      return `(1-${out}^2)`;
    case 'relu':
      return `\\mathbb{1}[${pre}>0]`;
    default:
      return `${FN[kind]}'(${pre})`;
  }
}

const v = (x: number): Part => ({ v: x });
/** A factor of a product: parenthesised when negative. */
const vp = (x: number): Part[] => (x < 0 ? ['(', v(x), ')'] : [v(x)]);
const prod = (...xs: number[]): Part[] => xs.flatMap((x, k) => (k === 0 ? vp(x) : ['\\cdot ', ...vp(x)]));
/** a + b − c …: terms after the first show their magnitude after the sign. */
function sum(xs: number[]): Part[] {
  return xs.flatMap((x, k) => (k === 0 ? [v(x)] : [x < 0 ? ' - ' : ' + ', v(Math.abs(x))]));
}
/** Products joined by + (each already signed inside). */
const sumOf = (groups: Part[][]): Part[] => groups.flatMap((g, k) => (k === 0 ? g : [' + ', ...g]));
const d = (sym: string) => `\\partial L/\\partial ${sym}`;

/** The layer's input symbol: x_t, or h_t of the layer below (1-based layer numbers). */
function inputSym(u: UnitState): string {
  return u.site.layer === 0 ? 'x_t' : `h^{(${u.site.layer})}_t`;
}

/** Subscript of a gate's weights: W_{if}, W_{hf} for gated cells, W_{ih}, W_{hh} for the plain RNN. */
function wSub(u: UnitState, g: GateName, side: 'i' | 'h'): string {
  return u.cell === 'rnn' ? `${side}h` : `${side}${g}`;
}

/** W_i·x + W_h·h + b_i + b_h (+ p ⊙ c), in PyTorch's names, as the panel writes every gate. */
function preSym(u: UnitState, g: GateName): string {
  const peepSym = gate(u, g).pre.peep === null ? '' : ` + p_${g}\\odot c_{${g === 'o' ? 't' : 't-1'}}`;
  return `W_{${wSub(u, g, 'i')}}${inputSym(u)} + W_{${wSub(u, g, 'h')}}h_{t-1} + b_{${wSub(u, g, 'i')}} + b_{${wSub(u, g, 'h')}}${peepSym}`;
}

/** The pre-activation split: symbols = numbers = pre. */
function preLine(u: UnitState, g: GateName): EqLine {
  const p = gate(u, g).pre;
  const sym = preSym(u, g);
  const terms = [p.wx, p.wh, p.bIh, p.bHh, ...(p.peep === null ? [] : [p.peep])];
  return { id: `${g}.pre`, label: 'cell.eq.pre', gate: g, parts: [`${sym} = `, ...sum(terms), ' = ', v(p.pre)], value: p.pre, detail: true };
}

/** g_t = act(W_ig·x_t + W_hg·h_{t−1} + b_ig + b_hg) = act(pre) = value, plus its pre-activation split. */
function gateLines(u: UnitState, g: GateName, kind: ActivationName, label: MessageKey): EqLine[] {
  const s = gate(u, g);
  const p = s.pre;
  const out = g === 'a' ? 'h_t' : `${g}_t`;
  const inner = preSym(u, g);
  return [
    { id: g, label, gate: g, parts: [`${out} = ${FN[kind]}(${inner}) = ${FN[kind]}(`, v(p.pre), ') = ', v(s.act)], value: s.act },
    preLine(u, g),
  ];
}

function lstmForward(u: UnitState): EqLine[] {
  const G = u.acts.gate;
  const S = FN[u.acts.state];
  const [f, i, g, o] = (['f', 'i', 'g', 'o'] as const).map((n) => gate(u, n).act);
  const c = u.c as number;
  const cPrev = u.cPrev as number;
  return [
    ...gateLines(u, 'f', G, 'gate.f'),
    ...gateLines(u, 'i', G, 'gate.i'),
    ...gateLines(u, 'g', u.acts.state, 'cell.eq.candidate'),
    {
      id: 'c', label: 'state.c',
      parts: ['c_t = f_t\\odot c_{t-1} + i_t\\odot g_t = ', ...sumOf([prod(f, cPrev), prod(i, g)]), ' = ', v(c)],
      value: c,
    },
    ...gateLines(u, 'o', G, 'gate.o'),
    {
      id: 'h', label: 'state.h',
      parts: [`h_t = o_t\\odot ${S}(c_t) = `, ...prod(o), `\\cdot ${S}(`, v(c), ') = ', ...prod(o, u.sc as number), ' = ', v(u.h)],
      value: u.h,
    },
  ];
}

function gruForward(u: UnitState): EqLine[] {
  const G = u.acts.gate;
  const S = FN[u.acts.state];
  const n = gate(u, 'n');
  const z = gate(u, 'z').act;
  const r = n.pre.reset as number;
  const xPart = n.pre.wx + n.pre.bIh;
  const hn = u.hn as number;
  return [
    ...gateLines(u, 'r', G, 'gate.r'),
    ...gateLines(u, 'z', G, 'gate.z'),
    {
      id: 'n', label: 'gate.n', gate: 'n',
      parts: [
        `n_t = ${S}(W_{in}${inputSym(u)} + b_{in} + r_t\\odot(W_{hn}h_{t-1} + b_{hn})) = ${S}(`, v(xPart), ' + ', ...prod(r, hn),
        `) = ${S}(`, v(n.pre.pre), ') = ', v(n.act),
      ],
      value: n.act,
    },
    {
      id: 'n.pre', label: 'cell.eq.pre', gate: 'n', detail: true,
      parts: [
        `W_{in}${inputSym(u)} + b_{in} = `, ...sum([n.pre.wx, n.pre.bIh]), ' = ', v(xPart),
        `,\\quad W_{hn}h_{t-1} + b_{hn} = `, ...sum([n.pre.wh, n.pre.bHh]), ' = ', v(hn),
      ],
      value: xPart,
    },
    {
      id: 'h', label: 'state.h',
      parts: ['h_t = (1-z_t)\\odot n_t + z_t\\odot h_{t-1} = (1-', v(z), ')\\cdot ', ...vp(n.act), ' + ', ...prod(z, u.hPrev), ' = ', v(u.h)],
      value: u.h,
    },
  ];
}

/** ∂L/∂h_t = from the output (or the layer above) + from step t+1. */
function dhLine(u: UnitState): EqLine {
  const { layer } = u.site;
  const top = layer === u.layers - 1;
  const above = top ? `W_{\\hat y}^\\top\\,${d('\\hat y_t')}` : `W_{ih}^{(${layer + 2})\\top}\\delta^{(${layer + 2})}_t`;
  const hasNext = u.site.t + 1 < u.T && !u.cutNext;
  const sym = hasNext ? `${above} + W_{hh}^\\top\\delta_{t+1}` : above;
  const values = hasNext ? [...sum([u.dh.fromAbove, u.dh.fromNext]), ' = '] : [];
  return {
    id: 'dh', label: 'cell.eq.dh',
    parts: [`${d('h_t')} = ${sym} = `, ...values, v(u.dh.total)],
    value: u.dh.total,
    note: u.cutNext ? 'cell.eq.cutNext' : undefined,
  };
}

/** δ = upstream ⊙ factor ⊙ act'(pre) for one gate. */
function deltaLine(u: UnitState, g: GateName, up: string, factor: string | null, kind: ActivationName): EqLine {
  const dl = gate(u, g).delta;
  const out = g === 'a' ? 'h_t' : `${g}_t`;
  const pre = g === 'a' ? 'a_t' : `\\hat ${g}_t`;
  const sym = [up, ...(factor === null ? [] : [factor]), slopeTex(kind, out, pre)].join('\\odot ');
  const values = factor === null ? prod(dl.upstream, dl.slope) : prod(dl.upstream, dl.factor, dl.slope);
  return { id: `delta.${g}`, label: 'cell.eq.delta', gate: g, parts: [`\\delta ${g}_t = ${sym} = `, ...values, ' = ', v(dl.delta)], value: dl.delta };
}

/** ∂L/∂h_{t−1} ← Σ_gates W_hᵀ δ (+ GRU's direct path). */
function toPrevHLine(u: UnitState): EqLine {
  const back = u.toPrevH;
  const syms = back.terms.map(({ gate: g }) => {
    if (u.cell === 'rnn') return 'W_{hh}^\\top\\delta a_t';
    return u.cell === 'gru' && g === 'n' ? 'W_{hn}^\\top(r_t\\odot\\delta n_t)' : `W_{h${g}}^\\top\\delta ${g}_t`;
  });
  const direct = u.cell === 'gru' ? [`${d('h_t')}\\odot z_t`] : [];
  const values = u.cell === 'gru' ? [back.direct, ...back.terms.map((x) => x.value)] : back.terms.map((x) => x.value);
  const many = values.length > 1;
  return {
    id: 'toPrevH', label: 'cell.eq.toPrevH',
    parts: [`${d('h_{t-1}')} \\leftarrow ${[...direct, ...syms].join(' + ')} = `, ...(many ? [...sum(values), ' = '] : []), v(back.total)],
    value: back.total,
    note: u.cutHere ? 'cell.eq.cutHere' : undefined,
  };
}

function lstmBackward(u: UnitState): EqLine[] {
  const dc = u.dc;
  const back = u.toPrevC;
  if (!dc || !back) throw new Error('an LSTM unit has cell-state gradients');
  const G = u.acts.gate;
  const S = u.acts.state;
  const peep = gate(u, 'i').pre.peep !== null;
  const stateSlope = S === 'tanh' ? '(1-\\tanh^2 c_t)' : `${FN[S]}'(c_t)`;
  const next = dc.fromNext;
  const symTerms = [
    ...(next ? [`${d('c_{t+1}')}\\odot f_{t+1}`] : []),
    ...(next && peep ? ['\\delta i_{t+1}p_i + \\delta f_{t+1}p_f'] : []),
    `${d('h_t')}\\odot o_t\\odot ${stateSlope}`,
    ...(peep ? ['\\delta o_t\\,p_o'] : []),
  ];
  const valueTerms = [
    ...(next ? [prod(next.dc, next.f)] : []),
    ...(next && peep ? [vp(next.viaPeephole)] : []),
    prod(u.dh.total, gate(u, 'o').act, dc.slope),
    ...(peep ? [vp(dc.throughPeepO)] : []),
  ];
  const peepBack = peep ? ' + \\delta i_t p_i + \\delta f_t p_f' : '';
  return [
    dhLine(u),
    {
      id: 'dc', label: 'cell.eq.dc',
      parts: [`${d('c_t')} = ${symTerms.join(' + ')} = `, ...sumOf(valueTerms), ' = ', v(dc.total)],
      value: dc.total,
      note: u.cutNext ? 'cell.eq.cutNext' : undefined,
    },
    deltaLine(u, 'o', d('h_t'), `${FN[S]}(c_t)`, G),
    deltaLine(u, 'f', d('c_t'), 'c_{t-1}', G),
    deltaLine(u, 'i', d('c_t'), 'g_t', G),
    deltaLine(u, 'g', d('c_t'), 'i_t', S),
    {
      id: 'toPrevC', label: 'cell.eq.toPrevC',
      parts: [
        `${d('c_{t-1}')} \\leftarrow ${d('c_t')}\\odot f_t${peepBack} = `, ...prod(back.dc, back.f),
        ...(peep ? [' + ', ...vp(back.viaPeephole)] : []), ' = ', v(back.total),
      ],
      value: back.total,
      note: u.cutHere ? 'cell.eq.cutHere' : undefined,
    },
    toPrevHLine(u),
  ];
}

function gruBackward(u: UnitState): EqLine[] {
  const G = u.acts.gate;
  return [
    dhLine(u),
    deltaLine(u, 'n', d('h_t'), '(1-z_t)', u.acts.state),
    deltaLine(u, 'z', d('h_t'), '(h_{t-1}-n_t)', G),
    deltaLine(u, 'r', '\\delta n_t', '(W_{hn}h_{t-1}+b_{hn})', G),
    toPrevHLine(u),
  ];
}

export function equationLines(u: UnitState, walk: WalkMode): EqLine[] {
  if (walk === 'forward') {
    if (u.cell === 'lstm') return lstmForward(u);
    if (u.cell === 'gru') return gruForward(u);
    return gateLines(u, 'a', u.acts.rnn, 'state.h');
  }
  if (u.cell === 'lstm') return lstmBackward(u);
  if (u.cell === 'gru') return gruBackward(u);
  return [dhLine(u), deltaLine(u, 'a', d('h_t'), null, u.acts.rnn), toPrevHLine(u)];
}
