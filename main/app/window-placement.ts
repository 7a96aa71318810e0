export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A monitor as the OS reports it now; the work area leaves out task bars and docks. */
export interface DisplayArea {
  readonly id: number;
  readonly workArea: Rect;
}

/** Where a window was when it was last moved, sized or closed. */
export interface SavedPlacement {
  readonly bounds: Rect;
  readonly displayId: number | null;
  readonly maximized: boolean;
  readonly fullScreen: boolean;
}

export interface Placement {
  readonly bounds: Rect;
  readonly displayId: number;
  readonly maximized: boolean;
  readonly fullScreen: boolean;
}

/** Small enough for a 1024x768 panel PC, large enough that the table and a trend still fit. */
export const MIN_WINDOW_SIZE = { width: 640, height: 400 } as const;

/**
 * Where to open a window, given where it was and the monitors there are now.
 * The window goes back to its monitor if that is still there, else to the
 * monitor it overlaps most, else to the primary one (a monitor unplugged since);
 * it is shrunk to fit and moved so that all of it is visible. Pure: Electron's
 * screen module only supplies the displays.
 */
export function placeWindow(saved: SavedPlacement | null, displays: readonly DisplayArea[], primaryId: number, defaultSize: { width: number; height: number }): Placement {
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0];
  if (!primary) {
    // No display reported (a headless session): keep what was saved; the OS places it.
    return { bounds: saved?.bounds ?? { x: 0, y: 0, ...defaultSize }, displayId: primaryId, maximized: saved?.maximized ?? false, fullScreen: saved?.fullScreen ?? false };
  }
  if (!saved) return { bounds: centred(defaultSize, primary.workArea), displayId: primary.id, maximized: false, fullScreen: false };

  const sameMonitor = displays.find((d) => d.id === saved.displayId);
  const target = sameMonitor ?? mostOverlapped(saved.bounds, displays);
  const maximized = saved.maximized;
  const fullScreen = saved.fullScreen;
  if (!target) return { bounds: centred(saved.bounds, primary.workArea), displayId: primary.id, maximized, fullScreen };
  return { bounds: clampInto(saved.bounds, target.workArea), displayId: target.id, maximized, fullScreen };
}

/** The display a window is mostly on: what to save as its monitor. */
export function displayOf(bounds: Rect, displays: readonly DisplayArea[]): DisplayArea | null {
  return mostOverlapped(bounds, displays);
}

function mostOverlapped(bounds: Rect, displays: readonly DisplayArea[]): DisplayArea | null {
  let best: DisplayArea | null = null;
  let bestArea = 0;
  for (const display of displays) {
    const area = overlap(bounds, display.workArea);
    if (area > bestArea) {
      best = display;
      bestArea = area;
    }
  }
  return best;
}

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function fitSize(size: { width: number; height: number }, area: Rect): { width: number; height: number } {
  const fit = (want: number, min: number, max: number) => Math.round(Math.min(Math.max(want, Math.min(min, max)), max));
  return { width: fit(size.width, MIN_WINDOW_SIZE.width, area.width), height: fit(size.height, MIN_WINDOW_SIZE.height, area.height) };
}

function clampInto(bounds: Rect, area: Rect): Rect {
  const { width, height } = fitSize(bounds, area);
  const x = Math.round(Math.min(Math.max(bounds.x, area.x), area.x + area.width - width));
  const y = Math.round(Math.min(Math.max(bounds.y, area.y), area.y + area.height - height));
  return { x, y, width, height };
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  const { width, height } = fitSize(size, area);
  return { x: Math.round(area.x + (area.width - width) / 2), y: Math.round(area.y + (area.height - height) / 2), width, height };
}
