// @vitest-environment jsdom
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import type { Part } from './equations.ts';
import { fmt } from './format.ts';
import { KATEX_OPTIONS } from './katex.ts';
import { partsToTemplate } from './mathText.ts';
import { fillSlots, findSlots } from './numberSlots.ts';

function typeset(parts: Part[]): HTMLElement {
  const el = document.createElement('span');
  el.innerHTML = katex.renderToString(partsToTemplate(parts), { ...KATEX_OPTIONS, throwOnError: true });
  return el;
}

const values = (parts: Part[]) => parts.flatMap((p) => (typeof p === 'string' ? [] : [p.v]));
/** What a slot reads as text: the short form, its power of ten typeset as a KaTeX superscript (3.2×10⁻⁴ → 3.2×10−4). */
const SUPER_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const slotText = (v: number) => fmt(v).replace(/[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => (c === '⁻' ? '−' : String(SUPER_DIGITS.indexOf(c))));

describe('number slots', () => {
  const parts: Part[] = ['c_t = ', { v: -0.351 }, '\\cdot ', { v: 3.21e-4 }, ' + ', { v: 12.34 }, ' = ', { v: -2.5e-7 }];

  it('typeset a template once and show each number, with a power of ten where it needs one', () => {
    const el = typeset(parts);
    const slots = findSlots(el);
    expect(slots).toHaveLength(4);
    fillSlots(slots, values(parts));
    expect(slots.map((s) => s.el.textContent)).toEqual(values(parts).map(slotText));
    expect(slots.map((s) => Number(s.el.dataset.full))).toEqual(values(parts));
    expect(el.textContent).toContain('−0.35');
  });

  it('keep the template while only the digits change, and rewrite only what changed', () => {
    const next: Part[] = ['c_t = ', { v: -0.42 }, '\\cdot ', { v: 7.7e-3 }, ' + ', { v: 12.34 }, ' = ', { v: -9.1e-6 }];
    expect(partsToTemplate(next)).toBe(partsToTemplate(parts));
    expect(partsToTemplate([...parts.slice(0, 7), { v: 0.5 }])).not.toBe(partsToTemplate(parts));
    const el = typeset(parts);
    const slots = findSlots(el);
    fillSlots(slots, values(parts));
    const kept = slots[1].el.querySelector('[data-m]')?.firstChild;
    fillSlots(slots, values(next));
    expect(slots.map((s) => s.el.textContent)).toEqual(values(next).map(slotText));
    expect(slots[1].el.querySelector('[data-m]')?.firstChild).toBe(kept);
  });

  it('leave a number whose short form is unchanged alone (no layout for it)', () => {
    const el = typeset(parts);
    const slots = findSlots(el);
    fillSlots(slots, values(parts));
    const observer = new MutationObserver(() => {});
    observer.observe(el, { characterData: true, childList: true, subtree: true });
    fillSlots(slots, [-0.352, 3.24e-4, 12.31, -2.5e-7]);
    expect(observer.takeRecords()).toEqual([]);
    fillSlots(slots, [-0.352, 3.24e-4, 12.31, -2.6e-7]);
    expect(observer.takeRecords().map((r) => r.target.textContent)).toEqual(['−2.6']);
    observer.disconnect();
    expect(slots[0].el.dataset.full).toBe('-0.352');
  });
});
