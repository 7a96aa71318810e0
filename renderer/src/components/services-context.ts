import { createContext, useContext } from 'react';
import type { RendererBridge } from '../bridge/renderer-bridge.js';
import type { FrameScheduler } from '../live/frame-scheduler.js';
import type { LiveStore } from '../live/live-store.js';
import type { AppStore } from '../state/app-store.js';

/** Built once in main.tsx, the composition root; components receive them, never construct them. */
export interface Services {
  readonly bridge: RendererBridge;
  readonly appStore: AppStore;
  readonly liveStore: LiveStore;
  readonly scheduler: FrameScheduler;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (services === null) throw new Error('useServices needs a <ServicesContext> above it (see main.tsx)');
  return services;
}
