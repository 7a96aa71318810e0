import { StatusCode } from '../../../shared/status-code.js';
import { LiveStore } from '../../../renderer/src/live/live-store.js';
import { ManualFrameScheduler } from '../../../renderer/src/test-support/manual-frame-scheduler.js';
import type { ChartAxis, ChartPen } from '../../../renderer/src/trend/chart-options.js';
import { PenReadouts } from '../../../renderer/src/trend/pen-readouts.js';
import { TrendChart } from '../../../renderer/src/trend/trend-chart.js';
import { SAMPLE_MS, signalValue } from './synthetic-signal.js';

const SPAN_MS = 10_000;
const FRAME_MS = 1000 / 60;
const FRAMES = 900;

const PENS: ChartPen[] = [
  { tagId: 'check/fast', tagIndex: 0, color: '#56b4e9', stepped: false, visible: true, axis: 'mm/s', connectionId: 'check' },
  { tagId: 'check/slow', tagIndex: 1, color: '#e69f00', stepped: false, visible: true, axis: 'mm/s', connectionId: 'check' },
  { tagId: 'check/state', tagIndex: 2, color: '#3fd0a4', stepped: true, visible: true, axis: 'on/off', connectionId: 'check' },
];
// Fixed scales: an automatic range that moves repaints everything and would hide a partial-redraw fault.
const AXES: ChartAxis[] = [
  { axis: 'mm/s', scaling: { mode: 'fixed', min: 0, max: 160 } },
  { axis: 'on/off', scaling: { mode: 'fixed', min: -0.2, max: 1.2 } },
];

/**
 * The chart's frame-by-frame drawing against a redraw from scratch of the same state: a 100 Hz
 * pen, a 1 Hz pen with bad samples (gaps and held values), and a boolean drawn in steps, on a
 * live 10 s window that slides a few columns every frame.
 */
export async function incrementalCheck(host: HTMLElement): Promise<{ drawn: number; differing: number; frames: number }> {
  host.replaceChildren();
  let now = Date.UTC(2026, 0, 1, 12);
  const scheduler = new ManualFrameScheduler();
  const live = new LiveStore(scheduler, { now: () => now });
  const chart = new TrendChart(host, {
    live,
    scheduler,
    now: () => now,
    view: () => ({ mode: 'live', spanMs: SPAN_MS }),
    canHold: () => true,
    history: { series: () => undefined, want: () => {} },
    readouts: new PenReadouts(),
    gestures: { zoomAt: () => {}, zoomTo: () => {}, pan: () => {}, goLive: () => {} },
  });
  chart.setPens(PENS, AXES);
  scheduler.runFrame();
  let k = Math.floor(now / SAMPLE_MS);
  for (let frame = 0; frame < FRAMES; frame++) {
    now += FRAME_MS;
    const tag: number[] = [];
    const time: number[] = [];
    const value: number[] = [];
    const status: number[] = [];
    for (; k * SAMPLE_MS <= now; k++) {
      const t = k * SAMPLE_MS;
      tag.push(0);
      time.push(t);
      value.push(signalValue(0, k));
      status.push(StatusCode.Good);
      if (k % 100 === 0) {
        tag.push(1);
        time.push(t);
        value.push(signalValue(1, k));
        status.push(k % 700 === 0 ? StatusCode.BadSensorFailure : StatusCode.Good);
      }
      if (k % 230 === 0) {
        tag.push(2);
        time.push(t);
        value.push(Math.floor(k / 230) % 2);
        status.push(StatusCode.Good);
      }
    }
    live.append({ count: tag.length, tag: Uint32Array.from(tag), time: Float64Array.from(time), value: Float64Array.from(value), status: Uint32Array.from(status) });
    scheduler.runFrame();
    // uPlot commits its first layout in a microtask; the series layer is placed by it.
    if (frame === 0) await Promise.resolve();
  }
  const canvas = host.querySelector<HTMLCanvasElement>('canvas.trend-series')!;
  const pixels = () => canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  const incremental = pixels();
  chart.setPens([...PENS], [...AXES]);
  scheduler.runFrame();
  const full = pixels();
  let drawn = 0;
  let differing = 0;
  for (let i = 3; i < full.length; i += 4) {
    if (full[i]! > 0) drawn++;
    if (!samePixel(full, incremental, i - 3)) differing++;
  }
  chart.dispose();
  live.dispose();
  return { drawn, differing, frames: FRAMES };
}

/**
 * The rasteriser anti-aliases a line clipped to a stretch a shade differently from the whole
 * line, so a faint edge pixel may differ by a few levels; a missing or misplaced line differs
 * by its full opacity. Colour is compared only where a pixel is more than faint.
 */
const TOLERANCE = 64;

function samePixel(a: Uint8ClampedArray, b: Uint8ClampedArray, i: number): boolean {
  if (Math.abs(a[i + 3]! - b[i + 3]!) > TOLERANCE) return false;
  if (a[i + 3]! < TOLERANCE || b[i + 3]! < TOLERANCE) return true;
  return Math.abs(a[i]! - b[i]!) <= TOLERANCE && Math.abs(a[i + 1]! - b[i + 1]!) <= TOLERANCE && Math.abs(a[i + 2]! - b[i + 2]!) <= TOLERANCE;
}
