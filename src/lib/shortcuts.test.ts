import { describe, expect, it } from 'vitest';
import { isTypingTarget, matchShortcut, SHORTCUTS, type KeyPress } from './shortcuts';

const press = (over: Partial<KeyPress>): KeyPress => ({
  key: '',
  code: '',
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  typing: false,
  ...over,
});

describe('matchShortcut', () => {
  it('reads the bare-character shortcuts outside text fields', () => {
    expect(matchShortcut(press({ key: '/', code: 'Slash' }))?.id).toBe('focus-input');
    expect(matchShortcut(press({ key: '?', code: 'Slash', shiftKey: true }))?.id).toBe('help');
  });

  it('never takes a bare character from someone typing, or one with Ctrl, Meta or Alt', () => {
    expect(matchShortcut(press({ key: '/', typing: true }))).toBeNull();
    expect(matchShortcut(press({ key: '?', shiftKey: true, typing: true }))).toBeNull();
    expect(matchShortcut(press({ key: '/', ctrlKey: true }))).toBeNull();
    expect(matchShortcut(press({ key: '/', metaKey: true }))).toBeNull();
    expect(matchShortcut(press({ key: '/', altKey: true }))).toBeNull();
  });

  it('reads Alt+Shift shortcuts by physical key, in text fields too (macOS Option changes the key)', () => {
    expect(matchShortcut(press({ key: 'X', code: 'KeyX', altKey: true, shiftKey: true, typing: true }))?.id).toBe('clear-paste');
    expect(matchShortcut(press({ key: 'Ç', code: 'KeyC', altKey: true, shiftKey: true }))?.id).toBe('copy-summary');
  });

  it('leaves plain letters, Ctrl+C and IME composition alone', () => {
    expect(matchShortcut(press({ key: 'c', code: 'KeyC' }))).toBeNull();
    expect(matchShortcut(press({ key: 'c', code: 'KeyC', ctrlKey: true }))).toBeNull();
    expect(matchShortcut(press({ key: 'C', code: 'KeyC', altKey: true, shiftKey: true, ctrlKey: true }))).toBeNull();
    expect(matchShortcut(press({ key: 'C', code: 'KeyC', altKey: true }))).toBeNull();
    expect(matchShortcut(press({ key: '/', isComposing: true }))).toBeNull();
  });

  it('gives every shortcut a distinct id and keys to show', () => {
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length);
    for (const s of SHORTCUTS) expect(s.keys.length).toBeGreaterThan(0);
  });
});

describe('isTypingTarget', () => {
  it('knows text fields from buttons and checkboxes', () => {
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
