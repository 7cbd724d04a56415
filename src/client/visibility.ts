/**
 * Whether a panel is on screen, from an IntersectionObserver on its frame: views inside it are updated only
 * now and then while it is scrolled away, and catch up as soon as it comes back. Outside a panel (or without
 * the observer, as in jsdom) everything counts as visible.
 */
import { createContext, useContext, useEffect, useState, type RefObject } from 'react';

export interface Visibility {
  isVisible(): boolean;
  /** Called when the panel comes (back) on screen. */
  onShow(cb: () => void): () => void;
}

const ALWAYS: Visibility = { isVisible: () => true, onShow: () => () => undefined };

export const VisibilityContext = createContext<Visibility>(ALWAYS);

export function useVisibility(): Visibility {
  return useContext(VisibilityContext);
}

class ObservedVisibility implements Visibility {
  visible = true;
  private readonly listeners = new Set<() => void>();
  isVisible(): boolean {
    return this.visible;
  }
  onShow(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }
  set(visible: boolean): void {
    const shown = visible && !this.visible;
    this.visible = visible;
    if (shown) this.listeners.forEach((l) => l());
  }
}

/** The visibility of the element `ref` points at (a margin ahead, so a panel is ready as it scrolls in). */
export function useObservedVisibility(ref: RefObject<Element | null>): Visibility {
  const [vis] = useState(() => new ObservedVisibility());
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver !== 'function') return undefined;
    const io = new IntersectionObserver((entries) => vis.set(entries.some((e) => e.isIntersecting)), { rootMargin: '200px' });
    io.observe(el);
    return () => {
      io.disconnect();
      vis.set(true);
    };
  }, [ref, vis]);
  return vis;
}
