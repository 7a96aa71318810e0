import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServerEvent } from '../../../shared/contract.js';
import type { BridgeConnectionState } from './renderer-bridge.js';
import { type WebSocketBridgeEnv, type WebSocketLike, createWebSocketBridge } from './web-socket-bridge.js';

class FakeSocket implements WebSocketLike {
  binaryType: BinaryType = 'blob';
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  readonly sent: unknown[] = [];

  constructor(readonly url: string) {}

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(): void {
    this.readyState = 3;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.({} as Event);
  }

  receive(data: string | ArrayBuffer): void {
    this.onmessage?.({ data } as MessageEvent);
  }

  drop(): void {
    this.readyState = 3;
    this.onclose?.({} as CloseEvent);
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers = new Map<number, { callback: () => void; ms: number }>();
  let nextTimer = 1;
  const env: WebSocketBridgeEnv = {
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    setTimeout: (callback, ms) => {
      timers.set(nextTimer, { callback, ms });
      return nextTimer++;
    },
    clearTimeout: (handle) => timers.delete(handle),
    random: () => 1,
    log: { warn: vi.fn() },
  };
  const bridge = createWebSocketBridge('ws://127.0.0.1:1/ws?token=t', env);
  const states: BridgeConnectionState[] = [];
  bridge.onConnectionChange((state) => states.push(state));
  const socket = (i = sockets.length - 1) => sockets[i]!;
  const fireTimers = () => {
    const due = [...timers.values()];
    timers.clear();
    for (const timer of due) timer.callback();
    return due.map((timer) => timer.ms);
  };
  return { bridge, env, sockets, socket, states, fireTimers, timers };
}

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

describe('createWebSocketBridge', () => {
  it('opens a binary socket and reports connected', () => {
    const { bridge, socket, states } = setup();
    dispose = bridge.dispose;
    expect(socket().url).toBe('ws://127.0.0.1:1/ws?token=t');
    expect(socket().binaryType).toBe('arraybuffer');
    expect(bridge.connectionState).toBe('connecting');
    socket().open();
    expect(states).toEqual(['connected']);
  });

  it('sends calls as JSON and settles them from result and error replies', async () => {
    const { bridge, socket } = setup();
    dispose = bridge.dispose;
    socket().open();
    const snapshot = bridge.snapshot();
    const trended = bridge.setTrendedTags({ tagIndexes: [1, 2] });
    expect(socket().sent).toEqual([
      { t: 'call', id: 1, method: 'snapshot' },
      { t: 'call', id: 2, method: 'setTrendedTags', params: { tagIndexes: [1, 2] } },
    ]);
    socket().receive(JSON.stringify({ t: 'result', id: 1, result: { tags: [], connections: [] } }));
    socket().receive(JSON.stringify({ t: 'error', id: 2, message: 'setTrendedTags: tagIndexes: too big' }));
    await expect(snapshot).resolves.toEqual({ tags: [], connections: [] });
    await expect(trended).rejects.toThrow('setTrendedTags: tagIndexes: too big');
  });

  it('passes events to event listeners and binary messages to frame listeners, and acks frames', () => {
    const { bridge, socket } = setup();
    dispose = bridge.dispose;
    const events: ServerEvent[] = [];
    const frames: ArrayBuffer[] = [];
    bridge.onEvent((event) => events.push(event));
    bridge.onFrame((frame) => frames.push(frame));
    socket().open();
    socket().receive(JSON.stringify({ t: 'event', event: { type: 'notice', level: 'info', message: 'hi' } }));
    const buffer = new ArrayBuffer(24);
    socket().receive(buffer);
    bridge.ackFrame(7);
    expect(events).toEqual([{ type: 'notice', level: 'info', message: 'hi' }]);
    expect(frames).toEqual([buffer]);
    expect(socket().sent).toEqual([{ t: 'ack', seq: 7 }]);
  });

  it('ignores a malformed message with a warning', () => {
    const { bridge, socket, env } = setup();
    dispose = bridge.dispose;
    socket().open();
    expect(() => socket().receive('{"t":"bogus"}')).not.toThrow();
    expect(env.log.warn).toHaveBeenCalledOnce();
  });

  it('rejects calls made while disconnected', async () => {
    const { bridge } = setup();
    dispose = bridge.dispose;
    await expect(bridge.snapshot()).rejects.toThrow('snapshot: not connected to Tidewatch');
  });

  it('on close rejects pending calls, reports lost, and reconnects with growing capped delays', async () => {
    const { bridge, socket, sockets, states, fireTimers } = setup();
    dispose = bridge.dispose;
    socket().open();
    const pending = bridge.snapshot();
    socket().drop();
    await expect(pending).rejects.toThrow('snapshot: lost connection to Tidewatch');
    expect(states).toEqual(['connected', 'lost']);
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      delays.push(...fireTimers());
      socket().drop();
    }
    expect(sockets.length).toBe(9);
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
    fireTimers();
    socket().open();
    expect(states.at(-1)).toBe('connected');
    socket().drop();
    expect(fireTimers()).toEqual([250]);
  });

  it('stops reconnecting and closes the socket on dispose', () => {
    const { bridge, socket, timers } = setup();
    socket().open();
    socket().drop();
    expect(timers.size).toBe(1);
    bridge.dispose();
    expect(timers.size).toBe(0);
  });
});
