import { describe, expect, it } from 'vitest';
import type { ConnectionState, ConnectionStatus } from '../../../shared/contract.js';
import { lostConnections } from './lost-connections.js';

const status = (id: string, state: ConnectionState): ConnectionStatus => ({ id, name: id, endpointUrl: '', state, lastError: null, reconnects: 0, keepAliveMs: null, since: 5 });

describe('lostConnections', () => {
  it('finds connections that left the connected state, and only those', () => {
    const before = [status('a', 'connected'), status('b', 'connecting'), status('c', 'connected')];
    const after = [status('a', 'reconnecting'), status('b', 'failed'), status('c', 'connected'), status('d', 'failed')];
    expect(lostConnections(before, after).map((c) => c.id)).toEqual(['a']);
  });
});
