import type { TidewatchBridge } from '../../../shared/contract.js';
import type { RendererBridge } from './renderer-bridge.js';

/** The Electron preload runs in-process: it is connected for as long as the window exists. */
export function preloadBridge(preload: TidewatchBridge): RendererBridge {
  return {
    connectionState: 'connected',
    snapshot: () => preload.snapshot(),
    writeTag: (request) => preload.writeTag(request),
    setTrendedTags: (request) => preload.setTrendedTags(request),
    onEvent: (listener) => preload.onEvent(listener),
    onFrame: (listener) => preload.onFrame(listener),
    ackFrame: (seq) => preload.ackFrame(seq),
    onConnectionChange: () => () => {},
    dispose: () => {},
  };
}
