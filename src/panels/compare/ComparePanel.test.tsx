// @vitest-environment jsdom
/** The comparison panel renders the racers from their stores and buses, follows the focus, and speaks Chinese. */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareModels, compareStore } from '../../compare/compareStore.ts';
import type { CompareModel } from '../../compare/session.ts';
import type { CellKind } from '../../engine/config.ts';
import { appStore, createAppStore } from '../../store/appStore.ts';
import { FrameBus } from '../../store/frameBus.ts';
import { syntheticFrame } from '../gates/syntheticFrame.ts';
import { rootPerTest } from '../testKit.ts';
import { ComparePanel } from './ComparePanel.tsx';

const T = 12;
const H = 4;

function racer(cell: CellKind, scale: number): CompareModel {
  const flowOf = (L: number) => ({
    dh: Float32Array.from({ length: L * T }, (_, t) => scale ** (T - 1 - t)),
    dc: cell === 'lstm' ? Float32Array.from({ length: L * T }, () => 0.5) : null,
    dx: new Float32Array(T).fill(0.1),
    mechanism: null,
    decaySlope: Float32Array.of(Math.log(scale)),
    gradNorm: 1,
    hhNorm: new Float32Array(L * T),
    hhShare: new Float32Array(L * T),
    ihNorm: new Float32Array(L * T),
    ihShare: new Float32Array(L * T),
  });
  const bus = new FrameBus();
  bus.publish({ ...syntheticFrame(cell, T, H, 1, 40), flow: flowOf(1) });
  const store = createAppStore({
    step: 40,
    lastLoss: 0.25,
    loss: { train: Array.from({ length: 40 }, (_, k) => 1 / (k + 1)), time: Array.from({ length: 40 }, (_, k) => k * 10), stride: 1, validation: [] },
  });
  return { id: cell, variant: { id: cell, patch: { cell }, setting: null }, cell, color: '#000', store, bus };
}

const view = rootPerTest();
const q = view.query;

beforeEach(() => {
  // jsdom has no canvas: the heatmaps draw their axes and legends and skip the cells.
  HTMLCanvasElement.prototype.getContext = () => null;
});

afterEach(() => {
  act(() => compareModels.set(null));
  compareStore.setState({ focus: null });
  appStore.setState({ lang: 'en' });
});

describe('ComparePanel', () => {
  it('is absent outside compare mode', () => {
    view.render(<ComparePanel />);
    expect(q('[data-testid="panel-compare"]')).toBeNull();
  });

  it('draws a loss curve, a decay read-out and a look inside for every racer', () => {
    act(() => compareModels.set([racer('rnn', 0.1), racer('lstm', 0.9)]));
    view.render(<ComparePanel />);
    for (const cell of ['rnn', 'lstm']) {
      expect(q(`[data-testid="compare-legend-${cell}"]`)?.dataset.step).toBe('40');
      expect(q(`.compare-loss-series[data-cell="${cell}"] .compare-loss-smooth`)?.getAttribute('d')).toMatch(/^M/);
      expect(q(`[data-testid="compare-model-${cell}"]`)).not.toBeNull();
    }
    // ‖∂L_T/∂h_1‖ ÷ ‖∂L_T/∂h_T‖ = scale^(T−1).
    expect(Number(q('[data-testid="compare-ratio-rnn"]')?.dataset.ratio)).toBeCloseTo(1e-11, 15);
    expect(Number(q('[data-testid="compare-ratio-lstm"]')?.dataset.ratio)).toBeCloseTo(0.9 ** 11, 5);
    expect(q('[data-testid="compare-model-lstm"]')?.textContent).toContain('forget gate');
    expect(q('[data-testid="compare-focus-rnn"]')?.getAttribute('aria-pressed')).toBe('true');

    act(() => (q('[data-testid="compare-focus-lstm"]') as HTMLButtonElement).click());
    expect(compareStore.getState().focus).toBe('lstm');
    expect(q('[data-testid="compare-model-lstm"]')?.className).toContain('compare-model-focused');
  });

  it('speaks Chinese', () => {
    act(() => compareModels.set([racer('rnn', 0.5), racer('gru', 0.8)]));
    act(() => appStore.setState({ lang: 'zh' }));
    view.render(<ComparePanel />);
    expect(q('[data-testid="panel-compare"]')?.textContent).toContain('并排对比');
    expect(q('[data-testid="compare-model-gru"]')?.textContent).toContain('更新门');
  });
});
