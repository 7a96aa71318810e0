import net from 'node:net';

export interface TcpRelay {
  /** The relay's own port on 127.0.0.1: point the client here instead of at the server. */
  readonly port: number;
  /** Destroys every open connection and refuses new ones (connections are accepted, then reset): a link that drops. */
  cut(): void;
  /** Keeps every connection open but forwards nothing either way, and accepts new ones into the same void: a link that goes silent. */
  blackhole(): void;
  /** Forwards again; a silenced connection resumes with what was held back. */
  restore(): void;
  /** Connections the relay was asked for so far, refused ones included: who is still dialing. */
  attempts(): number;
  close(): Promise<void>;
}

type Mode = 'forward' | 'cut' | 'blackhole';

interface Pair {
  readonly client: net.Socket;
  readonly server: net.Socket;
}

/**
 * A TCP proxy on 127.0.0.1 between a client and a server that a test can
 * cut and restore: what a pulled cable or a rebooting switch does to a
 * connection, without touching either end.
 */
export async function startTcpRelay(targetPort: number): Promise<TcpRelay> {
  let mode: Mode = 'forward';
  const pairs = new Set<Pair>();
  let attempts = 0;
  const listener = net.createServer((client) => {
    attempts++;
    client.on('error', () => undefined);
    if (mode === 'cut') return void client.resetAndDestroy();
    const server = net.connect({ host: '127.0.0.1', port: targetPort });
    server.on('error', () => undefined);
    const pair = { client, server };
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.once('close', drop);
    server.once('close', drop);
    // Data flows only while forwarding; a blackholed pair holds it until restore.
    client.on('data', (chunk) => (mode === 'forward' ? server.write(chunk) : held(client, chunk)));
    server.on('data', (chunk) => (mode === 'forward' ? client.write(chunk) : held(server, chunk)));
  });
  const heldData = new Map<net.Socket, Buffer[]>();
  const held = (from: net.Socket, chunk: Buffer) => heldData.set(from, [...(heldData.get(from) ?? []), chunk]);
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const port = (listener.address() as net.AddressInfo).port;
  return {
    port,
    attempts: () => attempts,
    cut() {
      mode = 'cut';
      heldData.clear();
      for (const { client, server } of pairs) {
        client.resetAndDestroy();
        server.destroy();
      }
      pairs.clear();
    },
    blackhole() {
      mode = 'blackhole';
    },
    restore() {
      mode = 'forward';
      for (const { client, server } of pairs) {
        for (const chunk of heldData.get(client) ?? []) server.write(chunk);
        for (const chunk of heldData.get(server) ?? []) client.write(chunk);
      }
      heldData.clear();
    },
    async close() {
      for (const { client, server } of pairs) {
        client.destroy();
        server.destroy();
      }
      pairs.clear();
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    },
  };
}
