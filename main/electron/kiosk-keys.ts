/** The fields of Electron's before-input-event Input that matter here. */
export interface KeyInput {
  readonly type: string;
  readonly key: string;
  readonly control: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  readonly meta: boolean;
}

export type KioskKeyDecision = 'allow' | 'block' | 'unlock';

/**
 * Whether an engineer may leave kiosk mode now: the users/roles service
 * decides (a logged-in engineer, or a fresh engineer login); the shell only
 * asks. Injected, so the shell holds no idea of users or passwords.
 */
export type EngineerUnlock = () => Promise<{ readonly ok: true; readonly user: string } | { readonly ok: false; readonly reason: string }>;

// Keys Chromium or the OS window manager would act on: close, reload, zoom, developer tools,
// full screen, print, and the lone Alt that shows a hidden menu bar on Windows and Linux.
const BLOCKED_ALONE = new Set(['F5', 'F11', 'F12', 'Alt', 'BrowserBack', 'BrowserForward', 'BrowserRefresh']);
const BLOCKED_WITH_CTRL = new Set(['w', 'q', 'r', 'n', 'p', 'o', 's', 'f4', 'tab', '+', '=', '-', '_', '0']);
const BLOCKED_WITH_CTRL_SHIFT = new Set(['i', 'j', 'c', 'r', 'w', 'n', 'delete']);
// Alt+F4 closes; Alt+Space opens the window menu; Alt+Left/Right navigate back and forward.
const ALT_MOVES = new Set(['f4', ' ', 'arrowleft', 'arrowright']);

/**
 * What a key does on a station locked in kiosk mode: the operator's own
 * shortcuts (function keys, Ctrl+T, Ctrl+Page Up/Down) pass; anything that
 * would leave, close, reload or inspect the app is swallowed; Ctrl+Shift+U
 * asks for an engineer unlock. An unlocked station is left alone.
 */
export function kioskKeyDecision(input: KeyInput, locked: boolean): KioskKeyDecision {
  if (!locked) return 'allow';
  const key = input.key.toLowerCase();
  const ctrl = input.control || input.meta;
  if (ctrl && input.shift && key === 'u') return input.type === 'keyDown' ? 'unlock' : 'block';
  if (BLOCKED_ALONE.has(input.key)) return 'block';
  if (input.alt && ALT_MOVES.has(key)) return 'block';
  if (ctrl && (input.shift ? BLOCKED_WITH_CTRL_SHIFT : BLOCKED_WITH_CTRL).has(key)) return 'block';
  return 'allow';
}
