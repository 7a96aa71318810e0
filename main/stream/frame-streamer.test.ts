import { describe, expect, it } from 'vitest';
import { decodeFrame, FRAME_FLAG_SAMPLES_DROPPED, type Frame } from '../../shared/frame-codec.js';
import { FrameStreamer } from './frame-streamer.js';

function harness(options: { maxHeldSamples?: number } = {}) {
  const frames: Frame[] = [];
  const clock = { now: 1000 };
  const streamer = new FrameStreamer((buffer) => frames.push(decodeFrame(buffer)), { ...options, ackTimeoutMs: 5000, now: () => clock.now });
  const rows = (f: Frame) => Array.from(f.tag, (tag, i) => [tag, f.time[i], f.value[i]]);
  return { streamer, frames, rows, clock };
}

describe('FrameStreamer', () => {
  it('sends nothing when nothing arrived', () => {
    const { streamer, frames } = harness();
    expect(streamer.flush()).toBe(false);
    expect(frames).toHaveLength(0);
  });

  it('sends every sample, in arrival order, in one frame per tick while the renderer keeps up', () => {
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

  it('sends a frame as samples arrive, at most one a display tick and never past an unacknowledged one', () => {
    const { streamer, frames, clock } = harness();
    streamer.push(1, 10, 1, 0);
    expect(streamer.flushEarly(16)).toBe(true);
    streamer.push(1, 11, 2, 0);
    expect(streamer.flushEarly(16)).toBe(false); // the first is not acknowledged
    streamer.ack(frames[0]!.seq);
    clock.now += 10;
    expect(streamer.flushEarly(16)).toBe(false); // acknowledged, but within the tick
    clock.now += 6;
    expect(streamer.flushEarly(16)).toBe(true);
    expect(frames.map((f) => Array.from(f.value))).toEqual([[1], [2]]);
  });

  it('sends no second frame until the first is acknowledged', () => {
    const { streamer, frames } = harness();
    streamer.push(1, 10, 1, 0);
    streamer.flush();
    streamer.push(1, 11, 2, 0);
    expect(streamer.flush()).toBe(false);
    streamer.ack(99); // a stale or wrong ack does not release it
    expect(streamer.flush()).toBe(false);
    streamer.ack(frames[0]!.seq);
    expect(streamer.flush()).toBe(true);
    expect(frames).toHaveLength(2);
  });

  it('while unacknowledged keeps every sample of trended tags and only the newest of the others', () => {
    const { streamer, frames, rows } = harness();
    streamer.setTrended([5]);
    streamer.push(9, 1, 0, 0);
    streamer.flush(); // now waiting for ack
    for (let i = 0; i < 100; i++) {
      streamer.push(5, 100 + i, i, 0); // trended
      streamer.push(7, 100 + i, -i, 0); // display only
    }
    streamer.ack(1);
    streamer.flush();
    const sent = rows(frames[1]!);
    expect(sent.filter(([tag]) => tag === 5)).toHaveLength(100);
    expect(sent.filter(([tag]) => tag === 7)).toEqual([[7, 199, -99]]);
    expect(frames[1]!.flags & FRAME_FLAG_SAMPLES_DROPPED).toBe(0);
  });

  it('keeps each tag in time order when a coalesced tag becomes trended mid-stall', () => {
    const { streamer, frames, rows } = harness();
    streamer.push(3, 1, 0, 0);
    streamer.flush();
    streamer.push(3, 10, 1, 0); // coalesced: not trended yet
    streamer.setTrended([3]);
    streamer.push(3, 20, 2, 0); // held
    streamer.ack(1);
    streamer.flush();
    expect(rows(frames[1]!)).toEqual([[3, 10, 1], [3, 20, 2]]);
  });

  it('bounds what it holds for a stalled renderer and flags the hole so the trend can refill it', () => {
    const { streamer, frames, rows } = harness({ maxHeldSamples: 10 });
    streamer.setTrended([1]);
    streamer.push(1, 0, 0, 0);
    streamer.flush();
    for (let i = 1; i <= 50; i++) streamer.push(1, i, i, 0);
    streamer.ack(1);
    streamer.flush();
    const sent = rows(frames[1]!);
    expect(sent.length).toBe(11); // the newest coalesced value + the 10 held
    expect(sent[0]).toEqual([1, 50, 50]);
    expect(frames[1]!.flags & FRAME_FLAG_SAMPLES_DROPPED).toBe(FRAME_FLAG_SAMPLES_DROPPED);
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
    streamer.push(1, 1, 1, 0);
    streamer.flush();
    streamer.push(1, 2, 2, 0);
    clock.now += 4999;
    expect(streamer.flush()).toBe(false);
    clock.now += 1;
    expect(streamer.flush()).toBe(true);
    expect(frames).toHaveLength(2);
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
