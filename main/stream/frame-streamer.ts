import { encodeFrame, FRAME_FLAG_SAMPLES_DROPPED } from '../../shared/frame-codec.js';
import { SampleColumns } from './sample-columns.js';

export interface FrameStreamerOptions {
  /** Past this many held samples a stalled renderer gets newest-per-tag for trended tags too. */
  readonly maxHeldSamples?: number;
  /** An ack this late is taken as lost (a frame the renderer could not read): streaming resumes. */
  readonly ackTimeoutMs?: number;
  /** Frames sent by flushSoon are at least this far apart. */
  readonly minFrameGapMs?: number;
  readonly now?: () => number;
  /** Calls back after `ms`; a test passes one driven by its own clock. */
  readonly setTimer?: (callback: () => void, ms: number) => void;
}

const DEFAULT_MAX_HELD_SAMPLES = 2_000_000;
// Long enough for a renderer busy with a big frame; short enough that a lost ack is a hiccup, not a frozen screen.
const DEFAULT_ACK_TIMEOUT_MS = 5_000;
// A server splits a big publish into responses of at most its notifications per
// publish (in the stream bench, 10,000 values a publish arrive in pieces of 1,000). Each goes
// out as the renderer is ready for it, not a display tick later; the gap only
// keeps a storm of tiny publishes to at most 250 frames a second.
const DEFAULT_MIN_FRAME_GAP_MS = 4;

// Two frames in flight: the next one is on its way while the renderer still reads
// the last, so its ack's round trip (slow on a busy PC) is not added to every
// sample's latency; a renderer that falls behind still holds at most two.
const FRAMES_IN_FLIGHT = 2;

const unrefTimer = (callback: () => void, ms: number): void => {
  setTimeout(callback, ms).unref();
};

/**
 * One per renderer: coalesces samples into frames, at most FRAMES_IN_FLIGHT unacknowledged.
 *
 * While the renderer keeps up (it acknowledged all but the newest frame), every
 * sample goes out. While it does not, nothing is sent; trended tags keep every sample
 * so their trend has no hole, other tags keep only their newest value, which is
 * all a number on screen needs. The UI never drowns and a trend never lies.
 */
export class FrameStreamer {
  private readonly columns = new SampleColumns();
  private readonly coalesced = new SampleColumns(64);
  private readonly maxHeld: number;
  private readonly ackTimeoutMs: number;
  private readonly minGapMs: number;
  private readonly now: () => number;
  private readonly setTimer: (callback: () => void, ms: number) => void;
  private timerSet = false;
  private sentAt = 0;
  private trended = new Uint8Array(0);
  // Newest value per coalesced tag, and which tags have one waiting.
  private latestTime = new Float64Array(0);
  private latestValue = new Float64Array(0);
  private latestStatus = new Uint32Array(0);
  private waiting = new Uint8Array(0);
  private waitingTags: number[] = [];
  private seq = 0;
  /** Frames sent and not yet acknowledged, oldest first: their seq and when each went. */
  private inFlight: { seq: number; sentAt: number }[] = [];
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
    this.minGapMs = options.minFrameGapMs ?? DEFAULT_MIN_FRAME_GAP_MS;
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? unrefTimer;
  }

  setTrended(tagIndexes: Iterable<number>): void {
    this.trended.fill(0);
    for (const index of tagIndexes) {
      this.ensureTag(index);
      this.trended[index] = 1;
    }
  }

  push(tag: number, time: number, value: number, status: number): void {
    if (!this.windowFull || (this.trended[tag] === 1 && this.columns.count < this.maxHeld)) {
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

  /** Sends what is held now, unless FRAMES_IN_FLIGHT frames are unacknowledged (and the oldest not yet taken as lost). Returns whether a frame went out. */
  flush(): boolean {
    if (this.disposed) return false;
    if (this.windowFull) {
      if (!this.oldestAckOverdue) return false;
      this.inFlight.shift();
      this.lostAcks++;
    }
    if (!this.holdsSamples) return false;
    const frame = this.takeFrame();
    this.sentAt = this.now();
    this.inFlight.push({ seq: this.seq, sentAt: this.sentAt });
    this.send(frame);
    return true;
  }

  /**
   * A frame as soon as the window has room and the newest frame is
   * minFrameGapMs old, by timer if it is younger. Called as samples arrive,
   * when an ack comes, and each display tick (which also notices a lost ack).
   */
  flushSoon(): void {
    if (this.disposed || this.timerSet) return;
    if (this.windowFull && !this.oldestAckOverdue) return;
    const wait = this.sentAt + this.minGapMs - this.now();
    if (wait <= 0) {
      this.flush();
      return;
    }
    if (!this.holdsSamples) return;
    this.timerSet = true;
    this.setTimer(() => {
      this.timerSet = false;
      this.flushSoon();
    }, wait);
  }

  /** Acknowledges `seq` and every frame before it; a stale or unknown seq changes nothing. */
  ack(seq: number): void {
    const index = this.inFlight.findIndex((frame) => frame.seq === seq);
    if (index < 0) return;
    this.inFlight.splice(0, index + 1);
    this.flushSoon();
  }

  private get holdsSamples(): boolean {
    return this.columns.count > 0 || this.waitingTags.length > 0;
  }

  private get windowFull(): boolean {
    return this.inFlight.length >= FRAMES_IN_FLIGHT;
  }

  private get oldestAckOverdue(): boolean {
    return this.now() - this.inFlight[0]!.sentAt >= this.ackTimeoutMs;
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
