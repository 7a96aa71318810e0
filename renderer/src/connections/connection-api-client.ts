import type { ConnectionApi } from '../../../shared/api/connection-api.js';
import type { RendererBridge } from '../bridge/renderer-bridge.js';

/**
 * The bridge's connection methods. The bridge builds every method listed in
 * the contract's schema table, so once ConnectionApi is part of
 * TidewatchApi this is the bridge itself.
 */
export function connectionApi(bridge: RendererBridge): ConnectionApi {
  return bridge as unknown as ConnectionApi;
}
