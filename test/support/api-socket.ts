import WebSocket from 'ws';

/**
 * A raw client of the headless shell's WebSocket, as a script or an attacker
 * on the same PC would use it: calls by name, any bytes it likes, and what
 * came back. Frames are acknowledged so the stream keeps flowing.
 */
export class ApiSocket {
  readonly events: { type: string; [key: string]: unknown }[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  frames = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  private constructor(private readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    void this.closed.then(({ code, reason }) => {
      for (const call of this.pending.values()) call.reject(new Error(`socket closed (${code} ${reason})`));
      this.pending.clear();
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        this.frames++;
        const frame = data as Buffer;
        if (frame.length >= 12) this.send(JSON.stringify({ t: 'ack', seq: frame.readUInt32LE(8) }));
        return;
      }
      const message = JSON.parse(data.toString()) as { t: string; id?: number; result?: unknown; message?: string; event?: { type: string } };
      if (message.t === 'event' && message.event) this.events.push(message.event);
      const call = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!call) return;
      this.pending.delete(message.id!);
      if (message.t === 'result') call.resolve(message.result);
      else call.reject(new Error(message.message));
    });
  }

  /** `ca`: the certificate to trust for a wss:// origin (a test's self-signed one). */
  static open(origin: string, token: string | null, ca?: Buffer): Promise<ApiSocket> {
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws${token === null ? '' : `?token=${token}`}`, { maxPayload: 64 * 1024 * 1024, ...(ca && { ca }) });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new ApiSocket(ws)));
      ws.once('unexpected-response', (_request, response) => reject(new Error(`refused with HTTP ${response.statusCode}`)));
      ws.once('error', reject);
    });
  }

  call<T = unknown>(method: string, params?: unknown): Promise<T> {
    const id = this.nextId++;
    const message = params === undefined ? { t: 'call', id, method } : { t: 'call', id, method, params };
    return this.callRaw(id, JSON.stringify(message)) as Promise<T>;
  }

  /** A hand-made call message: its id must match `id`. */
  callRaw(id: number, text: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send(text);
    });
  }

  send(data: string | Buffer, binary = false): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(data, { binary });
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  close(): void {
    this.ws.close();
  }
}
