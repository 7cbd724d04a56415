// @vitest-environment jsdom
/** The text panel renders from the store: the sample, the passage coloured by a unit, the unit finder; live temperature. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientContext } from '../../client/clientContext.ts';
import { type TrainerControls } from '../../contracts/runControls.ts';
import { initialState } from '../../store/appStore.ts';
import { createUiStore } from '../../store/uiStore.ts';
import { testRun, withRun } from '../../testing/testRuns.ts';
import { DEFAULT_RUN_CONFIG } from '../../contracts/runConfig.ts';
import { textTask } from '../../tasks/text.ts';
import type { HyperPatch } from '../../contracts/runConfig.ts';
import type { ModelSummary, TextEvaluationResult } from '../../contracts/protocol.ts';
import { TextPanel } from './TextPanel.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const H = 3;
const TEXT = 'To be, or not to be:\nthat is the question.\n'.repeat(12);
const { meta } = textTask({ id: 'shakespeare', text: TEXT }, { seqLen: 8 }, 'shakespeare');
const T = meta.passage.length;

const summary: ModelSummary = {
  cell: 'lstm', inputSize: meta.vocab.symbols.length, hiddenSize: H, numLayers: 1, outputSize: meta.vocab.symbols.length, outputMode: 'sequence',
  paramCount: 1, tensors: [], gates: ['i', 'f', 'g', 'o'], loss: 'crossEntropy', classes: meta.vocab.symbols,
};

function evaluation(step: number, m = meta): TextEvaluationResult {
  // Unit 2 of h climbs along each line: the finder must name it for "position in the line".
  const T = m.passage.length;
  const h = new Float32Array(T * H);
  let col = 0;
  m.passage.forEach((ch, t) => {
    h[t * H] = Math.sin(t);
    h[t * H + 1] = 0.5 * Math.cos(3 * t);
    h[t * H + 2] = col / 20;
    col = ch === '\n' ? 0 : col + 1;
  });
  return {
    kind: 'text', step, temperature: 0.8, prime: '', sample: 'Tho be or nat\nto bee',
    passage: { T, H, layers: [{ h, c: new Float32Array(T * H).fill(0.5), act: new Float32Array(T * 4 * H).fill(0.25) }] },
  };
}

let host: HTMLDivElement;
let root: Root;
let hyper: HyperPatch[];

function client(): TrainerControls {
  const none = (): void => {};
  return { start: none, play: none, pause: none, toggle: none, step: none, reset: none, setHyper: (p) => hyper.push(p), setSpeed: none, applyConfig: none, gradCheck: none };
}

let run = testRun();
let ui = createUiStore();

beforeEach(() => {
  hyper = [];
  run = testRun();
  ui = createUiStore();
  run.store.setState({ ...initialState({ ...DEFAULT_RUN_CONFIG, task: 'shakespeare', seqLen: 8 }), summary, taskMeta: meta, evaluation: evaluation(120) });
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  act(() =>
    root.render(
      withRun(
        <ClientContext value={client()}>
          <TextPanel />
        </ClientContext>,
        run,
        ui,
      ),
    ),
  );
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const q = (id: string): HTMLElement | null => host.querySelector(`[data-testid="${id}"]`);

describe('text panel', () => {
  it('shows what the model writes, and sends a new temperature to the trainer at once', () => {
    expect(q('generated-text')?.textContent).toBe('Tho be or nat\nto bee');
    expect(q('generated-step')?.textContent).toContain('120');
    const slider = q('text-temperature') as HTMLInputElement;
    act(() => {
      const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      set.call(slider, '1.5');
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(hyper).toEqual([{ temperature: 1.5 }]);
  });

  it('colours every character of the passage by the chosen unit', () => {
    const cells = host.querySelectorAll<HTMLSpanElement>('[data-testid="text-activations"] .text-cell');
    expect(cells).toHaveLength(T);
    expect(cells[0].textContent).toBe('T');
    // Unit 1's h_t = sin(t): t = 0 is white-ish (0), t = 2 is red (0.91).
    expect(cells[2].style.background).toMatch(/^rgb/);
    expect(cells[2].style.background).not.toBe(cells[0].style.background);
  });

  it('names the unit that tracks the position in the line', () => {
    const chips = q('text-unit-finder')!.querySelectorAll('button');
    expect(chips[0].textContent).toContain('unit 3');
    act(() => chips[0].click());
    expect(run.store.getState().selection.unit).toBe(2);
    expect((q('text-unit') as HTMLInputElement).value).toBe('3');
  });

  it('shows the new text when another one replaces it (a new run of another corpus)', () => {
    const other = textTask({ id: 'shakespeare', text: 'Wherefore art thou?\nDeny thy father.\n'.repeat(12) }, { seqLen: 8 }, 'shakespeare').meta;
    const text = () => q('text-activations')?.textContent;
    expect(text()).toContain('question');
    act(() => run.store.setState({ taskMeta: other, evaluation: null }));
    act(() => run.store.setState({ evaluation: evaluation(5, other) }));
    expect(text()).toContain('Wherefore');
  });

  it('speaks Chinese, and is not there for other tasks', () => {
    act(() => ui.setState({ lang: 'zh' }));
    expect(q('panel-text')?.textContent).toContain('温度');
    act(() => run.store.setState({ config: { ...run.store.getState().config, task: 'sine' } }));
    expect(q('panel-text')).toBeNull();
  });
});
