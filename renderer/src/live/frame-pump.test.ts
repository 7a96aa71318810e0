import { describe, expect, it, vi } from 'vitest';
import { FRAME_FLAG_SAMPLES_DROPPED, encodeFrame } from '../../../shared/frame-codec.js';
import { StatusCode } from '../../../shared/status-code.js';
import { FramePump } from './frame-pump.js';
import { LiveStore } from './live-store.js';
import { ManualFrameScheduler } from '../test-support/manual-frame-scheduler.js';

function frame(seq: number, tag: number, value: number, flags = 0): ArrayBuffer {
  return encodeFrame(seq, flags, 0, [
    {
      count: 1,
      tag: Uint32Array.of(tag),
      time: Float64Array.of(1000 + seq),
      value: Float64Array.of(value),
      status: Uint32Array.of(StatusCode.Good),
    },
  ]);
}

function setup() {
  let deliver: (buffer: ArrayBuffer) => void = () => {};
  const acks: number[] = [];
  const store = new LiveStore(new ManualFrameScheduler());
  const bridge = {
    onFrame: vi.fn((listener: (buffer: ArrayBuffer) => void) => {
      deliver = listener;
      return () => {
        deliver = () => {};
      };
    }),
    // The ack must come after the samples are in the buffers: main takes it as "caught up".
    ackFrame: vi.fn((seq: number) => acks.push(seq * 1000 + (store.samples(7)?.length ?? 0))),
  };
  const log = { warn: vi.fn() };
  const pump = new FramePump(bridge, store, log);
  return { deliver: (buffer: ArrayBuffer) => deliver(buffer), acks, store, log, pump };
}

describe('FramePump', () => {
  it('appends each frame to the store, then acknowledges its seq', () => {
    const { deliver, acks, store } = setup();
    deliver(frame(1, 7, 1.5));
    deliver(frame(2, 7, 2.5));
    expect(acks).toEqual([1001, 2002]);
    expect(store.samples(7)?.valueAt(1)).toBe(2.5);
  });

  it('counts and logs a malformed frame without throwing or acknowledging it', () => {
    const { deliver, acks, log, pump } = setup();
    expect(() => deliver(new ArrayBuffer(3))).not.toThrow();
    deliver(new ArrayBuffer(30));
    deliver(frame(3, 7, 1));
    expect(pump.stats).toMatchObject({ frames: 1, decodeErrors: 2 });
    expect(log.warn).toHaveBeenCalledTimes(2);
    expect(acks).toEqual([3001]);
  });

  it('logs a stream of bad frames sparsely', () => {
    const { deliver, log } = setup();
    for (let i = 0; i < 100; i++) deliver(new ArrayBuffer(3));
    expect(log.warn).toHaveBeenCalledTimes(7);
  });

  it('counts frames in which main dropped trended samples', () => {
    const { deliver, pump } = setup();
    deliver(frame(1, 7, 1, FRAME_FLAG_SAMPLES_DROPPED));
    expect(pump.stats.framesWithDroppedSamples).toBe(1);
  });

  it('stops receiving after dispose', () => {
    const { deliver, acks, pump } = setup();
    pump.dispose();
    deliver(frame(1, 7, 1));
    expect(acks).toEqual([]);
  });
});
