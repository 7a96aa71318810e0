import type uPlot from 'uplot';

export interface ChartGestures {
  /** The time under the pointer, or null when it left the plot. */
  cursor(time: number | null): void;
  /** Wheel: factor below 1 zooms in, around `anchor`. */
  zoomAt(anchor: number, factor: number): void;
  /** A box dragged over the plot. */
  zoomTo(from: number, to: number): void;
  /** Shift-drag or middle-drag: the time the view moved since the drag began (negative: later data moves in). */
  pan(deltaMs: number, phase: 'start' | 'move'): void;
  goLive(): void;
}

/** Narrower than this a drag is a click, not a box. */
const MIN_BOX_PX = 4;
/** One wheel notch (deltaY about 100) zooms by about 15 %. */
const WHEEL_SCALE = 500;

/**
 * Mouse gestures on the plot, outside React: wheel zoom, box zoom (drag), pan (shift- or
 * middle-drag), double-click back to live, and the cursor time. uPlot draws the box and the
 * cursor line; what they mean is decided by the caller.
 */
export function attachChartInteraction(plot: uPlot, gestures: ChartGestures): () => void {
  const over = plot.over;
  let drag: { readonly mode: 'box' | 'pan'; readonly x: number; readonly pointer: number } | null = null;
  const timeAt = (px: number) => plot.posToVal(px, 'x');
  const msPerPx = () => (plot.scales.x!.max! - plot.scales.x!.min!) / Math.max(1, over.clientWidth);
  const localX = (event: PointerEvent | WheelEvent | MouseEvent) => event.clientX - over.getBoundingClientRect().left;

  const onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0 && event.button !== 1) return;
    event.preventDefault();
    over.setPointerCapture(event.pointerId);
    const mode = event.button === 1 || event.shiftKey ? 'pan' : 'box';
    drag = { mode, x: localX(event), pointer: event.pointerId };
    if (mode === 'pan') gestures.pan(0, 'start');
  };
  const onPointerMove = (event: PointerEvent) => {
    const x = localX(event);
    gestures.cursor(timeAt(x));
    if (drag === null || drag.pointer !== event.pointerId) return;
    if (drag.mode === 'pan') {
      gestures.pan(-(x - drag.x) * msPerPx(), 'move');
    } else {
      const left = Math.max(0, Math.min(drag.x, x));
      const right = Math.min(over.clientWidth, Math.max(drag.x, x));
      plot.setSelect({ left, width: right - left, top: 0, height: over.clientHeight }, false);
    }
  };
  const onPointerUp = (event: PointerEvent) => {
    if (drag === null || drag.pointer !== event.pointerId) return;
    const { mode, x: start } = drag;
    drag = null;
    if (mode !== 'box') return;
    plot.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
    const x = localX(event);
    if (Math.abs(x - start) >= MIN_BOX_PX) gestures.zoomTo(timeAt(Math.min(start, x)), timeAt(Math.max(start, x)));
  };
  const onPointerLeave = () => {
    if (drag === null) gestures.cursor(null);
  };
  const onWheel = (event: WheelEvent) => {
    event.preventDefault();
    gestures.zoomAt(timeAt(localX(event)), 2 ** (event.deltaY / WHEEL_SCALE));
  };
  const onDoubleClick = () => gestures.goLive();
  // The middle button would otherwise start the browser's autoscroll.
  const onAuxClick = (event: MouseEvent) => event.preventDefault();

  over.addEventListener('pointerdown', onPointerDown);
  over.addEventListener('pointermove', onPointerMove);
  over.addEventListener('pointerup', onPointerUp);
  over.addEventListener('pointercancel', onPointerUp);
  over.addEventListener('pointerleave', onPointerLeave);
  over.addEventListener('wheel', onWheel, { passive: false });
  over.addEventListener('dblclick', onDoubleClick);
  over.addEventListener('auxclick', onAuxClick);
  return () => {
    over.removeEventListener('pointerdown', onPointerDown);
    over.removeEventListener('pointermove', onPointerMove);
    over.removeEventListener('pointerup', onPointerUp);
    over.removeEventListener('pointercancel', onPointerUp);
    over.removeEventListener('pointerleave', onPointerLeave);
    over.removeEventListener('wheel', onWheel);
    over.removeEventListener('dblclick', onDoubleClick);
    over.removeEventListener('auxclick', onAuxClick);
  };
}
