// @vitest-environment jsdom
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { initialState } from '../../store/appStore.ts';
import { CellPanel } from './CellPanel.tsx';
import { loadKatex } from './katex.ts';
import { engineFixture } from '../../testing/probeFixture.ts';
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

function render(): HTMLElement {
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  act(() => root!.render(withRun(<CellPanel />, run, ui)));
  return host;
}

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  run.frames.clear();
  run.store.setState(initialState());
});

const lines = (el: HTMLElement) =>
  [...el.querySelectorAll('[data-testid="cell-equations"] [data-eq]')].map((li) => [li.getAttribute('data-eq'), Number(li.getAttribute('data-value'))] as const);
const value = (el: HTMLElement, id: string) => lines(el).find(([k]) => k === id)?.[1];
const button = (el: HTMLElement, name: string) =>
  [...el.querySelectorAll('button')].find((b) => b.textContent?.includes(name) || b.getAttribute('aria-label') === name) as HTMLButtonElement;

describe('CellPanel', () => {
  it('waits for a frame, then shows the LSTM equations with the selected unit’s numbers', () => {
    const el = render();
    expect(el.querySelector('[data-testid="panel-cell"]')?.textContent).toContain('first frame');
    const { frame } = engineFixture({ model: { cell: 'lstm', numLayers: 1 }, T: 6 });
    act(() => run.store.setState((s) => ({ selection: { ...s.selection, t: 2, unit: 1 } })));
    act(() => run.frames.publish(frame));
    expect(lines(el).filter(([k]) => !k?.includes('.')).map(([k]) => k)).toEqual(['f', 'i', 'g', 'c', 'o', 'h']);
    expect(value(el, 'c')).toBeCloseTo(frame.layers[0].c![2 * frame.H + 1], 6);
    expect(el.querySelector('.cell-diagram')).not.toBeNull();
    expect(el.querySelector('[aria-pressed="true"].cell-strip-unit')?.textContent).toBe('2');

    // The timestep slider writes selection.t; the numbers follow.
    const before = value(el, 'h');
    act(() => run.store.setState((s) => ({ selection: { ...s.selection, t: 4 } })));
    expect(value(el, 'h')).toBeCloseTo(frame.layers[0].h[4 * frame.H + 1], 6);
    expect(value(el, 'h')).not.toBe(before);
  });

  it('walks backward from T to 1 showing the gradients that arrive', () => {
    const el = render();
    const { frame } = engineFixture({ model: { cell: 'lstm', numLayers: 1 }, T: 6 });
    act(() => run.frames.publish(frame));
    act(() => button(el, 'Backward (BPTT)').click());
    expect(run.store.getState().selection.walk).toBe('backward');
    expect(lines(el).map(([k]) => k)).toEqual(['dh', 'dc', 'delta.o', 'delta.f', 'delta.i', 'delta.g', 'toPrevC', 'toPrevH']);
    act(() => run.store.setState((s) => ({ selection: { ...s.selection, t: 5 } })));
    expect(value(el, 'dc')).toBeCloseTo(frame.layers[0].dc![5 * frame.H], 9);
    act(() => button(el, 'Step on').click());
    expect(run.store.getState().selection.t).toBe(4);
    act(() => button(el, 'Step back').click());
    expect(run.store.getState().selection.t).toBe(5);
    expect(el.querySelector('.cell-diagram')?.getAttribute('data-walk')).toBe('backward');
  });

  it('picks units and layers, and draws GRU and RNN cells', () => {
    const el = render();
    act(() => run.frames.publish(engineFixture({ model: { cell: 'gru', numLayers: 2 } }).frame));
    expect(lines(el).filter(([k]) => !k?.includes('.')).map(([k]) => k)).toEqual(['r', 'z', 'n', 'h']);
    act(() => button(el, 'Next unit').click());
    expect(run.store.getState().selection.unit).toBe(1);
    expect(el.querySelector('select')).not.toBeNull();
    act(() => run.frames.publish(engineFixture({ model: { cell: 'rnn', numLayers: 1 } }).frame));
  });

  it('typesets with KaTeX once it has loaded, keeping the numbers readable', async () => {
    const el = render();
    act(() => run.frames.publish(engineFixture({ model: { cell: 'lstm', numLayers: 1 } }).frame));
    const eqs = el.querySelector('[data-testid="cell-equations"]') as HTMLElement;
    expect(eqs.textContent).toContain('σ(');
    await act(async () => {
      await loadKatex();
    });
    expect(eqs.getAttribute('data-katex')).toBe('ready');
    expect(eqs.querySelectorAll('.katex').length).toBeGreaterThan(5);
    expect(eqs.querySelector('[data-full]')).not.toBeNull();
  });
});
