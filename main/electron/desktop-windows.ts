import { BrowserWindow, screen, type WebContents } from 'electron';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Log } from '../api/sample-source.js';
import { forgetWindow, MAIN_VIEW, parseWindowLayout, rememberWindow, savedPlacement, serializeWindowLayout, windowKey, windowsToOpen, type WindowLayout } from '../app/window-layout.js';
import { displayOf, placeWindow, type DisplayArea, type SavedPlacement } from '../app/window-placement.js';
import { viewUrl, WEB_PREFERENCES } from './security-policy.js';

export interface DesktopWindowsOptions {
  /** <userData>/window-layout.json */
  readonly layoutFile: string;
  readonly preload: string;
  readonly log: Log;
  /** Called once per window, to wire its page loads to the core. */
  readonly onContents: (contents: WebContents) => void;
}

const DEFAULT_SIZE = { width: 1440, height: 900 };
const SAVE_DELAY_MS = 1000;
const TITLES: Record<string, string> = { main: 'Tidewatch', trend: 'Trend', alarms: 'Alarm summary', display: 'Display' };

/**
 * The app's windows: one per view and layout, each placed where it was (see
 * window-placement.ts), saved soon after every move so a power cut loses
 * little, and reopened at the next start. In kiosk mode every window is a
 * kiosk window on its own monitor, and a locked one cannot be closed.
 */
export class DesktopWindows {
  private layout: WindowLayout;
  private readonly windows = new Map<string, BrowserWindow>();
  private locked = false;
  private quitting = false;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: DesktopWindowsOptions) {
    const { layout, error } = parseWindowLayout(readIfExists(options.layoutFile));
    if (error) options.log('warning', error);
    this.layout = layout;
  }

  restore(): void {
    for (const window of windowsToOpen(this.layout)) this.open(window.view, window.layout);
  }

  /** Opens a view in its own window, or brings forward the one already showing it. */
  open(view: string, layout: string | null): BrowserWindow {
    const key = windowKey(view, layout);
    const existing = this.windows.get(key);
    if (existing && !existing.isDestroyed()) {
      if (existing.isMinimized()) existing.restore();
      existing.focus();
      return existing;
    }
    const placement = placeWindow(savedPlacement(this.layout, key), displays(), screen.getPrimaryDisplay().id, DEFAULT_SIZE);
    const window = new BrowserWindow({
      ...placement.bounds,
      show: false,
      title: layout ? `${TITLES[view] ?? view}: ${layout}` : (TITLES[view] ?? view),
      backgroundColor: '#0f141a',
      kiosk: this.locked,
      webPreferences: { ...WEB_PREFERENCES, preload: this.options.preload },
    });
    if (placement.maximized) window.maximize();
    if (placement.fullScreen && !this.locked) window.setFullScreen(true);
    window.once('ready-to-show', () => window.show());
    this.windows.set(key, window);
    const remember = () => this.remember(key, view, layout, window);
    window.on('moved', remember);
    window.on('resized', remember);
    window.on('maximize', remember);
    window.on('unmaximize', remember);
    window.on('enter-full-screen', remember);
    window.on('leave-full-screen', remember);
    window.on('close', (event) => {
      if (this.locked && !this.quitting) {
        event.preventDefault();
        this.options.log('warning', `refused to close the ${view} window: the station is locked in kiosk mode`);
        return;
      }
      this.remember(key, view, layout, window);
      this.layout = forgetWindow(this.layout, key, this.quitting);
      this.scheduleSave();
    });
    window.once('closed', () => {
      if (this.windows.get(key) === window) this.windows.delete(key);
    });
    this.options.onContents(window.webContents);
    void window.loadURL(viewUrl(view, layout));
    remember();
    return window;
  }

  main(): BrowserWindow | undefined {
    return this.windows.get(MAIN_VIEW);
  }

  /** The window a menu command is for: the focused one, else the main one. */
  target(): BrowserWindow | undefined {
    const focused = BrowserWindow.getFocusedWindow();
    return focused && [...this.windows.values()].includes(focused) ? focused : this.main();
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    for (const window of this.windows.values()) {
      window.setKiosk(locked);
      window.setClosable(!locked);
    }
  }

  /** From before-quit on: windows that close now are reopened at the next start, and a lock no longer holds them. */
  beginQuit(): void {
    this.quitting = true;
  }

  /** Writes the layout now (at will-quit); atomic, so a crash mid-write keeps the previous file. */
  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const temporary = `${this.options.layoutFile}.tmp`;
    try {
      writeFileSync(temporary, serializeWindowLayout(this.layout));
      renameSync(temporary, this.options.layoutFile);
    } catch (error) {
      this.options.log('warning', `could not save the window layout to ${this.options.layoutFile}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private remember(key: string, view: string, layout: string | null, window: BrowserWindow): void {
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    // Kiosk is a mode of the station, not of the window: it is not saved as the window's full screen.
    const placement: SavedPlacement = { bounds, displayId: displayOf(bounds, displays())?.id ?? null, maximized: window.isMaximized(), fullScreen: window.isFullScreen() && !window.isKiosk() };
    this.layout = rememberWindow(this.layout, { key, view, layout, placement });
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
  }
}

function displays(): DisplayArea[] {
  return screen.getAllDisplays().map((d) => ({ id: d.id, workArea: d.workArea }));
}

function readIfExists(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
