import { assertNever } from '../../../shared/assert-never.js';
import type { BridgeConnectionState } from '../bridge/renderer-bridge.js';

export function bridgeStateLabel(state: BridgeConnectionState): string {
  switch (state) {
    case 'connecting':
      return 'Connecting to Tidewatch…';
    case 'connected':
      return 'Tidewatch connected';
    case 'lost':
      return 'Lost connection to Tidewatch — reconnecting…';
    default:
      return assertNever(state);
  }
}
