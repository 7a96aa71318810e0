import { preloadBridge } from './preload-bridge.js';
import type { RendererBridge } from './renderer-bridge.js';
import { browserWebSocketEnv, createWebSocketBridge } from './web-socket-bridge.js';
import { webSocketUrl } from './web-socket-url.js';

/** The one place that knows which shell the renderer runs in: the desktop preload, else the headless WebSocket. */
export function connectBridge(win: Window): RendererBridge {
  const preload = win.tidewatch;
  if (preload !== undefined) return preloadBridge(preload);
  return createWebSocketBridge(webSocketUrl(win.location), browserWebSocketEnv(win));
}
