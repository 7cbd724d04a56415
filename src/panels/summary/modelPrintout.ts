/**
 * The model summary in PyTorch's words: what `print(model)` shows for the equivalent nn.Module, the
 * state_dict names of its tensors, and how the parameters split over the gates.
 */
import type { RnnNonlinearity } from '../../engine/config.ts';
import { PEEPHOLE_GATES } from '../../engine/gateLayout.ts';
import { DEFAULT_HEAD_PREFIX, defaultStateDictName } from '../../engine/interop/stateDict.ts';
import type { ModelSummary, TensorSummary } from '../../contracts/protocol.ts';

const MODULE_CLASS = { lstm: 'LSTM', gru: 'GRU', rnn: 'RNN' } as const;
/** The head's module attribute, as in the state_dict export (fc.weight). */
const HEAD_MODULE = DEFAULT_HEAD_PREFIX.slice(0, -1);

const RECURRENT = /^(?:.*\.)?(weight_ih|weight_hh|bias_ih|bias_hh|peephole)_l(\d+)$/;

/** The state_dict key of a tensor: engine names gain the module prefix (lstm.weight_ih_l0, fc.weight), as the export writes them. */
export function stateDictName(summary: Pick<ModelSummary, 'cell'>, name: string): string {
  return defaultStateDictName(summary.cell, name);
}

export function tensorSize(t: TensorSummary): number {
  return t.shape.reduce((a, b) => a * b, 1);
}

function hasHead(summary: ModelSummary): boolean {
  return summary.tensors.some((t) => !RECURRENT.test(t.name));
}

function hasPeepholes(summary: ModelSummary): boolean {
  return summary.tensors.some((t) => RECURRENT.exec(t.name)?.[1] === 'peephole');
}

/**
 * `print(model)` of the equivalent PyTorch model, as lines (nn.RNN's extra_repr: non-default arguments only).
 * Peepholes have no PyTorch counterpart, so a Python comment line (`peepholeNote`) flags them.
 */
export function modelPrintout(summary: ModelSummary, nonlinearity: RnnNonlinearity, peepholeNote: string): string[] {
  const cls = MODULE_CLASS[summary.cell];
  const args = [String(summary.inputSize), String(summary.hiddenSize)];
  if (summary.numLayers !== 1) args.push(`num_layers=${summary.numLayers}`);
  if (summary.cell === 'rnn' && nonlinearity !== 'tanh') args.push(`nonlinearity=${nonlinearity}`);
  args.push('batch_first=True');
  const lines = [`${cls}Model(`, `  (${summary.cell}): ${cls}(${args.join(', ')})`];
  if (hasPeepholes(summary)) lines.push(`  # + ${peepholeNote}`);
  if (hasHead(summary)) lines.push(`  (${HEAD_MODULE}): Linear(in_features=${summary.hiddenSize}, out_features=${summary.outputSize}, bias=True)`);
  lines.push(')');
  return lines;
}

export interface GateParams {
  gate: string;
  wIh: number;
  wHh: number;
  /** b_ih + b_hh. */
  bias: number;
  peephole: number;
  total: number;
}

/** Parameters of each gate summed over layers: its block of rows in the fused weights and biases, plus its peephole. */
export function gateParams(summary: ModelSummary): GateParams[] {
  const G = summary.gates.length;
  const rows: GateParams[] = summary.gates.map((gate) => ({ gate, wIh: 0, wHh: 0, bias: 0, peephole: 0, total: 0 }));
  for (const t of summary.tensors) {
    const kind = RECURRENT.exec(t.name)?.[1];
    if (!kind) continue;
    if (kind === 'peephole') {
      const perGate = tensorSize(t) / PEEPHOLE_GATES.length;
      for (const g of PEEPHOLE_GATES) {
        const row = rows.find((r) => r.gate === g);
        if (row) row.peephole += perGate;
      }
      continue;
    }
    const perGate = tensorSize(t) / G;
    for (const row of rows) {
      if (kind === 'weight_ih') row.wIh += perGate;
      else if (kind === 'weight_hh') row.wHh += perGate;
      else row.bias += perGate;
    }
  }
  for (const r of rows) r.total = r.wIh + r.wHh + r.bias + r.peephole;
  return rows;
}
