// @vitest-environment jsdom
/** The loss, predictions and summary panels render from a filled store and a published frame, in en and zh. */
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { initialState } from '../store/appStore.ts';
import type { ProbeFrame } from '../contracts/protocol.ts';
import { PredictionsPanel } from './predictions/PredictionsPanel.tsx';
import { SummaryPanel } from './summary/SummaryPanel.tsx';
import { LSTM_1_12, rootPerTest } from '../testing/panelKit.ts';
import { LossPanel } from './loss/LossPanel.tsx';
import { createUiStore } from '../store/uiStore.ts';
import { testRun, withRun } from '../testing/testRuns.ts';

let run = testRun();
let ui = createUiStore();
beforeEach(() => {
  run = testRun();
  ui = createUiStore();
});


const T = 20;

function probeFrame(classes: number): ProbeFrame {
  const x = Float32Array.from({ length: T }, (_, t) => Math.sin(0.3 * t));
  const O = classes || 1;
  const rows = classes ? 1 : T;
  return {
    step: 500,
    T,
    H: 4,
    I: 1,
    O,
    rows,
    loss: 0.0123,
    x,
    output: Float32Array.from({ length: rows * O }, (_, i) => Math.sin(0.3 * (i + 1)) + 0.05),
    target: classes ? Float32Array.from([1]) : Float32Array.from({ length: T }, (_, t) => Math.sin(0.3 * (t + 1))),
    layers: [],
    dx: new Float32Array(T),
    dxNorm: new Float32Array(T),
    flow: null,
  };
}


const view = rootPerTest((node) => withRun(node, run, ui));
const { panel } = view;

beforeEach(() => {
  const n = 5000;
  run.store.setState({
    ...initialState(),
    summary: LSTM_1_12,
    loss: {
      train: Array.from({ length: n }, (_, i) => 1 / (1 + i / 50) + (i === 2500 ? 3 : 0)),
      time: Array.from({ length: n }, (_, i) => 2 * i),
      stride: 1,
      validation: Array.from({ length: 10 }, (_, k) => ({ step: 500 * (k + 1), loss: 1 / (1 + k) })),
    },
  });
  run.frames.clear();
});

function render(): void {
  view.render(
    <>
      <LossPanel />
      <PredictionsPanel />
      <SummaryPanel />
    </>,
  );
}

describe('loss, predictions and summary panels', () => {
  it('draw a downsampled loss curve, the forecast and the model printout', () => {
    act(() => run.frames.publish(probeFrame(0)));
    render();
    const smooth = panel('panel-loss').querySelector('[data-series="train"] .loss-smooth')?.getAttribute('d') ?? '';
    // 5,000 steps on a ~420 px plot: at most 2 points per pixel survive.
    const points = smooth.split(/[ML]/).filter(Boolean).length;
    expect(points).toBeGreaterThan(100);
    expect(points).toBeLessThanOrEqual(2 * 480);
    expect(panel('panel-loss').querySelector('[data-series="validation"] .loss-raw')?.getAttribute('d')).toMatch(/^M/);
    expect(panel('panel-predictions').querySelector('[data-line="output-0"] path')?.getAttribute('d')).toMatch(/^M/);
    const printout = panel('panel-summary').querySelector('pre')?.textContent ?? '';
    expect(printout).toContain('(lstm): LSTM(1, 12, batch_first=True)');
    expect(printout).toContain('Total parameters: 733');
    expect(panel('panel-summary').textContent).toContain('fc.weight');
  });

  it('shows class probabilities for classification, and speaks Chinese', () => {
    ui.setState({ lang: 'zh' });
    run.store.setState({ summary: { ...LSTM_1_12, loss: 'crossEntropy', outputSize: 3, outputMode: 'last', classes: ['ω=0.2', 'ω=0.5', 'ω=0.9'] } });
    act(() => run.frames.publish(probeFrame(3)));
    render();
    const bars = panel('panel-predictions').querySelectorAll('.pred-class');
    expect(bars).toHaveLength(3);
    expect(panel('panel-predictions').querySelector('.pred-class.is-true')?.textContent).toContain('ω=0.5');
    expect(panel('panel-loss').textContent).toContain('训练损失');
    expect(panel('panel-summary').textContent).toContain('参数总量');
  });

  it('waits politely with an empty store', () => {
    run.store.setState({ ...initialState() });
    render();
    expect(panel('panel-loss').querySelector('.panel-body svg')).toBeNull();
    expect(panel('panel-loss').querySelector('.panel-empty')).not.toBeNull();
    expect(panel('panel-predictions').querySelector('.panel-empty')).not.toBeNull();
    expect(panel('panel-summary').querySelector('.panel-empty')).not.toBeNull();
  });
});
