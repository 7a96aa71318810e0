import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuAction, MenuSection } from './app-menu.js';
import { ENGINEER_UNLOCK_ACCELERATOR } from './app-menu.js';

/** Turns the menu model (app-menu.ts, tested) into Electron's menu; nothing is decided here. */
export function setDesktopMenu(sections: readonly MenuSection[], run: (action: MenuAction) => void): void {
  const template: MenuItemConstructorOptions[] = sections.map((section) => ({
    label: section.label,
    submenu: section.entries.map((entry): MenuItemConstructorOptions => {
      if (entry.type === 'separator') return { type: 'separator' };
      return {
        label: entry.label,
        ...(entry.accelerator ? { accelerator: entry.accelerator } : {}),
        // The unlock chord is caught in before-input-event (kiosk-keys.ts), where it works with the menu bar hidden.
        ...(entry.accelerator === ENGINEER_UNLOCK_ACCELERATOR ? { registerAccelerator: false } : {}),
        ...(entry.checked === undefined ? {} : { type: 'checkbox', checked: entry.checked }),
        click: () => run(entry.action),
      };
    }),
  }));
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
