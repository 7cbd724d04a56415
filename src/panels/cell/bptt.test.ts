import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../engine/config.ts';
import type { ProbeFrame } from '../../contracts/protocol.ts';
import { frameCell } from '../shared/frameSource.ts';
import { cellGradTerms, cutBefore, gateDeltas, hiddenGradFromStep, hiddenGradSplit, type Activations } from './bptt.ts';
import { engineFixture } from '../../testing/probeFixture.ts';
import { expectF32Close } from '../../testing/expectF32Close.ts';

const MODELS: [string, Partial<ModelConfig>][] = [
  ['LSTM', { cell: 'lstm' }],
  ['LSTM with peepholes', { cell: 'lstm', peephole: true }],
  ['LSTM, hard-sigmoid / softsign', { cell: 'lstm', gateActivation: 'hardSigmoid', stateActivation: 'softsign' }],
  ['GRU', { cell: 'gru' }],
  ['GRU, hard-sigmoid / softsign', { cell: 'gru', gateActivation: 'hardSigmoid', stateActivation: 'softsign' }],
  ['RNN tanh', { cell: 'rnn', nonlinearity: 'tanh' }],
  ['RNN relu', { cell: 'rnn', nonlinearity: 'relu' }],
];

function actsOf(model: Partial<ModelConfig>): Activations {
  return { gate: model.gateActivation ?? 'sigmoid', state: model.stateActivation ?? 'tanh', rnn: model.nonlinearity ?? 'tanh' };
}

/** Σ |W_hh[·, j]| · |δ_{s}| over every product in Σ W_hhᵀ δ: the scale float32 rounding errors grow with. */
function recurrentMagnitude(frame: ProbeFrame, layer: number, s: number, unit: number): number {
  const L = frame.layers[layer];
  const rows = L.wHh.length / frame.H;
  const dRec = L.dPreHh ?? L.dPre;
  let m = Math.abs(L.dh[s * frame.H + unit]);
  for (let r = 0; r < rows; r++) m += Math.abs(L.wHh[r * frame.H + unit] * dRec[s * rows + r]);
  return m;
}

describe('the BPTT terms add up to the engine gradients', () => {
  it.each(MODELS)('%s: Σ W_hhᵀ δ at t = 0 is the engine ∂L/∂h0', (_n, model) => {
    const { frame, dh0 } = engineFixture({ model });
    const cell = frameCell(frame);
    for (let layer = 0; layer < 2; layer++) {
      for (let unit = 0; unit < frame.H; unit++) {
        const back = hiddenGradFromStep(frame, cell, layer, 0, unit);
        expectF32Close(back.total, dh0[layer * frame.H + unit], recurrentMagnitude(frame, layer, 0, unit));
      }
    }
  });

  it.each(MODELS)('%s: δ = upstream · factor · slope for every gate', (_n, model) => {
    const { frame } = engineFixture({ model });
    const cell = frameCell(frame);
    for (let layer = 0; layer < 2; layer++) {
      for (let t = 0; t < frame.T; t++) {
        for (let unit = 0; unit < frame.H; unit++) {
          for (const d of gateDeltas(frame, cell, { layer, t, unit }, actsOf(model))) {
            // The factor may be a difference (GRU's h_{t−1} − n_t): bound by its operands, not its value.
            const magnitude = Math.abs(d.upstream) * (Math.abs(d.factor) + 2) * Math.abs(d.slope);
            expectF32Close(d.upstream * d.factor * d.slope, d.delta, magnitude);
          }
        }
      }
    }
  });

  it.each(MODELS.filter(([, m]) => m.cell === 'lstm'))('%s: ∂L/∂c_t = carry from t+1 + through h_t (+ peephole)', (_n, model) => {
    for (const truncate of [0, 2]) {
      const { frame } = engineFixture({ model, truncate });
      for (let layer = 0; layer < 2; layer++) {
        for (let t = 0; t < frame.T; t++) {
          for (let unit = 0; unit < frame.H; unit++) {
            const c = cellGradTerms(frame, { layer, t, unit }, actsOf(model), truncate);
            const next = c.fromNext ?? { total: 0, viaForget: 0, viaPeephole: 0 };
            const sum = next.total + c.throughH + c.throughPeepO;
            expectF32Close(sum, c.total, Math.abs(next.viaForget) + Math.abs(next.viaPeephole) + Math.abs(c.throughH) + Math.abs(c.throughPeepO));
          }
        }
      }
    }
  });

  it.each(MODELS)('%s: with a many-to-one head, ∂L/∂h_t of the top layer before T comes only from t+1', (_n, model) => {
    for (const truncate of [0, 2]) {
      const { frame } = engineFixture({ model: { ...model, outputMode: 'last' }, truncate });
      const cell = frameCell(frame);
      for (let t = 0; t < frame.T - 1; t++) {
        for (let unit = 0; unit < frame.H; unit++) {
          const s = hiddenGradSplit(frame, cell, { layer: 1, t, unit }, truncate);
          expectF32Close(s.fromAbove, 0, recurrentMagnitude(frame, 1, t + 1, unit));
          if (cutBefore(t + 1, truncate)) expect(s.total).toBe(0);
        }
      }
    }
  });
});
