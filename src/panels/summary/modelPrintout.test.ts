import { describe, expect, it } from 'vitest';
import type { ModelSummary } from '../../contracts/protocol.ts';
import { LSTM_1_12 } from '../../testing/panelKit.ts';
import { gateParams, modelPrintout, stateDictName } from './modelPrintout.ts';

describe('modelPrintout', () => {
  it("prints what PyTorch's print(model) shows for nn.LSTM + nn.Linear", () => {
    expect(modelPrintout(LSTM_1_12, 'tanh', 'peepholes')).toEqual([
      'LSTMModel(',
      '  (lstm): LSTM(1, 12, batch_first=True)',
      '  (fc): Linear(in_features=12, out_features=1, bias=True)',
      ')',
    ]);
  });

  it('lists non-default arguments in PyTorch order and flags peepholes', () => {
    const rnn: ModelSummary = { ...LSTM_1_12, cell: 'rnn', numLayers: 2, gates: ['a'] };
    expect(modelPrintout(rnn, 'relu', 'x')[1]).toBe('  (rnn): RNN(1, 12, num_layers=2, nonlinearity=relu, batch_first=True)');
    const peep: ModelSummary = { ...LSTM_1_12, tensors: [...LSTM_1_12.tensors, { name: 'peephole_l0', shape: [3, 12] }] };
    expect(modelPrintout(peep, 'tanh', 'peepholes').slice(1, 3)).toEqual(['  (lstm): LSTM(1, 12, batch_first=True)', '  # + peepholes']);
  });

  it('omits the Linear head when the model has none', () => {
    const noHead: ModelSummary = { ...LSTM_1_12, tensors: LSTM_1_12.tensors.slice(0, 4) };
    expect(modelPrintout(noHead, 'tanh', '')).toEqual(['LSTMModel(', '  (lstm): LSTM(1, 12, batch_first=True)', ')']);
  });
});

describe('stateDictName', () => {
  it('adds the module prefixes of the PyTorch model and leaves prefixed names alone', () => {
    expect(stateDictName(LSTM_1_12, 'weight_ih_l0')).toBe('lstm.weight_ih_l0');
    expect(stateDictName(LSTM_1_12, 'head.weight')).toBe('fc.weight');
    expect(stateDictName(LSTM_1_12, 'lstm.bias_hh_l0')).toBe('lstm.bias_hh_l0');
  });
});

describe('gateParams', () => {
  it('splits the fused tensors evenly over the gates (4 × 180 = 720 recurrent parameters of 733)', () => {
    const rows = gateParams(LSTM_1_12);
    expect(rows.map((r) => r.gate)).toEqual(['i', 'f', 'g', 'o']);
    for (const r of rows) expect(r).toMatchObject({ wIh: 12, wHh: 144, bias: 24, peephole: 0, total: 180 });
  });

  it('gives peepholes to i, f and o only, and sums over layers', () => {
    const two: ModelSummary = {
      ...LSTM_1_12,
      numLayers: 2,
      tensors: [
        ...LSTM_1_12.tensors.slice(0, 4),
        { name: 'peephole_l0', shape: [3, 12] },
        { name: 'weight_ih_l1', shape: [48, 12] },
        { name: 'weight_hh_l1', shape: [48, 12] },
        { name: 'bias_ih_l1', shape: [48] },
        { name: 'bias_hh_l1', shape: [48] },
      ],
    };
    const byGate = Object.fromEntries(gateParams(two).map((r) => [r.gate, r]));
    expect(byGate.g.peephole).toBe(0);
    expect(byGate.f.peephole).toBe(12);
    expect(byGate.i.wIh).toBe(12 + 144);
    expect(byGate.o.total).toBe(12 + 144 + 24 + 12 + 144 + 144 + 24);
  });
});
