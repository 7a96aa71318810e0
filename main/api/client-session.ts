import type { ServerEvent, SetTrendedTagsRequest, Snapshot, TidewatchApi, WriteTagRequest, WriteTagResult } from '../../shared/contract.js';
import type { LiveApi } from '../../shared/api/live-api.js';
import { FrameStreamer } from '../stream/frame-streamer.js';

/** Where one renderer's frames and events go: an IPC port or a WebSocket. */
export interface ClientSink {
  frame(buffer: ArrayBuffer): void;
  event(event: ServerEvent): void;
}

/** What a session needs from the core; kept narrow so sessions cannot reach into connections. */
export interface SessionHost {
  domainMethods(): Partial<TidewatchApi>;
  snapshot(): Snapshot;
  writeTag(request: WriteTagRequest): Promise<WriteTagResult>;
  seed(streamer: FrameStreamer): void;
  release(session: ClientSession): void;
}

/**
 * One connected renderer: its own stream, backpressure and trended set.
 * The live methods are its own; every other domain's come from the core.
 */
export class ClientSession implements LiveApi {
  readonly streamer: FrameStreamer;

  constructor(
    private readonly host: SessionHost,
    readonly sink: ClientSink,
  ) {
    this.streamer = new FrameStreamer((buffer) => sink.frame(buffer));
    host.seed(this.streamer);
  }

  async snapshot(): Promise<Snapshot> {
    return this.host.snapshot();
  }

  writeTag(request: WriteTagRequest): Promise<WriteTagResult> {
    return this.host.writeTag(request);
  }

  async setTrendedTags(request: SetTrendedTagsRequest): Promise<void> {
    this.streamer.setTrended(request.tagIndexes);
  }

  /** What this renderer may call: its own live methods plus the domains registered with the core. */
  api(): TidewatchApi {
    return {
      ...(this.host.domainMethods() as TidewatchApi),
      snapshot: () => this.snapshot(),
      writeTag: (request) => this.writeTag(request),
      setTrendedTags: (request) => this.setTrendedTags(request),
    };
  }

  ack(seq: number): void {
    this.streamer.ack(seq);
  }

  dispose(): void {
    this.streamer.dispose();
    this.host.release(this);
  }
}
