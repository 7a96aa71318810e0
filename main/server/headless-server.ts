import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import os from 'node:os';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { ApiError } from '../../shared/contract.js';
import { CLOSE_POLICY_VIOLATION, clientMessageSchema, type ServerMessage } from '../../shared/wire-message.js';
import { callApi } from '../api/call-api.js';
import type { TidewatchCore } from '../api/tidewatch-core.js';
import type { Log } from '../api/sample-source.js';
import { requestToken, TOKEN_COOKIE, tokenMatches } from './access-token.js';
import { readStaticFile } from '../app/read-static-file.js';
import { CONTENT_SECURITY_POLICY } from '../app/content-security-policy.js';

export interface HeadlessServerOptions {
  readonly core: TidewatchCore;
  readonly rendererDir: string;
  readonly token: string;
  readonly port: number;
  /** The address to listen on; 127.0.0.1 when absent. The command line insists on TLS beyond loopback. */
  readonly host?: string;
  /** PEM certificate and key: https and wss instead of http and ws. */
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer };
  readonly log: Log;
}

export interface HeadlessServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

// The CSP header repeats the page's meta tag and adds frame-ancestors, which only a header can set.
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

// A call is small; a larger message is an attack or a bug, and ws closes the socket for it.
const MAX_MESSAGE_BYTES = 64 * 1024;
const LOOPBACK = '127.0.0.1';

/**
 * The headless shell: the built renderer over HTTP and the contract over one
 * WebSocket per browser tab, on loopback unless told otherwise (then over
 * TLS), behind a per-run token.
 */
export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const { core, token, log } = options;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const handle = (request: IncomingMessage, response: ServerResponse) => void serveHttp(request, response, options);
  const http: Server = options.tls ? createTlsServer({ cert: options.tls.cert, key: options.tls.key }, handle) : createServer(handle);
  const host = options.host ?? LOOPBACK;

  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', `http://${LOOPBACK}`);
    if (url.pathname !== '/ws' || !tokenMatches(token, requestToken(request))) {
      log('warning', `refused a WebSocket from ${request.socket.remoteAddress ?? '?'}: ${url.pathname !== '/ws' ? `no socket at ${url.pathname}` : 'missing or wrong access token'}`);
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attachClient(ws, core, log, `browser@${request.socket.remoteAddress ?? '?'}`));
  });

  await listen(http, host, options.port);
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    port,
    url: `${options.tls ? 'https' : 'http'}://${urlHost(host)}:${port}/?token=${token}`,
    close: () => close(http, sockets),
  };
}

async function serveHttp(request: IncomingMessage, response: ServerResponse, options: HeadlessServerOptions): Promise<void> {
  const url = new URL(request.url ?? '/', `http://${LOOPBACK}`);
  if (!tokenMatches(options.token, requestToken(request))) {
    response.writeHead(401, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Tidewatch: this page needs the access token printed by `npm run serve` (open the URL it shows).\n');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' });
    response.end();
    return;
  }
  const file = await readStaticFile(options.rendererDir, url.pathname);
  if (!file) {
    response.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(`not found: ${url.pathname}\n`);
    return;
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': file.contentType,
    // The page's assets and socket then authenticate with the cookie, not a token in every URL.
    'Set-Cookie': `${TOKEN_COOKIE}=${options.token}; HttpOnly; SameSite=Strict; Path=/${options.tls ? '; Secure' : ''}`,
  });
  response.end(request.method === 'HEAD' ? undefined : file.body);
}

function attachClient(ws: WebSocket, core: TidewatchCore, log: Log, station: string): void {
  const send = (message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const session = core.openClient({
    frame: (buffer) => {
      if (ws.readyState === ws.OPEN) ws.send(buffer, { binary: true });
    },
    event: (event) => send({ t: 'event', event }),
  }, station);
  const refuse = (reason: string) => {
    log('warning', `closed a WebSocket client: ${reason}`);
    // A close reason is limited to 123 bytes by RFC 6455.
    ws.close(CLOSE_POLICY_VIOLATION, reason.slice(0, 120));
  };

  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) return refuse('binary messages are only sent by the server');
    let json: unknown;
    try {
      json = JSON.parse(rawText(data));
    } catch {
      return refuse('message is not JSON');
    }
    const parsed = clientMessageSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return refuse(`malformed message: ${issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'unknown shape'}`);
    }
    const message = parsed.data;
    if (message.t === 'ack') return session.ack(message.seq);
    callApi(session.api(), message.method, message.params).then(
      (result) => send({ t: 'result', id: message.id, result: result ?? null }),
      (error: unknown) => {
        const text = error instanceof Error ? error.message : String(error);
        if (!(error instanceof ApiError)) log('error', `call ${message.method} failed: ${text}`);
        send({ t: 'error', id: message.id, message: text });
      },
    );
  });
  ws.on('error', (error) => log('warning', `WebSocket client error: ${error.message}`));
  ws.on('close', () => session.dispose());
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') return reject(new Error(`port ${port} on ${host} is already in use`));
      if (error.code === 'EADDRNOTAVAIL') return reject(new Error(`${host} is not an address of this PC`));
      reject(error);
    });
    server.listen(port, host, () => resolve());
  });
}

/** What a browser elsewhere types: this PC's name for "every interface", brackets around IPv6. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return os.hostname();
  return host.includes(':') ? `[${host}]` : host;
}

async function close(http: Server, sockets: WebSocketServer): Promise<void> {
  for (const client of sockets.clients) client.terminate();
  await new Promise<void>((resolve) => sockets.close(() => resolve()));
  http.closeAllConnections();
  await new Promise<void>((resolve) => http.close(() => resolve()));
}
