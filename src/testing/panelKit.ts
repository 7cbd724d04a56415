/** Test-only fixtures shared by the panels' tests; import it only from *.test.* files. */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';
import type { ModelSummary } from '../contracts/protocol.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** What nn.LSTM(1, 12) + nn.Linear(12, 1) reports. */
export const LSTM_1_12: ModelSummary = {
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

/** A fresh React root in the document for every test of the calling file (jsdom), unmounted after it; `wrap` adds providers. */
export function rootPerTest(wrap: (node: ReactNode) => ReactNode = (node) => node) {
  let host: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });
  return {
    render: (node: ReactNode): void => act(() => root.render(wrap(node))),
    query: (selector: string): HTMLElement | null => host.querySelector(selector),
    panel: (testId: string): HTMLElement => host.querySelector(`[data-testid="${testId}"]`) as HTMLElement,
  };
}
