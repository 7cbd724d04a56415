/**
 * Keyboard shortcuts: a pure key → action table (also what the "?" overlay lists) and the hook that
 * installs it on the window.
 */
import { useEffect } from 'react';
import type { TrainerControls } from '../contracts/runControls.ts';
import type { UiStore } from '../store/uiStore.ts';
import type { AppStore } from '../store/appStore.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { moveTimestep, toggleShortcuts } from '../store/actions.ts';

export type ShortcutAction = 'toggle' | 'step' | 'prevT' | 'nextT' | 'reset' | 'help' | 'close';

export interface Shortcut {
  action: ShortcutAction;
  /** KeyboardEvent.key values. */
  keys: readonly string[];
  /** How the key is written in the overlay. */
  label: string;
  description: MessageKey;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'toggle', keys: [' '], label: 'Space', description: 'shortcut.toggle' },
  { action: 'step', keys: ['s', 'S'], label: 'S', description: 'shortcut.step' },
  { action: 'prevT', keys: ['ArrowLeft'], label: '←', description: 'shortcut.prevT' },
  { action: 'nextT', keys: ['ArrowRight'], label: '→', description: 'shortcut.nextT' },
  { action: 'reset', keys: ['r', 'R'], label: 'R', description: 'shortcut.reset' },
  { action: 'help', keys: ['?'], label: '?', description: 'shortcut.help' },
  { action: 'close', keys: ['Escape'], label: 'Esc', description: 'shortcut.close' },
];

/** The parts of a KeyboardEvent that decide the action (a plain object in tests). */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
  /** A focused control (e.g. a heatmap's cell cursor) already acted on the key. */
  defaultPrevented?: boolean;
}

interface ElementLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
}

/** Typing into a field (text, number, select…) keeps every key to itself. */
export function isEditing(el: ElementLike): boolean {
  const tag = el.tagName?.toUpperCase();
  return el.isContentEditable === true || tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** A focused slider uses only the arrow keys; Space, S, R still work after dragging one. */
function isSlider(el: ElementLike): boolean {
  return el.tagName?.toUpperCase() === 'INPUT' && el.type === 'range';
}

/** Space and Enter already click a focused button or link; acting on them too would toggle twice. */
function activatesOnSpace(el: ElementLike): boolean {
  const tag = el.tagName?.toUpperCase();
  return tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY';
}

export function actionForKey(e: KeyInput, overlayOpen: boolean): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return null;
  const el = (e.target ?? {}) as ElementLike;
  if (isSlider(el)) {
    if (e.key.startsWith('Arrow')) return null;
  } else if (isEditing(el) && e.key !== 'Escape') return null;
  if (e.key === ' ' && activatesOnSpace(el)) return null;
  const hit = SHORTCUTS.find((s) => s.keys.includes(e.key));
  if (!hit) return null;
  // While the overlay is open only the keys that close it act, as in any dialog.
  if (overlayOpen && hit.action !== 'help' && hit.action !== 'close') return null;
  if (!overlayOpen && hit.action === 'close') return null;
  return hit.action;
}

function runShortcut(action: ShortcutAction, store: AppStore, ui: UiStore, client: TrainerControls, T: () => number): void {
  switch (action) {
    case 'toggle':
      client.toggle();
      return;
    case 'step':
      client.step(1);
      return;
    case 'prevT':
      moveTimestep(store, -1, T());
      return;
    case 'nextT':
      moveTimestep(store, 1, T());
      return;
    case 'reset':
      client.reset();
      return;
    case 'help':
      toggleShortcuts(ui);
      return;
    case 'close':
      toggleShortcuts(ui, false);
      return;
  }
}

/** Installs the shortcuts on the window for as long as the component is mounted. */
export function useShortcuts(store: AppStore, ui: UiStore, client: TrainerControls, T: () => number): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const action = actionForKey(e, ui.getState().showShortcuts);
      if (!action) return;
      e.preventDefault();
      runShortcut(action, store, ui, client, T);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, ui, client, T]);
}
