import type { UiCommand } from './contract.js';

/**
 * The keys for the common operator actions, in Electron's accelerator syntax. The
 * desktop menu binds them; in a browser the page listens for the same keys itself,
 * so an operator's hands learn one set whichever shell the station runs.
 */
export const UI_SHORTCUTS: Readonly<Record<UiCommand, string>> = {
  acknowledge: 'F8',
  silence: 'F9',
  'open-trend': 'CmdOrCtrl+T',
  'next-display': 'CmdOrCtrl+PageDown',
  'previous-display': 'CmdOrCtrl+PageUp',
};

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** The command a key press means, modifiers exact (Ctrl+Shift+PageDown is not Ctrl+PageDown); `mac`: CmdOrCtrl is Cmd. */
export function shortcutCommand(press: KeyPress, mac: boolean): UiCommand | null {
  for (const [command, accelerator] of Object.entries(UI_SHORTCUTS) as [UiCommand, string][]) {
    if (matches(accelerator, press, mac)) return command;
  }
  return null;
}

function matches(accelerator: string, press: KeyPress, mac: boolean): boolean {
  const parts = accelerator.split('+');
  const key = parts.pop();
  const wants = new Set(parts);
  const command = wants.has('CmdOrCtrl');
  return (
    key !== undefined &&
    press.key.toLowerCase() === key.toLowerCase() &&
    press.ctrlKey === (command && !mac) &&
    press.metaKey === (command && mac) &&
    press.shiftKey === wants.has('Shift') &&
    press.altKey === wants.has('Alt')
  );
}
