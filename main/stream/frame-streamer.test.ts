import { describe, expect, it } from 'vitest';
import { decodeFrame, FRAME_FLAG_SAMPLES_DROPPED, type Frame } from '../../shared/frame-codec.js';
import { FrameStreamer } from './frame-streamer.js';

function harness(options: { maxHeldSamples?: number } = {}) {
  const frames: Frame[] = [];
  const timers: { at: number; callback: () => void }[] = [];
  const clock = {
    now: 1000,
    /** Moves the clock on, running each timer that falls due on the way. */
    advance(ms: number) {
      const until = clock.now + ms;
      for (let next = timers.sort((a, b) => a.at - b.at)[0]; next !== undefined && next.at <= until; next = timers.sort((a, b) => a.at - b.at)[0]) {
        timers.shift();
        clock.now = next.at;
        next.callback();
      }
      clock.now = until;
    },
  };
  const streamer = new FrameStreamer((buffer) => frames.push(decodeFrame(buffer)), {
    ...options,
    ackTimeoutMs: 5000,
    minFrameGapMs: 4,
    now: () => clock.now,
    setTimer: (callback, ms) => timers.push({ at: clock.now + ms, callback }),
  });
  const rows = (f: Frame) => Array.from(f.tag, (tag, i) => [tag, f.time[i], f.value[i]]);
  return { streamer, frames, rows, clock, timers };
}

/** Two frames out and neither acknowledged (seq 1 and 2): the window is full, as with a renderer that stalls. */
function stall(streamer: FrameStreamer): void {
  for (let i = 0; i < 2; i++) {
    streamer.push(9, i, 0, 0);
    streamer.flush();
  }
}

