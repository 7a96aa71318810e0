import { decodeFrame } from '../../shared/frame-codec.js';
import type { ServerEvent } from '../../shared/contract.js';
import type { ClientSink } from '../../main/api/client-session.js';

export interface CollectedSample {
  readonly tag: number;
  readonly time: number;
  readonly value: number;
  readonly status: number;
}

/** A renderer stand-in for tests of the core: decodes each frame, keeps every sample, acknowledges. */
export class FrameCollector implements ClientSink {
  readonly samples: CollectedSample[] = [];
  readonly events: ServerEvent[] = [];
  ack: (seq: number) => void = () => undefined;

  frame(buffer: ArrayBuffer): void {
    const frame = decodeFrame(buffer);
    for (let i = 0; i < frame.count; i++) {
      this.samples.push({ tag: frame.tag[i]!, time: frame.time[i]!, value: frame.value[i]!, status: frame.status[i]! });
    }
    this.ack(frame.seq);
  }

  event(event: ServerEvent): void {
    this.events.push(event);
  }

  latest(tag: number): CollectedSample | undefined {
    for (let i = this.samples.length - 1; i >= 0; i--) if (this.samples[i]!.tag === tag) return this.samples[i];
    return undefined;
  }

  since(mark: number, tag: number): CollectedSample[] {
    return this.samples.slice(mark).filter((s) => s.tag === tag);
  }
}
