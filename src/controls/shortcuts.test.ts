import { describe, expect, it } from 'vitest';
import { actionForKey, SHORTCUTS, type KeyInput } from './shortcuts.ts';

const key = (k: string, target: object | null = { tagName: 'BODY' }, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: target as EventTarget | null,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('maps the documented keys', () => {
    expect(actionForKey(key(' '), false)).toBe('toggle');
    expect(actionForKey(key('s'), false)).toBe('step');
    expect(actionForKey(key('S'), false)).toBe('step');
    expect(actionForKey(key('ArrowLeft'), false)).toBe('prevT');
    expect(actionForKey(key('ArrowRight'), false)).toBe('nextT');
    expect(actionForKey(key('r'), false)).toBe('reset');
    expect(actionForKey(key('?'), false)).toBe('help');
    expect(actionForKey(key('Escape'), true)).toBe('close');
    expect(actionForKey(key('x'), false)).toBeNull();
  });

  it('leaves keys alone while typing', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT']) {
      expect(actionForKey(key('s', { tagName }), false)).toBeNull();
      expect(actionForKey(key(' ', { tagName }), false)).toBeNull();
    }
    expect(actionForKey(key('r', { tagName: 'DIV', isContentEditable: true }), false)).toBeNull();
  });

  it('lets a focused slider keep its arrows but not Space', () => {
    const slider = { tagName: 'INPUT', type: 'range' };
    expect(actionForKey(key('ArrowLeft', slider), false)).toBeNull();
    expect(actionForKey(key(' ', slider), false)).toBe('toggle');
  });

  it('does not double-toggle when Space clicks a focused button', () => {
    expect(actionForKey(key(' ', { tagName: 'BUTTON' }), false)).toBeNull();
    expect(actionForKey(key('s', { tagName: 'BUTTON' }), false)).toBe('step');
  });

  it('ignores key combinations used by the browser', () => {
    expect(actionForKey(key('r', undefined, { ctrlKey: true }), false)).toBeNull();
    expect(actionForKey(key('s', undefined, { metaKey: true }), false)).toBeNull();
  });

  it('only closes while the overlay is open', () => {
    expect(actionForKey(key(' '), true)).toBeNull();
    expect(actionForKey(key('?'), true)).toBe('help');
    expect(actionForKey(key('Escape'), false)).toBeNull();
  });

  it('lists every action once', () => {
    expect(new Set(SHORTCUTS.map((s) => s.action)).size).toBe(SHORTCUTS.length);
  });
});
