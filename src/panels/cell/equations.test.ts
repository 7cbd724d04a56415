import katex from 'katex';
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../engine/config.ts';
import type { Activations } from './bptt.ts';
import { equationLines, type EqLine } from './equations.ts';
import { KATEX_OPTIONS } from './katex.ts';
import { partsToPlain, partsToTemplate, texToPlain } from './mathText.ts';
import { engineFixture } from '../../testing/probeFixture.ts';
import { readUnit } from './unitState.ts';

const MODELS: [string, Partial<ModelConfig>, number][] = [
  ['LSTM', { cell: 'lstm' }, 0],
  ['LSTM with peepholes, truncated', { cell: 'lstm', peephole: true }, 2],
  ['LSTM, hard-sigmoid / softsign', { cell: 'lstm', gateActivation: 'hardSigmoid', stateActivation: 'softsign' }, 0],
  ['GRU', { cell: 'gru' }, 0],
  ['RNN relu', { cell: 'rnn', nonlinearity: 'relu' }, 0],
];

const actsOf = (m: Partial<ModelConfig>): Activations => ({ gate: m.gateActivation ?? 'sigmoid', state: m.stateActivation ?? 'tanh', rnn: m.nonlinearity ?? 'tanh' });
const byId = (lines: EqLine[], id: string) => lines.find((l) => l.id === id) as EqLine;

describe('the equations', () => {
  it.each(MODELS)('%s: every line typesets with KaTeX, forward and backward, at every site', (_n, model, truncate) => {
    const { frame } = engineFixture({ model, truncate });
    for (const walk of ['forward', 'backward'] as const) {
      for (let layer = 0; layer < 2; layer++) {
        for (let t = 0; t < frame.T; t++) {
          const lines = equationLines(readUnit(frame, { layer, t, unit: 1 }, actsOf(model), truncate), walk);
          for (const line of lines) {
            expect(() => katex.renderToString(partsToTemplate(line.parts), { ...KATEX_OPTIONS, throwOnError: true })).not.toThrow();
            expect(Number.isFinite(line.value)).toBe(true);
          }
        }
      }
    }
  });

  it('substitute the frame values for the selected unit (LSTM forward)', () => {
    const { frame } = engineFixture({ model: { cell: 'lstm' } });
    const site = { layer: 0, t: 2, unit: 1 };
    const u = readUnit(frame, site, actsOf({}), 0);
    const lines = equationLines(u, 'forward');
    expect(lines.filter((l) => !l.detail).map((l) => l.id)).toEqual(['f', 'i', 'g', 'c', 'o', 'h']);
    const L = frame.layers[0];
    expect(byId(lines, 'c').value).toBe(L.c?.[2 * frame.H + 1]);
    expect(byId(lines, 'h').value).toBe(L.h[2 * frame.H + 1]);
    // c_t = f·c_{t−1} + i·g: the numbers in the line reproduce its result.
    const nums = byId(lines, 'c').parts.filter((p): p is { v: number } => typeof p !== 'string').map((p) => p.v);
    const [f, cPrev, i, g, c] = nums;
    expect(f * cPrev + i * g).toBeCloseTo(c, 6);
  });

  it('show ∂L/∂c_t and ∂L/∂h_t arriving in the backward walk', () => {
    const { frame } = engineFixture({ model: { cell: 'lstm' } });
    const u = readUnit(frame, { layer: 1, t: 3, unit: 0 }, actsOf({}), 0);
    const lines = equationLines(u, 'backward');
    expect(lines.map((l) => l.id)).toEqual(['dh', 'dc', 'delta.o', 'delta.f', 'delta.i', 'delta.g', 'toPrevC', 'toPrevH']);
    expect(byId(lines, 'dh').value).toBe(frame.layers[1].dh[3 * frame.H]);
    expect(byId(lines, 'dc').value).toBe(frame.layers[1].dc?.[3 * frame.H]);
  });

  it('read as plain text before KaTeX arrives', () => {
    expect(texToPlain('c_t = f_t\\odot c_{t-1}')).toBe('cₜ = fₜ⊙cₜ₋₁');
    expect(texToPlain('\\partial L/\\partial h_{t-1} \\leftarrow W_{hi}^\\top\\delta i_t')).toBe('∂L/∂hₜ₋₁ ← Wₕᵢᵀδiₜ');
    expect(partsToPlain(['f_t = \\sigma(', { v: 0.4213 }, ') = ', { v: 0.6 }])).toBe('fₜ = σ(0.42) = 0.60');
  });
});
