/**
 * What the gates panel draws for each gate: its block of the fused trace (through gateLayout, never literal
 * offsets), palette and colour domain. Pure, so the choices are unit-tested.
 */
import { GATE_NAMES, gateIndex, type GateName } from '../../engine/gateLayout.ts';
import type { CellKind } from '../../engine/config.ts';
import type { PaletteName } from '../../viz/colorLut.ts';
import { symmetricDomainOf, type Domain } from '../../viz/domain.ts';
import { timeMajorBlock } from '../../viz/grid.ts';
import type { GridView } from '../../viz/Heatmap.tsx';
import type { LayerFrame } from '../../contracts/protocol.ts';

/** Teaching order (colah's: forget, input, candidate, output), not PyTorch's fused order. */
export const TEACHING_ORDER: Record<CellKind, readonly GateName[]> = { lstm: ['f', 'i', 'g', 'o'], gru: ['r', 'z', 'n'], rnn: ['a'] };

/** Gates squashed to [−1, 1] (tanh/softsign); the others are sigmoid-like in [0, 1], RNN's a is unbounded. */
const SIGNED: ReadonlySet<GateName> = new Set(['g', 'n']);

export interface GateStyle {
  palette: PaletteName;
  /** Fixed domain, or null when it comes from the data each frame. */
  domain: Domain | null;
}

export function gateStyle(gate: GateName, gradient: boolean): GateStyle {
  if (gradient || gate === 'a') return { palette: 'diverging', domain: null };
  return SIGNED.has(gate) ? { palette: 'diverging', domain: [-1, 1] } : { palette: 'sequential', domain: [0, 1] };
}

/**
 * The H × T view of one gate in a layer frame: activations (RNN: its pre-activation), or ∂L/∂(pre-activation)
 * on a colour scale shared by all gates of the layer, so their gradient sizes compare.
 */
export function gateView(layer: LayerFrame, cell: CellKind, gate: GateName, H: number, gradient: boolean): GridView {
  const layout = timeMajorBlock(H, GATE_NAMES[cell].length, gateIndex(cell, gate));
  if (gradient) return { values: layer.dPre, layout, domain: symmetricDomainOf(layer.dPre) };
  if (gate === 'a') return { values: layer.pre, layout, domain: symmetricDomainOf(layer.pre, 1) };
  return { values: layer.act, layout };
}
