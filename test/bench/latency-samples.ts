import { percentile } from './percentile.js';

/** Latencies in ms, as many as a run brings, in one growable typed array. */
export class LatencySamples {
  private values = new Float64Array(1 << 20);
  private count = 0;

  add(latencyMs: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = latencyMs;
  }

  percentile(p: number): number {
    return percentile(this.values.subarray(0, this.count), p);
  }
}