describe('FrameStreamer', () => {
  it('sends nothing when nothing arrived', () => {
    const { streamer, frames } = harness();
    expect(streamer.flush()).toBe(false);
    expect(frames).toHaveLength(0);
  });

  it('sends every sample, in arrival order, in one frame while the renderer keeps up', () => {
    const { streamer, frames, rows } = harness();
    streamer.push(1, 10, 1.5, 0);
    streamer.push(2, 11, 2.5, 0);
    streamer.push(1, 12, 1.6, 0x80310000);
    expect(streamer.flush()).toBe(true);
    expect(frames).toHaveLength(1);
    expect(rows(frames[0]!)).toEqual([[1, 10, 1.5], [2, 11, 2.5], [1, 12, 1.6]]);
    expect(Array.from(frames[0]!.status)).toEqual([0, 0, 0x80310000]);
    expect(frames[0]!.seq).toBe(1);
    expect(frames[0]!.sentAt).toBe(1000);
  });

  it('sends a frame as samples arrive, the next once the gap is over, and a third only when an ack makes room', () => {
    const { streamer, frames, clock, timers } = harness();
    streamer.push(1, 10, 1, 0);
    streamer.flushSoon();
    expect(frames).toHaveLength(1);
    streamer.push(1, 11, 2, 0);
    streamer.flushSoon();
    expect(frames).toHaveLength(1); // within the gap: a timer sends it when the gap is over
    expect(timers).toHaveLength(1);
    clock.advance(3);
    expect(frames).toHaveLength(1);
    clock.advance(1);
    expect(frames.map((f) => Array.from(f.value))).toEqual([[1], [2]]);
    expect(frames[1]!.sentAt).toBe(1004); // sent while the first is still unacknowledged
    streamer.push(1, 12, 3, 0);
    clock.advance(10);
    streamer.flushSoon();
    expect(frames).toHaveLength(2); // two in flight: the window is full
    streamer.ack(frames[0]!.seq); // samples waiting go out with the ack
    expect(frames.map((f) => Array.from(f.value))).toEqual([[1], [2], [3]]);
    expect(timers).toHaveLength(0);
  });

  it('sets no timer with nothing to send, and one at most while it waits', () => {
    const { streamer, frames, timers } = harness();
    streamer.push(1, 10, 1, 0);
    streamer.flushSoon();
    streamer.ack(frames[0]!.seq);
    expect(timers).toHaveLength(0);
    streamer.push(1, 11, 2, 0);
    streamer.flushSoon();
    streamer.flushSoon();
    expect(timers).toHaveLength(1);
  });

  it('sends no third frame while two are unacknowledged; an ack also acknowledges the frames before it', () => {
    const { streamer, frames, clock } = harness();
    for (let i = 0; i < 2; i++) {
      streamer.push(1, 10 + i, i, 0);
      expect(streamer.flush()).toBe(true);
    }
    streamer.push(1, 12, 2, 0);
    expect(streamer.flush()).toBe(false);
    streamer.ack(99); // a stale or wrong ack does not release it
    expect(streamer.flush()).toBe(false);
    clock.advance(10);
    streamer.ack(frames[1]!.seq); // the first one's ack was lost on the way: the second's covers it
    expect(frames).toHaveLength(3); // sent with the ack
    streamer.push(1, 13, 3, 0);
    streamer.push(1, 14, 4, 0);
    expect(streamer.flush()).toBe(true);
    expect(streamer.flush()).toBe(false);
    streamer.ack(frames[0]!.seq); // long since acknowledged
    expect(streamer.flush()).toBe(false);
  });

  it('while the window is full keeps every sample of trended tags and only the newest of the others', () => {
    const { streamer, frames, rows, clock } = harness();
    streamer.setTrended([5]);
    stall(streamer);
    for (let i = 0; i < 100; i++) {
      streamer.push(5, 100 + i, i, 0); // trended
      streamer.push(7, 100 + i, -i, 0); // display only
    }
    clock.advance(10);
    streamer.ack(2);
    const sent = rows(frames[2]!);
    expect(sent.filter(([tag]) => tag === 5)).toHaveLength(100);
    expect(sent.filter(([tag]) => tag === 7)).toEqual([[7, 199, -99]]);
    expect(frames[2]!.flags & FRAME_FLAG_SAMPLES_DROPPED).toBe(0);
  });

  it('keeps each tag in time order when a coalesced tag becomes trended mid-stall', () => {
    const { streamer, frames, rows, clock } = harness();
    stall(streamer);
    streamer.push(3, 10, 1, 0); // coalesced: not trended yet
    streamer.setTrended([3]);
    streamer.push(3, 20, 2, 0); // held
    clock.advance(10);
    streamer.ack(2);
    expect(rows(frames[2]!)).toEqual([[3, 10, 1], [3, 20, 2]]);
  });

  it('bounds what it holds for a stalled renderer and flags the hole so the trend can refill it', () => {
    const { streamer, frames, rows, clock } = harness({ maxHeldSamples: 10 });
    streamer.setTrended([1]);
    stall(streamer);
    for (let i = 1; i <= 50; i++) streamer.push(1, i, i, 0);
    clock.advance(10);
    streamer.ack(2);
    const sent = rows(frames[2]!);
    expect(sent.length).toBe(11); // the newest coalesced value + the 10 held
    expect(sent[0]).toEqual([1, 50, 50]);
    expect(frames[2]!.flags & FRAME_FLAG_SAMPLES_DROPPED).toBe(FRAME_FLAG_SAMPLES_DROPPED);
  });

  it('loses nothing across many ticks when acknowledged each time', () => {
    const { streamer, frames } = harness();
    let pushed = 0;
    for (let tick = 0; tick < 200; tick++) {
      for (let i = 0; i < 37; i++) streamer.push(i % 11, pushed, pushed++, 0);
      streamer.flush();
      streamer.ack(frames.at(-1)!.seq);
    }
    const values = frames.flatMap((f) => Array.from(f.value));
    expect(values).toEqual(Array.from({ length: pushed }, (_, i) => i));
  });

  it('takes an ack that never comes as lost and streams on, so one unreadable frame cannot freeze a screen', () => {
    const { streamer, frames, clock } = harness();
    stall(streamer);
    streamer.push(1, 2, 2, 0);
    clock.advance(4999);
    streamer.flushSoon(); // each display tick asks
    expect(frames).toHaveLength(2);
    clock.advance(1);
    streamer.flushSoon();
    expect(frames.map((f) => Array.from(f.value))).toEqual([[0], [0], [2]]);
    expect(streamer.lostAcks).toBe(1);
  });

  it('sends nothing after dispose', () => {
    const { streamer, frames } = harness();
    streamer.push(1, 1, 1, 0);
    streamer.dispose();
    expect(streamer.flush()).toBe(false);
    expect(frames).toHaveLength(0);
  });
});
