import type { TidewatchBridge } from '../../../shared/contract.js';
import type { LiveStoreProbe } from '../live/live-store-probe.js';

declare global {
  interface Window {
    /** Set by the Electron preload through contextBridge; absent in the browser. */
    readonly tidewatch?: TidewatchBridge;
    /** Read-only copies of the live rings (live-store-probe.ts), for end-to-end tests. */
    tidewatchProbe?: LiveStoreProbe;
  }
}
