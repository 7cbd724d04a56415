// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { appStore, initialState } from '../../store/appStore.ts';
import { frameBus } from '../../store/frameBus.ts';
import { GatesPanel } from './GatesPanel.tsx';
import { StatePanel } from '../state/StatePanel.tsx';
import { syntheticFrame } from './syntheticFrame.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLElement | null = null;

function render(node: ReactNode): HTMLElement {
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  act(() => root!.render(node));
  return host;
}

beforeAll(() => {
  // jsdom has no canvas: return null, as the Heatmap expects there, instead of jsdom's "not implemented" log.
  HTMLCanvasElement.prototype.getContext = () => null;
});

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  frameBus.clear();
  appStore.setState(initialState());
});

const titles = (el: HTMLElement) => [...el.querySelectorAll('.viz-figure-title')].map((e) => e.textContent);

describe('GatesPanel', () => {
  it('waits for a frame, then draws the four LSTM gates in teaching order with axes and legends', () => {
    const el = render(<GatesPanel />);
    expect(el.querySelector('[data-testid="panel-gates"]')?.textContent).toContain('Waiting');
    act(() => frameBus.publish(syntheticFrame('lstm', 6, 4)));
    expect(titles(el)).toEqual(['forget gate ft', 'input gate it', 'candidate gt', 'output gate ot']);
    expect(el.querySelectorAll('canvas')).toHaveLength(4);
    expect(el.querySelectorAll('.viz-legend')).toHaveLength(4);
    expect(el.querySelectorAll('.viz-highlight-outer')).toHaveLength(4);
    expect(el.querySelector('select')).toBeNull(); // one layer: no layer selector
  });

  it('arrow keys on a heatmap move the selected timestep and unit', () => {
    const el = render(<GatesPanel />);
    act(() => frameBus.publish(syntheticFrame('gru', 6, 4, 2)));
    expect(titles(el)).toEqual(['reset gate rt', 'update gate zt', 'new state nt']);
    const canvas = el.querySelector('canvas')!;
    act(() => canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    act(() => canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    expect(appStore.getState().selection).toMatchObject({ t: 1, unit: 1 });
    expect(el.querySelector('select')).not.toBeNull(); // two layers
  });

  it('in the backward walk offers ∂L/∂(pre-activation), on by default', () => {
    appStore.setState((s) => ({ selection: { ...s.selection, walk: 'backward', t: 3 } }));
    const el = render(<GatesPanel />);
    act(() => frameBus.publish(syntheticFrame('lstm', 6, 4)));
    const box = el.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(box.checked).toBe(true);
    expect(titles(el)[0]).toContain('∂L/∂z');
    expect(el.querySelectorAll('.viz-veil')).toHaveLength(4);
    act(() => box.click());
    expect(titles(el)[0]).toBe('forget gate ft');
  });
});

describe('StatePanel', () => {
  it('LSTM: c and h heatmaps plus the unit lines; zh strings', () => {
    appStore.setState({ lang: 'zh' });
    const el = render(<StatePanel />);
    act(() => frameBus.publish(syntheticFrame('lstm', 6, 4)));
    expect(titles(el)).toEqual(['细胞状态 ct', '隐藏状态 ht', '所选单元随时间的变化']);
    expect(el.querySelectorAll('.panel-body path')).toHaveLength(2); // c and h of the selected unit
  });

  it('GRU: h only with a note; the backward walk shows gradients and their norms', () => {
    appStore.setState((s) => ({ selection: { ...s.selection, walk: 'backward' } }));
    const el = render(<StatePanel />);
    act(() => frameBus.publish(syntheticFrame('gru', 6, 4)));
    expect(el.textContent).toContain('no separate cell state');
    expect(titles(el)).toEqual(['gradient ∂L/∂ht', 'gradient of the selected units over time', 'gradient norm per timestep (log scale)']);
    // adding a unit from the picker draws another line
    const add = el.querySelector<HTMLSelectElement>('.gs-units select')!;
    act(() => {
      add.value = '2';
      add.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect([...el.querySelectorAll('.gs-chip')].map((c) => c.textContent)).toEqual(['1', '3×']);
  });
});
