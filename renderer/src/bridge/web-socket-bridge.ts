import type { ApiMethod, ServerEvent } from '../../../shared/contract.js';
import { buildApi } from '../../../shared/build-api.js';
import { ApiError } from '../../../shared/contract.js';
import type { ClientMessage } from '../../../shared/wire-message.js';
import { assertNever } from '../../../shared/assert-never.js';
import { ListenerSet } from './listener-set.js';
import { ProtocolError, parseServerMessage } from './parse-server-message.js';
import { PendingCalls } from './pending-calls.js';
import { reconnectDelay } from './reconnect-delay.js';
import type { BridgeConnectionState, RendererBridge } from './renderer-bridge.js';

/** The part of the DOM WebSocket the bridge uses, so tests can hand it a fake. */
export interface WebSocketLike {
  binaryType: BinaryType;
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface WebSocketBridgeEnv {
  createSocket(url: string): WebSocketLike;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
  random(): number;
  log: Pick<Console, 'warn'>;
}

const OPEN = 1;

export function browserWebSocketEnv(win: Window): WebSocketBridgeEnv {
  return {
    createSocket: (url) => new WebSocket(url),
    setTimeout: (callback, ms) => win.setTimeout(callback, ms),
    clearTimeout: (handle) => win.clearTimeout(handle),
    random: Math.random,
    log: console,
  };
}

/**
 * The contract over the headless shell's WebSocket: calls and events as JSON text, frames as
 * binary messages. It reconnects for as long as the view is open, because the server may restart.
 */
export function createWebSocketBridge(url: string, env: WebSocketBridgeEnv): RendererBridge {
  const events = new ListenerSet<ServerEvent>();
  const frames = new ListenerSet<ArrayBuffer>();
  const states = new ListenerSet<BridgeConnectionState>();
  const calls = new PendingCalls();
  let state: BridgeConnectionState = 'connecting';
  let socket: WebSocketLike | null = null;
  let attempt = 0;
  let retry: number | null = null;
  let disposed = false;

  const setState = (next: BridgeConnectionState) => {
    if (next === state) return;
    state = next;
    states.emit(next);
  };

  const send = (message: ClientMessage) => {
    socket?.send(JSON.stringify(message));
  };

  const receiveText = (text: string) => {
    let message;
    try {
      message = parseServerMessage(text);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      env.log.warn(`Tidewatch: ignored a server message: ${error.message}`);
      return;
    }
    switch (message.t) {
      case 'result':
        if (!calls.resolve(message.id, message.result)) env.log.warn(`Tidewatch: result for unknown call ${message.id}`);
        return;
      case 'error':
        if (!calls.reject(message.id, message.message)) env.log.warn(`Tidewatch: error for unknown call ${message.id}: ${message.message}`);
        return;
      case 'event':
        events.emit(message.event);
        return;
      default:
        assertNever(message);
    }
  };

  const open = () => {
    retry = null;
    const ws = env.createSocket(url);
    ws.binaryType = 'arraybuffer';
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setState('connected');
    };
    ws.onmessage = (event) => {
      if (typeof event.data === 'string') receiveText(event.data);
      else if (event.data instanceof ArrayBuffer) frames.emit(event.data);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      calls.rejectAll('lost connection to Tidewatch');
      if (disposed) return;
      setState(state === 'connecting' ? 'connecting' : 'lost');
      retry = env.setTimeout(open, reconnectDelay(attempt++, env.random));
    };
  };

  const call = (method: ApiMethod, params?: unknown): Promise<unknown> => {
    if (socket === null || socket.readyState !== OPEN) {
      return Promise.reject(new ApiError(`${method}: not connected to Tidewatch`));
    }
    const { id, result } = calls.start(method);
    send({ t: 'call', id, method, params });
    return result;
  };

  open();

  return {
    get connectionState() {
      return state;
    },
    // Results are the server's own answers to our calls: their payload shape is trusted.
    ...buildApi(call),
    onEvent: (listener) => events.add(listener),
    onFrame: (listener) => frames.add(listener),
    onConnectionChange: (listener) => states.add(listener),
    ackFrame: (seq) => {
      if (socket?.readyState === OPEN) send({ t: 'ack', seq });
    },
    dispose: () => {
      disposed = true;
      if (retry !== null) env.clearTimeout(retry);
      const ws = socket;
      socket = null;
      ws?.close(1000, 'view closed');
      calls.rejectAll('the view was closed');
      events.clear();
      frames.clear();
      states.clear();
    },
  };
}
