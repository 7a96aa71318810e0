import { z } from 'zod';
import type { SavedPlacement } from './window-placement.js';

/** The main window's view; the others are the renderer's ?view= names (trend, alarms, display). */
export const MAIN_VIEW = 'main';

export interface WindowRecord {
  /** One window per view and layout: opening the same trend again focuses it. */
  readonly key: string;
  readonly view: string;
  readonly layout: string | null;
  readonly placement: SavedPlacement;
  /** Open when the app last stopped: reopened at the next start. */
  readonly open: boolean;
}

export interface WindowLayout {
  readonly windows: readonly WindowRecord[];
}

export const EMPTY_LAYOUT: WindowLayout = { windows: [] };

// Bounded, so a damaged or hand-edited file cannot open a thousand windows.
const MAX_RECORDS = 64;

const rect = z.strictObject({ x: z.number().finite(), y: z.number().finite(), width: z.number().finite().positive(), height: z.number().finite().positive() });
const layoutSchema = z.strictObject({
  version: z.literal(1),
  windows: z
    .array(
      z.strictObject({
        key: z.string().min(1).max(400),
        view: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
        layout: z.string().max(256).nullable(),
        placement: z.strictObject({ bounds: rect, displayId: z.number().int().nullable(), maximized: z.boolean(), fullScreen: z.boolean() }),
        open: z.boolean(),
      }),
    )
    .max(MAX_RECORDS),
});

export function windowKey(view: string, layout: string | null): string {
  return layout === null ? view : `${view}:${layout}`;
}

/** A file that is missing, damaged or from another version gives the default layout and says why. */
export function parseWindowLayout(text: string | null): { readonly layout: WindowLayout; readonly error: string | null } {
  if (text === null) return { layout: EMPTY_LAYOUT, error: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { layout: EMPTY_LAYOUT, error: 'window layout file is not JSON; windows open at their default places' };
  }
  const parsed = layoutSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { layout: EMPTY_LAYOUT, error: `window layout file: ${issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'unexpected content'}; windows open at their default places` };
  }
  return { layout: { windows: parsed.data.windows }, error: null };
}

export function serializeWindowLayout(layout: WindowLayout): string {
  return `${JSON.stringify({ version: 1, windows: layout.windows }, null, 2)}\n`;
}

/** A window was opened, moved, sized, maximised or made full screen. */
export function rememberWindow(layout: WindowLayout, window: Omit<WindowRecord, 'open'>): WindowLayout {
  const others = layout.windows.filter((w) => w.key !== window.key);
  const kept = others.length >= MAX_RECORDS ? dropOldestClosed(others) : others;
  return { windows: [...kept, { ...window, open: true }] };
}

/**
 * A window was closed. Windows closed by quitting stay marked open, so they
 * come back at the next start; the main window always does. Its placement is
 * kept either way, for when it is opened again.
 */
export function forgetWindow(layout: WindowLayout, key: string, quitting: boolean): WindowLayout {
  if (quitting || key === MAIN_VIEW) return layout;
  return { windows: layout.windows.map((w) => (w.key === key ? { ...w, open: false } : w)) };
}

/** What to open at start: the main window first (at its saved place, if any), then the others that were open. */
export function windowsToOpen(layout: WindowLayout): readonly { readonly view: string; readonly layout: string | null; readonly placement: SavedPlacement | null }[] {
  const main = layout.windows.find((w) => w.key === MAIN_VIEW);
  const others = layout.windows.filter((w) => w.open && w.key !== MAIN_VIEW);
  return [{ view: MAIN_VIEW, layout: null, placement: main?.placement ?? null }, ...others.map((w) => ({ view: w.view, layout: w.layout, placement: w.placement }))];
}

export function savedPlacement(layout: WindowLayout, key: string): SavedPlacement | null {
  return layout.windows.find((w) => w.key === key)?.placement ?? null;
}

function dropOldestClosed(windows: readonly WindowRecord[]): readonly WindowRecord[] {
  const index = windows.findIndex((w) => !w.open && w.key !== MAIN_VIEW);
  return index < 0 ? windows.slice(1) : [...windows.slice(0, index), ...windows.slice(index + 1)];
}
