import type { ServerEvent, UiCommand } from '../../shared/contract.js';
import { UI_SHORTCUTS } from '../../shared/ui-shortcuts.js';

export type { UiCommand };
export type UiCommandEvent = Extract<ServerEvent, { type: 'command' }>;

/** What a menu item does; the shell maps each to one call. */
export type MenuAction =
  | { readonly kind: 'ui'; readonly command: UiCommand }
  | { readonly kind: 'open-project' }
  | { readonly kind: 'open-alarm-summary' }
  | { readonly kind: 'toggle-full-screen' }
  | { readonly kind: 'start-at-login' }
  | { readonly kind: 'open-log-folder' }
  | { readonly kind: 'engineer-unlock' }
  | { readonly kind: 'kiosk-lock' }
  | { readonly kind: 'about' }
  | { readonly kind: 'quit' };

export type MenuEntry =
  | { readonly type: 'item'; readonly label: string; readonly action: MenuAction; readonly accelerator?: string; readonly checked?: boolean }
  | { readonly type: 'separator' };

export interface MenuSection {
  readonly label: string;
  readonly entries: readonly MenuEntry[];
}

export interface MenuState {
  /** In kiosk mode at all (--kiosk or the project's setting). */
  readonly kiosk: boolean;
  /** In kiosk mode and not unlocked by an engineer. */
  readonly locked: boolean;
  readonly startAtLogin: boolean;
}

/** Shown in the menu and caught while locked (kiosk-keys.ts), so it works with the menu bar hidden. */
export const ENGINEER_UNLOCK_ACCELERATOR = 'CmdOrCtrl+Shift+U';

const item = (label: string, action: MenuAction, accelerator?: string): MenuEntry => ({ type: 'item', label, action, ...(accelerator ? { accelerator } : {}) });
const ui = (label: string, command: UiCommand) => item(label, { kind: 'ui', command }, UI_SHORTCUTS[command]);
const separator: MenuEntry = { type: 'separator' };

/**
 * The application menu as data. Acknowledge and silence sit on single
 * function keys (reachable with gloves, no chord); nothing on a locked
 * station lets the operator quit, open another project, leave full screen or
 * change how Tidewatch starts.
 */
export function appMenu(state: MenuState): readonly MenuSection[] {
  const station: MenuEntry[] = [];
  if (state.locked) station.push(item('Engineer unlock…', { kind: 'engineer-unlock' }, ENGINEER_UNLOCK_ACCELERATOR));
  else if (state.kiosk) station.push(item('Lock the station', { kind: 'kiosk-lock' }));
  if (!state.locked) {
    if (station.length > 0) station.push(separator);
    station.push(item('Open project…', { kind: 'open-project' }, 'CmdOrCtrl+O'), separator);
    station.push({ type: 'item', label: 'Start Tidewatch at login', action: { kind: 'start-at-login' }, checked: state.startAtLogin });
    station.push(item('Open the log folder', { kind: 'open-log-folder' }));
    station.push(separator, item('Quit Tidewatch', { kind: 'quit' }, 'CmdOrCtrl+Q'));
  }
  const view: MenuEntry[] = [
    ui('Open a trend window', 'open-trend'),
    item('Open the alarm summary window', { kind: 'open-alarm-summary' }, 'CmdOrCtrl+Shift+A'),
    separator,
    ui('Next display', 'next-display'),
    ui('Previous display', 'previous-display'),
  ];
  if (!state.locked) view.push(separator, item('Full screen', { kind: 'toggle-full-screen' }, 'F11'));
  return [
    { label: 'Station', entries: station },
    { label: 'Alarms', entries: [ui('Acknowledge', 'acknowledge'), ui('Silence the horn', 'silence')] },
    { label: 'View', entries: view },
    { label: 'Help', entries: [item('About Tidewatch', { kind: 'about' })] },
  ];
}
