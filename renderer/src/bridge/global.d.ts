import type { TidewatchBridge } from '../../../shared/contract.js';

declare global {
  interface Window {
    /** Set by the Electron preload through contextBridge; absent in the browser. */
    readonly tidewatch?: TidewatchBridge;
  }
}
