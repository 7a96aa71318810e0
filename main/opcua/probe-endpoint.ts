import net from 'node:net';
import { getStatusCodeFromCode } from 'node-opcua';
import { helloMessage, parseHandshakeReply } from './handshake-reply.js';
import { parseEndpointUrl } from './parse-endpoint-url.js';

const PROBE_TIMEOUT_MS = 5_000;

/**
 * Why a server cannot be reached, found below node-opcua: a TCP connect and
 * an OPC UA Hello. Null when the server answers the Hello with an
 * Acknowledge, i.e. the fault is above the transport (security, identity).
 */
export function probeEndpoint(endpointUrl: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<string | null> {
  const parsed = parseEndpointUrl(endpointUrl);
  if (!parsed.ok) return Promise.resolve(parsed.error);
  const { host, port } = parsed.address;
  const where = `${host}:${port}`;
  return new Promise((resolve) => {
    let received: Uint8Array = new Uint8Array(0);
    let connected = false;
    const socket = net.connect({ host, port });
    const finish = (cause: string | null) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(cause);
    };
    const timer = setTimeout(() => {
      const seconds = timeoutMs / 1000;
      finish(
        connected
          ? `${where} accepted the connection but did not answer the OPC UA handshake within ${seconds} s`
          : `no answer from ${where} within ${seconds} s (host down, or a firewall drops the traffic)`,
      );
    }, timeoutMs);
    socket.once('connect', () => {
      connected = true;
      socket.write(helloMessage(endpointUrl));
    });
    socket.on('data', (chunk: Buffer) => {
      received = concat(received, chunk);
      const reply = parseHandshakeReply(received);
      switch (reply.kind) {
        case 'incomplete':
          return;
        case 'acknowledge':
          return finish(null);
        case 'error':
          return finish(`${where} refused the OPC UA handshake: ${getStatusCodeFromCode(reply.status).name}${reply.reason ? ` (${reply.reason})` : ''}`);
        case 'foreign':
          return finish(`${where} does not speak OPC UA (it answered ${JSON.stringify(reply.preview)})`);
      }
    });
    socket.once('close', () => finish(connected ? `${where} closed the connection during the OPC UA handshake` : `connection to ${where} closed`));
    socket.once('error', (error: NodeJS.ErrnoException) => finish(describeSocketError(error, host, port)));
  });
}

export function describeSocketError(error: NodeJS.ErrnoException, host: string, port: number): string {
  const where = `${host}:${port}`;
  switch (error.code) {
    case 'ECONNREFUSED':
      return `connection refused by ${where} (no server listens on that port)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return `host ${JSON.stringify(host)} not found (name lookup failed)`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
      return `host ${host} is unreachable (no network route)`;
    case 'ETIMEDOUT':
      return `no answer from ${where} (connection timed out)`;
    case 'ECONNRESET':
      return `${where} reset the connection`;
    default:
      return `cannot connect to ${where}: ${error.message}`;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
