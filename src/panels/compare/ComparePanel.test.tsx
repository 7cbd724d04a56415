// @vitest-environment jsdom
/** The comparison panel renders the racers from their stores and buses, follows the focus, and speaks Chinese. */
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { createUiStore } from '../../store/uiStore.ts';
import { focusedRun, RunController } from '../../client/runController.ts';
import type { CellKind } from '../../engine/config.ts';
import type { Run } from '../../client/run.ts';
import { fakeRunFactory, withRun } from '../../testing/testRuns.ts';
import { useWorkspace, WorkspaceProvider } from '../../client/workspaceContext.ts';
import { syntheticFrame } from '../../testing/syntheticFrame.ts';
import { rootPerTest } from '../../testing/panelKit.ts';
import { ComparePanel } from './ComparePanel.tsx';

const T = 12;
const H = 4;

function racer(cell: CellKind, scale: number): Run {
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
  const run = fakeRunFactory()({
    racer: { variant: { id: cell, patch: { cell }, setting: null }, cell, index: 0 },
    init: {
      step: 40,
      lastLoss: 0.25,
      loss: { train: Array.from({ length: 40 }, (_, k) => 1 / (k + 1)), time: Array.from({ length: 40 }, (_, k) => k * 10), stride: 1, validation: [] },
    },
  });
  run.frames.publish({ ...syntheticFrame(cell, T, H, 1, 40), flow: flowOf(1) });
  return run;
}

let controller = new RunController(fakeRunFactory());
let ui = createUiStore();

/** The app shell's part: the focused run in context. */
function Focused(props: { children: ReactNode }) {
  const run = useWorkspace(focusedRun);
  return withRun(props.children, run, ui);
}

const view = rootPerTest((node) => (
  <WorkspaceProvider controller={controller}>
    <Focused>{node}</Focused>
  </WorkspaceProvider>
));
const q = view.query;

function race(runs: Run[]): void {
  act(() => controller.workspace.setState({ runs, focus: 0, racing: true }));
}

beforeEach(() => {
  controller = new RunController(fakeRunFactory());
  ui = createUiStore();
  // jsdom has no canvas: the heatmaps draw their axes and legends and skip the cells.
  HTMLCanvasElement.prototype.getContext = () => null;
});

describe('ComparePanel', () => {
  it('is absent outside compare mode', () => {
    view.render(<ComparePanel />);
    expect(q('[data-testid="panel-compare"]')).toBeNull();
  });

  it('draws a loss curve, a decay read-out and a look inside for every racer', () => {
    race([racer('rnn', 0.1), racer('lstm', 0.9)]);
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
    expect(controller.focused.cell).toBe('lstm');
    expect(q('[data-testid="compare-model-lstm"]')?.className).toContain('compare-model-focused');
  });

  it('speaks Chinese', () => {
    race([racer('rnn', 0.5), racer('gru', 0.8)]);
    act(() => ui.setState({ lang: 'zh' }));
    view.render(<ComparePanel />);
    expect(q('[data-testid="panel-compare"]')?.textContent).toContain('并排对比');
    expect(q('[data-testid="compare-model-gru"]')?.textContent).toContain('更新门');
  });
});
