/**
 * The binary frame that carries samples from main to the renderer, in both
 * shells. Columnar so the renderer can read typed-array views without a copy:
 * Float64 columns come first so they sit on 8-byte boundaries.
 *
 * Layout (little endian):
 *   header  24 bytes: magic u32 | version u16 | flags u16 | seq u32 | count u32 | sentAt f64
 *   time    f64[count]  source timestamp, ms since epoch
 *   value   f64[count]
 *   tag     u32[count]  tag index (see TagInfo.index)
 *   status  u32[count]  full OPC UA StatusCode
 */
export const FRAME_MAGIC = 0x31465754; // "TWF1"
export const FRAME_VERSION = 1;
export const FRAME_HEADER_BYTES = 24;
const BYTES_PER_SAMPLE = 8 + 8 + 4 + 4;

/** Set when the streamer had to coalesce a trended tag: the live view has a hole the history must fill. */
export const FRAME_FLAG_SAMPLES_DROPPED = 1;

export interface FrameColumns {
  readonly count: number;
  readonly time: Float64Array;
  readonly value: Float64Array;
  readonly tag: Uint32Array;
  readonly status: Uint32Array;
}

export interface Frame extends FrameColumns {
  readonly seq: number;
  readonly flags: number;
  readonly sentAt: number;
}

export class FrameFormatError extends Error {
  override name = 'FrameFormatError';
}

export function frameByteLength(count: number): number {
  return FRAME_HEADER_BYTES + count * BYTES_PER_SAMPLE;
}

/**
 * Writes the parts' samples, in order, into one buffer. Each part's columns may
 * be longer than its count (growable buffers); only [0, count) is written.
 */
export function encodeFrame(seq: number, flags: number, sentAt: number, parts: readonly FrameColumns[]): ArrayBuffer {
  let count = 0;
  for (const part of parts) count += part.count;
  const buffer = new ArrayBuffer(frameByteLength(count));
  const header = new DataView(buffer, 0, FRAME_HEADER_BYTES);
  header.setUint32(0, FRAME_MAGIC, true);
  header.setUint16(4, FRAME_VERSION, true);
  header.setUint16(6, flags, true);
  header.setUint32(8, seq >>> 0, true);
  header.setUint32(12, count, true);
  header.setFloat64(16, sentAt, true);
  const o = offsets(count);
  const time = new Float64Array(buffer, o.time, count);
  const value = new Float64Array(buffer, o.value, count);
  const tag = new Uint32Array(buffer, o.tag, count);
  const status = new Uint32Array(buffer, o.status, count);
  let at = 0;
  for (const part of parts) {
    const n = part.count;
    time.set(part.time.subarray(0, n), at);
    value.set(part.value.subarray(0, n), at);
    tag.set(part.tag.subarray(0, n), at);
    status.set(part.status.subarray(0, n), at);
    at += n;
  }
  return buffer;
}

/** Views into the buffer, no copy. Throws FrameFormatError naming what is wrong. */
export function decodeFrame(buffer: ArrayBuffer): Frame {
  if (buffer.byteLength < FRAME_HEADER_BYTES) {
    throw new FrameFormatError(`frame of ${buffer.byteLength} bytes is shorter than its ${FRAME_HEADER_BYTES}-byte header`);
  }
  const header = new DataView(buffer, 0, FRAME_HEADER_BYTES);
  const magic = header.getUint32(0, true);
  if (magic !== FRAME_MAGIC) throw new FrameFormatError(`frame magic 0x${magic.toString(16)} is not TWF1`);
  const version = header.getUint16(4, true);
  if (version !== FRAME_VERSION) throw new FrameFormatError(`frame version ${version} is not ${FRAME_VERSION}`);
  const count = header.getUint32(12, true);
  const expected = frameByteLength(count);
  if (buffer.byteLength !== expected) {
    throw new FrameFormatError(`frame says ${count} samples (${expected} bytes) but has ${buffer.byteLength} bytes`);
  }
  const o = offsets(count);
  return {
    seq: header.getUint32(8, true),
    flags: header.getUint16(6, true),
    sentAt: header.getFloat64(16, true),
    count,
    time: new Float64Array(buffer, o.time, count),
    value: new Float64Array(buffer, o.value, count),
    tag: new Uint32Array(buffer, o.tag, count),
    status: new Uint32Array(buffer, o.status, count),
  };
}

function offsets(count: number) {
  const time = FRAME_HEADER_BYTES;
  const value = time + count * 8;
  const tag = value + count * 8;
  const status = tag + count * 4;
  return { time, value, tag, status };
}
