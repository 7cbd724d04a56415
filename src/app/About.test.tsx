// @vitest-environment jsdom
/** The About dialog credits every bundled dataset, the ONNX test data and the libraries, in both languages. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUiStore, UiProvider } from '../store/uiStore.ts';
import { DATASETS } from '../tasks/data/datasets.ts';
import { AboutDialog } from './About.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;
let closed: number;
let ui = createUiStore();

beforeEach(() => {
  closed = 0;
  ui = createUiStore();
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  act(() =>
    root.render(
      <UiProvider store={ui}>
        <AboutDialog onClose={() => closed++} />
      </UiProvider>,
    ),
  );
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const text = (): string => host.querySelector('[data-testid="about-dialog"]')?.textContent ?? '';

describe('About dialog', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`credits every dataset with its licence, citation and source (${lang})`, () => {
      act(() => ui.setState({ lang }));
      for (const d of DATASETS) {
        const item = host.querySelector(`[data-testid="about-dataset-${d.id}"]`)?.textContent ?? '';
        expect(item).toContain(d.title[lang]);
        expect(item).toContain(d.attribution[lang]);
        expect(item).toContain(d.licence);
        expect(item).toContain(d.citation);
        expect(item).toContain(d.url);
      }
      expect(host.querySelector('[data-testid="about-onnx"]')?.textContent).toContain('Apache-2.0');
      for (const lib of ['React', 'd3-scale', 'zustand', 'KaTeX']) expect(text()).toContain(lib);
    });
  }

  it('carries the MIT notice of the poem compilation', () => {
    const poems = DATASETS.find((d) => d.id === 'tangHant')!;
    expect(host.querySelector('[data-testid="about-dataset-tangHant"] pre')?.textContent).toBe(poems.licenceNotice);
  });

  it('closes on Escape, and keeps the key from the page’s shortcuts', () => {
    let reachedWindow = false;
    const spy = (): void => void (reachedWindow = true);
    window.addEventListener('keydown', spy);
    const dialog = host.querySelector('[data-testid="about-dialog"]') as HTMLElement;
    act(() => dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', bubbles: true })));
    act(() => dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    window.removeEventListener('keydown', spy);
    expect(reachedWindow).toBe(false);
    expect(closed).toBe(1);
  });
});
