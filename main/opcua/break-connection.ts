import type { OPCUAClient } from 'node-opcua';

/**
 * Drops the socket of a silent connection so node-opcua starts its
 * reconnection now. forceConnectionBreak is node-opcua's own hook "for a
 * socket timeout that does not produce a socket close event", not in its
 * typings, hence the narrow cast.
 */
export function breakConnection(client: OPCUAClient | null): void {
  (client as unknown as { _secureChannel?: { forceConnectionBreak?: () => void } } | null)?._secureChannel?.forceConnectionBreak?.();
}
