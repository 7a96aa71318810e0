import type { ConnectionStatus } from '../../../shared/contract.js';

/** Connections that were connected and are not any more: their trended tags get a gap at `since`. */
export function lostConnections(previous: readonly ConnectionStatus[], next: readonly ConnectionStatus[]): ConnectionStatus[] {
  const was = new Map(previous.map((connection) => [connection.id, connection.state]));
  return next.filter((connection) => was.get(connection.id) === 'connected' && connection.state !== 'connected');
}
