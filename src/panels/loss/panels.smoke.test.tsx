// @vitest-environment jsdom
/** The loss, predictions and summary panels render from a filled store and a published frame, in en and zh. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appStore, initialState } from '../../store/appStore.ts';
import { frameBus } from '../../store/frameBus.ts';
import type { ModelSummary, ProbeFrame } from '../../worker/protocol.ts';
import { PredictionsPanel } from '../predictions/PredictionsPanel.tsx';
import { SummaryPanel } from '../summary/SummaryPanel.tsx';
import { LossPanel } from './LossPanel.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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

const summary: ModelSummary = {
  cell: 'lstm',
  inputSize: 1,
  hiddenSize: 12,
  numLayers: 1,
  outputSize: 1,
  outputMode: 'sequence',
  paramCount: 733,
  tensors: [
    { name: 'weight_ih_l0', shape: [48, 1] },
    { name: 'weight_hh_l0', shape: [48, 12] },
    { name: 'bias_ih_l0', shape: [48] },
    { name: 'bias_hh_l0', shape: [48] },
    { name: 'head.weight', shape: [1, 12] },
    { name: 'head.bias', shape: [1] },
  ],
  gates: ['i', 'f', 'g', 'o'],
  loss: 'mse',
  classes: null,
};

let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  const n = 5000;
  appStore.setState({
    ...initialState(),
    summary,
    loss: {
      train: Array.from({ length: n }, (_, i) => 1 / (1 + i / 50) + (i === 2500 ? 3 : 0)),
      time: Array.from({ length: n }, (_, i) => 2 * i),
      stride: 1,
      validation: Array.from({ length: 10 }, (_, k) => ({ step: 500 * (k + 1), loss: 1 / (1 + k) })),
    },
  });
  frameBus.clear();
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

function render(): void {
  act(() =>
    root.render(
      <>
        <LossPanel />
        <PredictionsPanel />
        <SummaryPanel />
      </>,
    ),
  );
}

const panel = (id: string): HTMLElement => host.querySelector(`[data-testid="${id}"]`) as HTMLElement;

describe('loss, predictions and summary panels', () => {
  it('draw a downsampled loss curve, the forecast and the model printout', () => {
    act(() => frameBus.publish(probeFrame(0)));
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
    appStore.setState({ lang: 'zh', summary: { ...summary, loss: 'crossEntropy', outputSize: 3, outputMode: 'last', classes: ['ω=0.2', 'ω=0.5', 'ω=0.9'] } });
    act(() => frameBus.publish(probeFrame(3)));
    render();
    const bars = panel('panel-predictions').querySelectorAll('.pred-class');
    expect(bars).toHaveLength(3);
    expect(panel('panel-predictions').querySelector('.pred-class.is-true')?.textContent).toContain('ω=0.5');
    expect(panel('panel-loss').textContent).toContain('训练损失');
    expect(panel('panel-summary').textContent).toContain('参数总量');
  });

  it('waits politely with an empty store', () => {
    appStore.setState({ ...initialState() });
    render();
    expect(panel('panel-loss').querySelector('svg')).toBeNull();
    expect(panel('panel-loss').querySelector('.panel-empty')).not.toBeNull();
    expect(panel('panel-predictions').querySelector('.panel-empty')).not.toBeNull();
    expect(panel('panel-summary').querySelector('.panel-empty')).not.toBeNull();
  });
});
