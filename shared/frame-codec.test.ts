import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, FRAME_FLAG_SAMPLES_DROPPED, FRAME_HEADER_BYTES, FrameFormatError, type FrameColumns } from './frame-codec.js';

function columns(rows: [tag: number, time: number, value: number, status: number][], capacity = rows.length): FrameColumns {
  const c = { count: rows.length, tag: new Uint32Array(capacity), time: new Float64Array(capacity), value: new Float64Array(capacity), status: new Uint32Array(capacity) };
  rows.forEach(([tag, time, value, status], i) => {
    c.tag[i] = tag;
    c.time[i] = time;
    c.value[i] = value;
    c.status[i] = status;
  });
  return c;
}

describe('frame codec', () => {
  it('round-trips every column exactly, including NaN, infinities and full status codes', () => {
    const rows: [number, number, number, number][] = [
      [0, 1764039600000.125, 12.5, 0],
      [7, 1764039600010, Number.NaN, 0x808b0000],
      [4_000_000_000, 1764039600020, Number.NEGATIVE_INFINITY, 0x40900000],
      [3, -1, -0, 0xffffffff],
    ];
    const frame = decodeFrame(encodeFrame(42, FRAME_FLAG_SAMPLES_DROPPED, 1234.5, [columns(rows)]));
    expect(frame.seq).toBe(42);
    expect(frame.flags).toBe(FRAME_FLAG_SAMPLES_DROPPED);
    expect(frame.sentAt).toBe(1234.5);
    expect(frame.count).toBe(4);
    expect(Array.from(frame.tag)).toEqual(rows.map((r) => r[0]));
    expect(Array.from(frame.time)).toEqual(rows.map((r) => r[1]));
    expect(Array.from(frame.value)).toEqual(rows.map((r) => r[2]));
    expect(Object.is(frame.value[3], -0)).toBe(true);
    expect(Array.from(frame.status)).toEqual(rows.map((r) => r[3]));
  });

  it('concatenates parts in order and writes only each part’s count, not its capacity', () => {
    const a = columns([[1, 10, 1, 0]], 16);
    const b = columns([[2, 20, 2, 0], [1, 30, 3, 0]], 8);
    const frame = decodeFrame(encodeFrame(1, 0, 0, [a, b]));
    expect(Array.from(frame.tag)).toEqual([1, 2, 1]);
    expect(Array.from(frame.value)).toEqual([1, 2, 3]);
  });

  it('encodes an empty frame', () => {
    const frame = decodeFrame(encodeFrame(0, 0, 0, []));
    expect(frame.count).toBe(0);
  });

  it('decodes without copying: the columns are views on the received buffer', () => {
    const buffer = encodeFrame(1, 0, 0, [columns([[1, 2, 3, 0]])]);
    expect(decodeFrame(buffer).time.buffer).toBe(buffer);
  });

  it('refuses short, foreign, wrong-version and truncated buffers with a message saying what is wrong', () => {
    expect(() => decodeFrame(new ArrayBuffer(3))).toThrow(/shorter than its 24-byte header/);
    const foreign = new ArrayBuffer(FRAME_HEADER_BYTES);
    expect(() => decodeFrame(foreign)).toThrow(/magic 0x0 is not TWF1/);
    const good = encodeFrame(1, 0, 0, [columns([[1, 2, 3, 0]])]);
    const wrongVersion = good.slice(0);
    new DataView(wrongVersion).setUint16(4, 9, true);
    expect(() => decodeFrame(wrongVersion)).toThrow(/version 9/);
    expect(() => decodeFrame(good.slice(0, good.byteLength - 1))).toThrow(FrameFormatError);
    expect(() => decodeFrame(good.slice(0, good.byteLength - 1))).toThrow(/says 1 samples/);
  });
});
