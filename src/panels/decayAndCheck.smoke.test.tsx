// @vitest-environment jsdom
/** The gradient-decay and gradient-check panels render from a real probe frame and a finished check, in en and zh. */
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { initialState } from '../store/appStore.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import { buildRun } from '../trainer/buildRun.ts';
import { ProbeRecorder } from '../trainer/probeFrame.ts';
import type { GradCheckRow } from '../contracts/protocol.ts';
import { GradCheckPanel } from './gradcheck/GradCheckPanel.tsx';
import { ClientContext } from '../client/clientContext.ts';
import { type TrainerControls } from '../contracts/runControls.ts';

/** The panel asks the page's controls to run a check; these tests drive the store directly. */
const idleControls: TrainerControls = {
  start: () => {}, play: () => {}, pause: () => {}, toggle: () => {}, step: () => {}, reset: () => {},
  setHyper: () => {}, setSpeed: () => {}, applyConfig: () => {}, gradCheck: () => {},
};
const withControls = (node: React.ReactNode) => <ClientContext value={idleControls}>{node}</ClientContext>;
import { rootPerTest } from '../testing/panelKit.ts';
import { GradientDecayPanel } from './gradientDecay/GradientDecayPanel.tsx';
import { createUiStore } from '../store/uiStore.ts';
import { testRun, withRun } from '../testing/testRuns.ts';

let run = testRun();
let ui = createUiStore();
beforeEach(() => {
  run = testRun();
  ui = createUiStore();
});


function publish(config: RunConfig): void {
  const built = buildRun(config);
  act(() => run.frames.publish(new ProbeRecorder(built.probeNet, built.task.probe, built.task.loss).capture(0, 0)));
}

const rows: GradCheckRow[] = [
  { name: 'weight_hh_l0[f]', tensor: 'weight_hh_l0', gate: 'f', checked: 144, relError: 2e-9, maxAbsError: 1e-12, analyticNorm: 0.01, numericNorm: 0.01 },
  { name: 'head.bias', tensor: 'head.bias', gate: null, checked: 1, relError: 3e-4, maxAbsError: 1e-6, analyticNorm: 0.02, numericNorm: 0.0201 },
];

const view = rootPerTest((node) => withRun(node, run, ui));
const { panel } = view;

beforeEach(() => {
  run.store.setState({ ...initialState() });
  run.frames.clear();
});

describe('gradient-decay panel', () => {
  it('draws ‖∂L_T/∂h_t‖, ‖∂L_T/∂c_t‖, ‖∂L_T/∂x_t‖, the mechanism and the RNNbow bars, with the decay rate', () => {
    publish({ ...DEFAULT_RUN_CONFIG, seqLen: 20 });
    view.render(<GradientDecayPanel />);
    const p = panel('panel-gradient-decay');
    for (const q of ['dh', 'dc', 'dx']) expect(p.querySelector(`[data-curve="layer0-${q}"]`)?.getAttribute('d')).toMatch(/^M/);
    expect(p.querySelectorAll('.panel-body path').length).toBeGreaterThanOrEqual(4);
    expect(panel('decay-rates').textContent).toMatch(/LSTM: ×\d\.\d+ per step/);
    expect(panel('decay-explain').textContent).toContain('forget gate');
    expect(panel('decay-contributions').querySelectorAll('rect').length).toBeGreaterThan(20);
  });

  it('one series per layer for a stacked RNN, in Chinese', () => {
    ui.setState({ lang: 'zh' });
    publish({ ...DEFAULT_RUN_CONFIG, cell: 'rnn', numLayers: 2, seqLen: 20 });
    view.render(<GradientDecayPanel />);
    expect(panel('decay-rates').textContent).toMatch(/RNN，第 2 层: 每步 ×/);
    expect(panel('panel-gradient-decay').querySelector('[data-curve="layer1-dh"]')).not.toBeNull();
    expect(panel('panel-gradient-decay').querySelector('[data-curve="layer1-dx"]')).toBeNull();
    expect(panel('decay-explain').textContent).toContain('梯度消失');
  });

  it('waits for a frame', () => {
    view.render(<GradientDecayPanel />);
    expect(panel('decay-chart')).toBeNull();
  });
});

describe('gradient-check panel', () => {
  it('shows the progress of a running check, then the table with pass/fail', () => {
    run.store.setState({ gradCheck: { status: 'running', done: 30, total: 120, rows: [], eps: 1e-5, step: 3 } });
    view.render(withControls(<GradCheckPanel />));
    expect(panel('gradcheck-progress').getAttribute('value')).toBe('30');
    expect(panel('gradcheck-run').hasAttribute('disabled')).toBe(true);
    act(() => run.store.setState({ step: 3, gradCheck: { status: 'done', done: 120, total: 120, rows, eps: 1e-5, step: 3 } }));
    expect(panel('gradcheck-summary').dataset.failed).toBe('1');
    const trs = panel('gradcheck-table').querySelectorAll('tbody tr');
    expect(Array.from(trs, (tr) => (tr as HTMLElement).dataset.pass)).toEqual(['true', 'false']);
    // The model panel's names (lstm.…, fc.…) and PyTorch's symbols (W_hf), not the engine's.
    expect(trs[0].querySelector('code')?.textContent).toBe('lstm.weight_hh_l0[f]');
    expect(trs[0].querySelector('.gradcheck-symbol')?.textContent).toBe('Whf');
    expect(trs[1].querySelector('code')?.textContent).toBe('fc.bias');
  });

  it('speaks Chinese', () => {
    ui.setState({ lang: 'zh' });
    run.store.setState({ gradCheck: { status: 'done', done: 1, total: 1, rows: rows.slice(0, 1), eps: 1e-5, step: 0 } });
    view.render(withControls(<GradCheckPanel />));
    expect(panel('panel-gradcheck').textContent).toContain('梯度检查');
    expect(panel('gradcheck-summary').textContent).toContain('全部 1 组通过');
    expect(panel('gradcheck-table').textContent).toContain('相对误差');
  });
});
