import { describe, expect, it } from 'vitest';
import { kioskKeyDecision, type KeyInput } from './kiosk-keys.js';

const press = (key: string, mods: Partial<Omit<KeyInput, 'key' | 'type'>> = {}, type = 'keyDown'): KeyInput => ({ type, key, control: false, alt: false, shift: false, meta: false, ...mods });

describe('keys on a station locked in kiosk mode', () => {
  it('swallows every way out: close, quit, reload, full screen, zoom, developer tools, the menu bar', () => {
    const escapes = [
      press('F4', { alt: true }),
      press('w', { control: true }),
      press('q', { control: true }),
      press('F4', { control: true }),
      press('r', { control: true }),
      press('R', { control: true, shift: true }),
      press('F5'),
      press('F11'),
      press('F12'),
      press('I', { control: true, shift: true }),
      press('=', { control: true }),
      press('-', { control: true }),
      press('0', { control: true }),
      press('p', { control: true }),
      press('n', { control: true }),
      press('Alt', { alt: true }),
      press('BrowserBack'),
    ];
    for (const input of escapes) expect([input.key, kioskKeyDecision(input, true)]).toEqual([input.key, 'block']);
  });

  it('lets the operator’s own shortcuts and typing through', () => {
    for (const input of [press('F8'), press('F9'), press('t', { control: true }), press('PageDown', { control: true }), press('a'), press('5'), press('Enter'), press('Escape'), press('c', { control: true }), press('v', { control: true })]) {
      expect([input.key, kioskKeyDecision(input, true)]).toEqual([input.key, 'allow']);
    }
  });

  it('asks for an engineer unlock on Ctrl+Shift+U, once per press', () => {
    expect(kioskKeyDecision(press('U', { control: true, shift: true }), true)).toBe('unlock');
    expect(kioskKeyDecision(press('U', { control: true, shift: true }, 'keyUp'), true)).toBe('block');
  });

  it('leaves an unlocked station alone', () => {
    expect(kioskKeyDecision(press('F4', { alt: true }), false)).toBe('allow');
    expect(kioskKeyDecision(press('U', { control: true, shift: true }), false)).toBe('allow');
  });
});
