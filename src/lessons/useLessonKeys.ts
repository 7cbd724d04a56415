/**
 * While a lesson is open, →/PageDown and ←/PageUp turn its pages and Esc leaves it. They are caught before the
 * page's own shortcuts (where ←/→ move the timestep), except while typing or dragging a slider — and not
 * while a dialog is open, which keeps its keys.
 */
import { useEffect } from 'react';
import { dispatchLesson, lessonStore } from './lessonStore.ts';
import { lessonKeyAction } from './player.ts';

function keepsKeys(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName.toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (el as HTMLElement).isContentEditable || el.closest('dialog, [role="dialog"]') !== null;
}

export function useLessonKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!lessonStore.getState().lesson || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
      if (keepsKeys(e.target instanceof Element ? e.target : null)) return;
      const action = lessonKeyAction(e.key);
      if (!action) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      dispatchLesson({ type: action });
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}
