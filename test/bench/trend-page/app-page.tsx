// The whole renderer (table, trend, legend, status bar) on a synthetic stream, composed as
// renderer/src/main.tsx composes it but with a bridge that plays main: what the heap figure measures.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../../renderer/src/components/App.js';
import { ServicesContext } from '../../../renderer/src/components/services-context.js';
import { animationFrameScheduler } from '../../../renderer/src/live/frame-scheduler.js';
import { LiveStore } from '../../../renderer/src/live/live-store.js';
import { startSession } from '../../../renderer/src/session/start-session.js';
import { createAppStore } from '../../../renderer/src/state/app-store.js';
import '../../../renderer/src/styles.css';
import { setTrendPens } from '../../../renderer/src/trend/set-trend-pens.js';
import type { AppBenchApi, AppBenchOptions } from './bench-api.js';
import { type SyntheticBridge, syntheticBridge } from './synthetic-bridge.js';

const frames = (n: number) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });

async function until(what: string, probe: () => boolean): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (!probe()) {
    if (performance.now() > deadline) throw new Error(`app bench: gave up waiting for ${what}`);
    await frames(1);
  }
}

let bridge: SyntheticBridge | null = null;

async function start({ tags, rateHz, pens, spanMs }: AppBenchOptions): Promise<void> {
  const container = document.getElementById('root')!;
  const scheduler = animationFrameScheduler(window);
  const synthetic = syntheticBridge(tags, rateHz);
  bridge = synthetic;
  const appStore = createAppStore();
  const liveStore = new LiveStore(scheduler);
  startSession(synthetic, appStore, liveStore);
  createRoot(container).render(
    <StrictMode>
      <ServicesContext value={{ bridge: synthetic, appStore, liveStore, scheduler }}>
        <App />
      </ServicesContext>
    </StrictMode>,
  );
  await until('the tag list', () => appStore.getState().tags.length === tags);
  setTrendPens(appStore, appStore.getState().tags.slice(0, pens).map((tag) => tag.id));
  await until('the trended tags to reach main', () => synthetic.trended.length === pens);
  document.querySelector<HTMLButtonElement>(`[data-testid="trend-preset"][data-span-ms="${spanMs}"]`)?.click();
  // The chart claims ring retention for the new window on its next frame; history goes in after.
  await frames(3);
  await synthetic.backfill(spanMs * 1.2);
  synthetic.startLive();
}

async function fps(ms: number): Promise<number> {
  let count = 0;
  const begin = performance.now();
  const end = await new Promise<number>((resolve) => {
    const step = (now: number) => {
      count++;
      if (now - begin < ms) requestAnimationFrame(step);
      else resolve(now);
    };
    requestAnimationFrame(step);
  });
  return (count * 1000) / (end - begin);
}

window.appBench = {
  start,
  get delivered() {
    return bridge?.delivered ?? 0;
  },
  fps,
} satisfies AppBenchApi;
