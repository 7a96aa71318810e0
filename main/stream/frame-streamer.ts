import { encodeFrame, FRAME_FLAG_SAMPLES_DROPPED } from '../../shared/frame-codec.js';
import { SampleColumns } from './sample-columns.js';

export interface FrameStreamerOptions {
  /** Past this many held samples a stalled renderer gets newest-per-tag for trended tags too. */
  readonly maxHeldSamples?: number;
  /** An ack this late is taken as lost (a frame the renderer could not read): streaming resumes. */
  readonly ackTimeoutMs?: number;
  readonly now?: () => number;
}

const DEFAULT_MAX_HELD_SAMPLES = 2_000_000;
// Long enough for a renderer busy with a big frame; short enough that a lost ack is a hiccup, not a frozen screen.
const DEFAULT_ACK_TIMEOUT_MS = 5_000;

/**
 * One per renderer: coalesces samples into one frame per display tick.
 *
 * While the renderer keeps up (it acknowledged the last frame), every sample
 * goes out. While it does not, nothing is sent; trended tags keep every sample
 * so their trend has no hole, other tags keep only their newest value, which is
 * all a number on screen needs. The UI never drowns and a trend never lies.
 */
export class FrameStreamer {
  private readonly columns = new SampleColumns();
  private readonly coalesced = new SampleColumns(64);
  private readonly maxHeld: number;
  private readonly ackTimeoutMs: number;
  private readonly now: () => number;
  private sentAt = 0;
  private trended = new Uint8Array(0);
  // Newest value per coalesced tag, and which tags have one waiting.
  private latestTime = new Float64Array(0);
  private latestValue = new Float64Array(0);
  private latestStatus = new Uint32Array(0);
  private waiting = new Uint8Array(0);
  private waitingTags: number[] = [];
  private seq = 0;
  private unacknowledged: number | null = null;
  private dropped = false;
  /** Acks that never came; each one cost the renderer at most one frame, never the stream. */
  lostAcks = 0;
  private disposed = false;

  constructor(
    private readonly send: (frame: ArrayBuffer) => void,
    options: FrameStreamerOptions = {},
  ) {
    this.maxHeld = options.maxHeldSamples ?? DEFAULT_MAX_HELD_SAMPLES;
    this.ackTimeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
  }

  setTrended(tagIndexes: Iterable<number>): void {
    this.trended.fill(0);
    for (const index of tagIndexes) {
      this.ensureTag(index);
      this.trended[index] = 1;
    }
  }

  push(tag: number, time: number, value: number, status: number): void {
    if (this.unacknowledged === null || (this.trended[tag] === 1 && this.columns.count < this.maxHeld)) {
      this.columns.append(tag, time, value, status);
      return;
    }
    if (this.trended[tag] === 1) this.dropped = true;
    this.ensureTag(tag);
    this.latestTime[tag] = time;
    this.latestValue[tag] = value;
    this.latestStatus[tag] = status;
    if (this.waiting[tag] === 0) {
      this.waiting[tag] = 1;
      this.waitingTags.push(tag);
    }
  }

  /** Called once per display tick. Returns whether a frame went out. */
  flush(): boolean {
    if (this.disposed) return false;
    if (this.unacknowledged !== null) {
      if (this.now() - this.sentAt < this.ackTimeoutMs) return false;
      this.unacknowledged = null;
      this.lostAcks++;
    }
    if (this.columns.count === 0 && this.waitingTags.length === 0) return false;
    const frame = this.takeFrame();
    this.unacknowledged = this.seq;
    this.sentAt = this.now();
    this.send(frame);
    return true;
  }

  /**
   * Called as samples arrive: a frame at once if the renderer has acknowledged
   * the last one and that is at least `minGapMs` old. A server's publish then
   * reaches the screen without waiting up to a display tick for the ticker.
   */
  flushEarly(minGapMs: number): boolean {
    if (this.unacknowledged !== null || this.now() - this.sentAt < minGapMs) return false;
    return this.flush();
  }

  ack(seq: number): void {
    if (seq === this.unacknowledged) this.unacknowledged = null;
  }

  get awaitingAck(): boolean {
    return this.unacknowledged !== null;
  }

  dispose(): void {
    this.disposed = true;
    this.columns.clear();
  }

  private takeFrame(): ArrayBuffer {
    const coalesced = this.coalesced;
    for (const tag of this.waitingTags) {
      coalesced.append(tag, this.latestTime[tag] ?? 0, this.latestValue[tag] ?? 0, this.latestStatus[tag] ?? 0);
      this.waiting[tag] = 0;
    }
    this.waitingTags = [];
    this.seq = (this.seq + 1) >>> 0;
    const flags = this.dropped ? FRAME_FLAG_SAMPLES_DROPPED : 0;
    this.dropped = false;
    // Coalesced values are older than any held sample of a tag that became trended
    // meanwhile, so they go first: each tag's samples stay in time order.
    const frame = encodeFrame(this.seq, flags, this.now(), [coalesced, this.columns]);
    coalesced.clear();
    this.columns.clear();
    return frame;
  }

  private ensureTag(index: number): void {
    if (index < this.waiting.length) return;
    const size = Math.max(index + 1, this.waiting.length * 2, 64);
    this.trended = resized(this.trended, new Uint8Array(size));
    this.waiting = resized(this.waiting, new Uint8Array(size));
    this.latestTime = resized(this.latestTime, new Float64Array(size));
    this.latestValue = resized(this.latestValue, new Float64Array(size));
    this.latestStatus = resized(this.latestStatus, new Uint32Array(size));
  }
}

function resized<T extends Uint8Array | Float64Array | Uint32Array>(old: T, next: T): T {
  next.set(old);
  return next;
}
