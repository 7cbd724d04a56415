import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../engine/config.ts';
import { GATE_NAMES } from '../../engine/gateLayout.ts';
import { frameCell } from '../shared/frameSource.ts';
import { gateOffset } from './frameReader.ts';
import { preTerms } from './decompose.ts';
import { engineFixture } from '../../testing/probeFixture.ts';
import { expectF32Close } from '../../testing/expectF32Close.ts';

const MODELS: [string, Partial<ModelConfig>][] = [
  ['LSTM', { cell: 'lstm' }],
  ['LSTM with peepholes', { cell: 'lstm', peephole: true }],
  ['LSTM, hard-sigmoid / softsign', { cell: 'lstm', gateActivation: 'hardSigmoid', stateActivation: 'softsign' }],
  ['GRU', { cell: 'gru' }],
  ['RNN tanh', { cell: 'rnn', nonlinearity: 'tanh' }],
  ['RNN relu', { cell: 'rnn', nonlinearity: 'relu' }],
];

describe('preTerms reproduces the engine pre-activations from the frame weights', () => {
  it.each(MODELS)('%s', (_name, model) => {
    const { frame } = engineFixture({ model });
    const cell = frameCell(frame);
    expect(cell).toBe(model.cell);
    let checked = 0;
    for (let layer = 0; layer < frame.layers.length; layer++) {
      for (let t = 0; t < frame.T; t++) {
        for (let unit = 0; unit < frame.H; unit++) {
          for (const gate of GATE_NAMES[cell]) {
            const p = preTerms(frame, cell, { layer, t, unit }, gate);
            const magnitude = Math.abs(p.wx) + Math.abs(p.wh) + Math.abs(p.bIh) + Math.abs(p.bHh) + Math.abs(p.peep ?? 0);
            expect(p.pre).toBe(frame.layers[layer].pre[gateOffset(frame, cell, gate, t, unit)]);
            expectF32Close(p.sum, p.pre, magnitude);
            if (model.peephole && gate !== 'g') expect(p.peep).not.toBeNull();
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(2 * frame.T * frame.H * GATE_NAMES[cell].length);
  });

  it('GRU n keeps the reset gate apart from the recurrent term', () => {
    const { frame } = engineFixture({ model: { cell: 'gru' } });
    const site = { layer: 1, t: 3, unit: 2 };
    const n = preTerms(frame, 'gru', site, 'n');
    const L = frame.layers[1];
    expect(n.reset).toBe(L.act[gateOffset(frame, 'gru', 'r', 3, 2)]);
    // The frame's hn is W_hn·h_{t−1} + b_hn, the very product the reset gate scales.
    expectF32Close(n.wh + n.bHh, (L.hn as Float32Array)[3 * frame.H + 2], Math.abs(n.wh) + Math.abs(n.bHh));
  });
});
