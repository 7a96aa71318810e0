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

/**
 * Ends node-opcua's reconnection loop for good. disconnect() means to do it
 * but, in node-opcua 2.186, marks the reconnection cancelled before it checks
 * whether one is running, so the loop can go on dialing a server we have let
 * go. _cancel_reconnection is the library's own step for that, not typed.
 */
export function cancelReconnection(client: OPCUAClient | null): Promise<void> {
  const internal = client as unknown as { isReconnecting?: boolean; _cancel_reconnection?: (done: () => void) => void } | null;
  if (!internal?.isReconnecting || !internal._cancel_reconnection) return Promise.resolve();
  return new Promise((resolve) => internal._cancel_reconnection!(() => resolve()));
}
