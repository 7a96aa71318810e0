import { describe, expect, it } from 'vitest';
import { appMenu, type MenuAction, type MenuSection } from './app-menu.js';

const items = (menu: readonly MenuSection[]) =>
  menu.flatMap((section) => section.entries.flatMap((entry) => (entry.type === 'item' ? [{ ...entry, section: section.label }] : [])));
const kinds = (menu: readonly MenuSection[]) => items(menu).map((entry) => entry.action.kind);
const normal = { kiosk: false, locked: false, startAtLogin: false };

describe('application menu', () => {
  it('puts the common operator actions on keyboard shortcuts that the renderer receives as commands', () => {
    const shortcuts = Object.fromEntries(items(appMenu(normal)).filter((e) => e.action.kind === 'ui').map((e) => [(e.action as Extract<MenuAction, { kind: 'ui' }>).command, e.accelerator]));
    expect(shortcuts).toEqual({ acknowledge: 'F8', silence: 'F9', 'open-trend': 'CmdOrCtrl+T', 'next-display': 'CmdOrCtrl+PageDown', 'previous-display': 'CmdOrCtrl+PageUp' });
  });

  it('never gives one shortcut two meanings', () => {
    for (const state of [normal, { ...normal, kiosk: true }, { kiosk: true, locked: true, startAtLogin: true }]) {
      const accelerators = items(appMenu(state)).flatMap((e) => (e.accelerator ? [e.accelerator] : []));
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });

  it('offers quit, opening a project, full screen, start at login and the logs outside kiosk mode', () => {
    expect(kinds(appMenu(normal))).toEqual(expect.arrayContaining(['quit', 'open-project', 'toggle-full-screen', 'start-at-login', 'open-log-folder', 'about', 'open-alarm-summary']));
    expect(items(appMenu(normal)).find((e) => e.action.kind === 'open-project')).toMatchObject({ label: 'Open project…', accelerator: 'CmdOrCtrl+O' });
    expect(kinds(appMenu(normal))).not.toContain('engineer-unlock');
    expect(items(appMenu({ ...normal, startAtLogin: true })).find((e) => e.action.kind === 'start-at-login')?.checked).toBe(true);
  });

  it('leaves a locked station nothing to quit, leave full screen or change start-up with; only an engineer unlock', () => {
    const locked = kinds(appMenu({ kiosk: true, locked: true, startAtLogin: true }));
    for (const escape of ['quit', 'open-project', 'toggle-full-screen', 'start-at-login', 'open-log-folder', 'kiosk-lock']) expect(locked).not.toContain(escape);
    expect(locked).toContain('engineer-unlock');
    expect(locked).toContain('ui');
  });

  it('lets an engineer who unlocked the station lock it again', () => {
    expect(kinds(appMenu({ kiosk: true, locked: false, startAtLogin: false }))).toEqual(expect.arrayContaining(['kiosk-lock', 'quit']));
  });
});
