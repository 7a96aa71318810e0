import type { TidewatchBridge } from '../../../shared/contract.js';
import { buildApi } from '../../../shared/build-api.js';
import type { RendererBridge } from './renderer-bridge.js';

/** The Electron preload runs in-process: it is connected for as long as the window exists. */
export function preloadBridge(preload: TidewatchBridge): RendererBridge {
  return {
    connectionState: 'connected',
    ...buildApi((method, params) => (preload[method] as (p: unknown) => Promise<unknown>)(params)),
    onEvent: (listener) => preload.onEvent(listener),
    onFrame: (listener) => preload.onFrame(listener),
    ackFrame: (seq) => preload.ackFrame(seq),
    onConnectionChange: () => () => {},
    dispose: () => {},
  };
}
