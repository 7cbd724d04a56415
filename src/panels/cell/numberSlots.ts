/**
 * The numbers inside a line typeset from partsToTemplate: found once per typesetting, then rewritten in place
 * (text nodes only) for every new frame, so an update costs a few text changes instead of a new KaTeX tree.
 */
import { shortNumber, withMinus } from './format.ts';

export interface NumberSlot {
  /** The slot's element: carries data-full (the tooltip's value). */
  el: HTMLElement;
  /** Text nodes the digits are written to (a text change, not a node swap). */
  mantissa: Text;
  exponent: Text | null;
}

/** Replaces a slot part's placeholder with a text node to write into. */
function textIn(el: HTMLElement): Text {
  const text = document.createTextNode('');
  el.replaceChildren(text);
  return text;
}

/** The slots of a typeset template, in the order of the line's numbers. */
export function findSlots(root: ParentNode): NumberSlot[] {
  return [...root.querySelectorAll<HTMLElement>('[data-full]')].map((el) => {
    const exponent = el.querySelector<HTMLElement>('[data-e]');
    return { el, mantissa: textIn(el.querySelector<HTMLElement>('[data-m]') ?? el), exponent: exponent && textIn(exponent) };
  });
}

/** Only a changed text needs layout: most short forms stay the same from one frame to the next. */
function write(node: Text, text: string): void {
  if (node.data !== text) node.data = text;
}

/** Writes the values into the slots (the template fixed which ones have a power of ten). */
export function fillSlots(slots: readonly NumberSlot[], values: readonly number[]): void {
  slots.forEach((slot, k) => {
    const s = shortNumber(values[k]);
    slot.el.dataset.full = String(values[k]);
    write(slot.mantissa, s.mantissa);
    if (slot.exponent) write(slot.exponent, withMinus(String(s.exponent ?? 0)));
  });
}
