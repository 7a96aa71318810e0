import { describe, expect, it } from 'vitest';
import { shortcutCommand } from './ui-shortcuts.js';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('shortcutCommand', () => {
  it('reads the function keys and the Ctrl chords the menu shows', () => {
    expect(shortcutCommand(press('F8'), false)).toBe('acknowledge');
    expect(shortcutCommand(press('F9'), false)).toBe('silence');
    expect(shortcutCommand(press('PageDown', { ctrlKey: true }), false)).toBe('next-display');
    expect(shortcutCommand(press('PageUp', { ctrlKey: true }), false)).toBe('previous-display');
    expect(shortcutCommand(press('t', { ctrlKey: true }), false)).toBe('open-trend');
  });

  it('takes Cmd for CmdOrCtrl on a Mac, and not Ctrl there', () => {
    expect(shortcutCommand(press('PageDown', { metaKey: true }), true)).toBe('next-display');
    expect(shortcutCommand(press('PageDown', { ctrlKey: true }), true)).toBeNull();
  });

  it('ignores a key without its chord, or with a modifier more', () => {
    expect(shortcutCommand(press('PageDown'), false)).toBeNull();
    expect(shortcutCommand(press('PageDown', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(shortcutCommand(press('F8', { altKey: true }), false)).toBeNull();
    expect(shortcutCommand(press('a'), false)).toBeNull();
  });
});
