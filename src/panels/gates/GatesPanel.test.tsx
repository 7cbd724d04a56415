// @vitest-environment jsdom
import { beforeEach, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { initialState } from '../../store/appStore.ts';
import { GatesPanel } from './GatesPanel.tsx';
import { useShortcuts } from '../../controls/shortcuts.ts';
import { useUiStore } from '../../store/uiStore.ts';
import { useAppStore } from '../../client/useApp.ts';
import type { TrainerControls } from '../../contracts/runControls.ts';

const none = (): void => undefined;
const idleControls: TrainerControls = { start: none, play: none, pause: none, toggle: none, step: none, reset: none, setHyper: none, setSpeed: none, applyConfig: none, gradCheck: none };
import { StatePanel } from '../state/StatePanel.tsx';
import { syntheticFrame } from '../../testing/syntheticFrame.ts';
import { createUiStore } from '../../store/uiStore.ts';
import { testRun, withRun } from '../../testing/testRuns.ts';

let run = testRun();
let ui = createUiStore();
beforeEach(() => {
  run = testRun();
  ui = createUiStore();
});


(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLElement | null = null;

function render(node: ReactNode): HTMLElement {
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  act(() => root!.render(withRun(node, run, ui)));
  return host;
}

beforeAll(() => {
  // jsdom has no canvas: return null, as the Heatmap expects there, instead of jsdom's "not implemented" log.
  HTMLCanvasElement.prototype.getContext = () => null;
});

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  run.frames.clear();
  run.store.setState(initialState());
});

const titles = (el: HTMLElement) => [...el.querySelectorAll('.viz-figure-title')].map((e) => e.textContent);

describe('GatesPanel', () => {
  it('waits for a frame, then draws the four LSTM gates in teaching order with axes and legends', () => {
    const el = render(<GatesPanel />);
    expect(el.querySelector('[data-testid="panel-gates"]')?.textContent).toContain('Waiting');
    act(() => run.frames.publish(syntheticFrame('lstm', 6, 4)));
    expect(titles(el)).toEqual(['forget gate ft', 'input gate it', 'candidate gt', 'output gate ot']);
    expect(el.querySelectorAll('canvas')).toHaveLength(4);
    expect(el.querySelectorAll('.viz-legend')).toHaveLength(4);
    expect(el.querySelectorAll('.viz-highlight-outer')).toHaveLength(4);
    expect(el.querySelector('select')).toBeNull(); // one layer: no layer selector
  });

  it('arrow keys on a heatmap move the selected timestep and unit', () => {
    const el = render(<GatesPanel />);
    act(() => run.frames.publish(syntheticFrame('gru', 6, 4, 2)));
    expect(titles(el)).toEqual(['reset gate rt', 'update gate zt', 'new state nt']);
    const canvas = el.querySelector('canvas')!;
    act(() => canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    act(() => canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    expect(run.store.getState().selection).toMatchObject({ t: 1, unit: 1 });
    expect(el.querySelector('select')).not.toBeNull(); // two layers
  });

  it('in the backward walk offers ∂L/∂(pre-activation), on by default', () => {
    run.store.setState((s) => ({ selection: { ...s.selection, walk: 'backward', t: 3 } }));
    const el = render(<GatesPanel />);
    act(() => run.frames.publish(syntheticFrame('lstm', 6, 4)));
    const box = el.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(box.checked).toBe(true);
    expect(titles(el)[0]).toContain('∂L/∂z');
    expect(el.querySelectorAll('.viz-veil')).toHaveLength(4);
    act(() => box.click());
    expect(titles(el)[0]).toBe('forget gate ft');
  });
});

describe('heatmap keyboard cursor on the page', () => {
  function WithShortcuts(props: { children: ReactNode }) {
    useShortcuts(useAppStore(), useUiStore(), idleControls, () => 6);
    return props.children;
  }

  it('←/→ on a focused heatmap move the timestep by one (the page shortcut does not move it again)', () => {
    const el = render(
      <WithShortcuts>
        <GatesPanel />
      </WithShortcuts>,
    );
    act(() => run.frames.publish(syntheticFrame('lstm', 6, 4)));
    const canvas = el.querySelector('canvas')!;
    act(() => canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true })));
    expect(run.store.getState().selection.t).toBe(1);
    act(() => canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, cancelable: true })));
    expect(run.store.getState().selection.t).toBe(0);
  });

  it('announces the cell the keyboard moved to; the tooltip rewritten at every repaint is not a live region', () => {
    const el = render(<GatesPanel />);
    act(() => run.frames.publish(syntheticFrame('lstm', 6, 4)));
    expect(el.querySelector('.viz-tooltip')?.getAttribute('role')).toBeNull();
    expect(el.querySelector('.viz-tooltip')?.getAttribute('aria-hidden')).toBe('true');
    const announce = el.querySelector('[data-testid="heatmap-announce"]')!;
    expect(announce.getAttribute('role')).toBe('status');
    expect(announce.textContent).toBe('');
    const canvas = el.querySelector('canvas')!;
    act(() => canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true })));
    expect(announce.textContent).toMatch(/unit 1.*t = 2/);
    const said = announce.textContent;
    act(() => run.frames.publish(syntheticFrame('lstm', 6, 4, 1, 9)));
    expect(announce.textContent).toBe(said);
  });
});

describe('StatePanel', () => {
  it('LSTM: c and h heatmaps plus the unit lines; zh strings', () => {
    ui.setState({ lang: 'zh' });
    const el = render(<StatePanel />);
    act(() => run.frames.publish(syntheticFrame('lstm', 6, 4)));
    expect(titles(el)).toEqual(['细胞状态 ct', '隐藏状态 ht', '所选单元随时间的变化']);
    expect(el.querySelectorAll('.panel-body path')).toHaveLength(2); // c and h of the selected unit
  });

  it('GRU: h only with a note; the backward walk shows gradients and their norms', () => {
    run.store.setState((s) => ({ selection: { ...s.selection, walk: 'backward' } }));
    const el = render(<StatePanel />);
    act(() => run.frames.publish(syntheticFrame('gru', 6, 4)));
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
