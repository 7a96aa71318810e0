import { LatencySamples } from './latency-samples.js';

// OPC UA Part 4, 7.39.1: InfoType DataValue (0x400) with the Overflow bit (0x80).
const OVERFLOW_BITS = 0x480;

/**
 * Counts what a benchmark client received from the bench server, whose values
 * are per-tag sequence numbers: a jump from k to k+3 means two were lost.
 */
export class ValueTally {
  received = 0;
  lost = 0;
  /** Samples flagged by the server with the Overflow info bits: its queue for the item dropped older ones. */
  overflows = 0;
  /** Sequence steps the server made while measuring, summed over tags: what it offered. */
  offered = 0;
  private readonly last: Float64Array;
  private first = new Float64Array(0);
  private readonly latencies = new LatencySamples();
  private counting = false;

  constructor(tagCount: number) {
    this.last = new Float64Array(tagCount).fill(Number.NaN);
  }

  get measuring(): boolean {
    return this.counting;
  }

  start(): void {
    this.first = this.last.slice();
    this.counting = true;
  }

  stop(): void {
    this.counting = false;
    this.offered = 0;
    for (let tag = 0; tag < this.last.length; tag++) {
      const steps = this.last[tag]! - this.first[tag]!;
      if (steps > 0) this.offered += steps;
    }
  }

  add(tag: number, value: number, status: number, latencyMs: number): void {
    const previous = this.last[tag]!;
    this.last[tag] = value;
    if (!this.counting) return;
    this.received++;
    if ((status & OVERFLOW_BITS) === OVERFLOW_BITS) this.overflows++;
    if (!Number.isNaN(previous) && value > previous + 1) this.lost += value - previous - 1;
    this.latencies.add(latencyMs);
  }

  latencyPercentile(p: number): number {
    return this.latencies.percentile(p);
  }
}
