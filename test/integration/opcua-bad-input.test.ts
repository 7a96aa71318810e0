import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionApiSchemas } from '../../shared/api/connection-api.js';
import { StatusCode } from '../../shared/status-code.js';
import { counterTags, OpcuaHarness } from '../support/opcua-harness.js';
import { startTestServer, type RunningTestServer } from '../support/test-opcua-server.js';
import { waitFor } from '../support/wait-for.js';

/** A raw TCP server on 127.0.0.1 that answers whatever arrives with `reply` (or closes the socket when null). */
async function rawServer(reply: string | null): Promise<net.Server> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () => (reply === null ? socket.destroy() : socket.end(reply)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port;

async function freePort(): Promise<number> {
  const server = await rawServer(null);
  const port = portOf(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Every kind of wrong endpoint, each against a real socket: the cause is named, in the status
// and the log with the server's name, and a healthy server beside them streams on regardless.
describe('bad endpoints and bad servers', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-bad-'));
  let server: RunningTestServer;
  let harness: OpcuaHarness;
  const raw: net.Server[] = [];

  beforeAll(async () => {
    server = await startTestServer({ pkiDir: path.join(dir, 'server') });
    harness = await OpcuaHarness.open();
    harness.connect({ id: 'healthy', name: 'Healthy', endpointUrl: server.endpointUrl }, counterTags(3));
  });

  afterAll(async () => {
    await harness?.dispose();
    await server?.stop();
    for (const s of raw) s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const failureOf = async (id: string, endpointUrl: string) => {
    harness.connect({ id, name: `Server ${id}`, endpointUrl }, counterTags(1));
    await waitFor(`${id} to fail`, () => harness.listener(id).state?.state === 'failed', 40_000);
    const listener = harness.listener(id);
    expect(listener.logs.join('\n')).toContain(`Server ${id} (${endpointUrl}): ${listener.state?.lastError}`);
    return listener.state?.lastError;
  };

  it('names a refused port', async () => {
    const port = await freePort();
    expect(await failureOf('refused', `opc.tcp://127.0.0.1:${port}`)).toBe(`connection refused by 127.0.0.1:${port} (no server listens on that port)`);
  });

  it('names a host that does not exist, and one that cannot be reached', async () => {
    expect(await failureOf('unknown-host', 'opc.tcp://no-such-host.invalid:4840')).toBe('host "no-such-host.invalid" not found (name lookup failed)');
    // TEST-NET-1 (RFC 5737) is never routed; what comes back (no route, no answer, a reset from a
    // firewall) depends on the machine's network, but it is always named, with the address.
    expect(await failureOf('unreachable', 'opc.tcp://192.0.2.1:4840')).toMatch(
      /^(host 192\.0\.2\.1 is unreachable \(no network route\)|no answer from 192\.0\.2\.1:4840 .*|connection refused by 192\.0\.2\.1:4840 .*)$/,
    );
  });

  it('names a server that speaks another protocol, and one that hangs up during the handshake', async () => {
    const http = await rawServer('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
    const closer = await rawServer(null);
    raw.push(http, closer);
    expect(await failureOf('garbage', `opc.tcp://127.0.0.1:${portOf(http)}`)).toBe(`127.0.0.1:${portOf(http)} does not speak OPC UA (it answered "HTTP/1.1 400 Bad Request")`);
    expect(await failureOf('closer', `opc.tcp://127.0.0.1:${portOf(closer)}`)).toBe(`127.0.0.1:${portOf(closer)} closed the connection during the OPC UA handshake`);
  });

  it('refuses a malformed endpoint URL at the door, and names it if one gets further', async () => {
    const parsed = connectionApiSchemas.getEndpoints.safeParse({ endpointUrl: 'opc.tcp//127.0.0.1:4840' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('must look like opc.tcp://host:port/path');
    await expect(harness.connections.api().getEndpoints({ endpointUrl: 'opc.tcp://127.0.0.1:99999' })).rejects.toThrow(
      'getEndpoints: opc.tcp://127.0.0.1:99999: malformed endpoint URL "opc.tcp://127.0.0.1:99999": port 99999 is out of range',
    );
  });

  it('answers the dialog’s endpoint question with the cause too', async () => {
    const port = await freePort();
    await expect(harness.connections.api().getEndpoints({ endpointUrl: `opc.tcp://127.0.0.1:${port}` })).rejects.toThrow(
      `getEndpoints: opc.tcp://127.0.0.1:${port}: connection refused by 127.0.0.1:${port} (no server listens on that port)`,
    );
  });

  it('kept the healthy server streaming through all of it', async () => {
    const listener = harness.listener('healthy');
    const before = listener.counts.get(0) ?? 0;
    await waitFor('more values from the healthy server', () => (listener.counts.get(0) ?? 0) > before + 3);
    expect(listener.latest.get(0)?.status).toBe(StatusCode.Good);
    expect(listener.statuses.map((s) => s.state)).not.toContain('failed');
  });
});
