/** Samples every 10 ms: the 100 Hz per pen the benchmark appends. */
export const SAMPLE_MS = 10;

/**
 * A plausible fast process signal for pen `pen` at sample `k`: a slow wave, noise on every
 * sample, and a one-sample spike now and then, so every pixel column has a real min and max to
 * draw and spikes must survive decimation. Deterministic: the same run draws the same picture.
 */
export function signalValue(pen: number, k: number): number {
  const wave = Math.sin((k * SAMPLE_MS) / (20_000 + pen * 1_700)) * 40;
  let h = Math.imul(k ^ (pen * 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  const noise = ((h >>> 0) / 0xffffffff - 0.5) * 8;
  const spike = k % (997 + pen) === 0 ? 60 : 0;
  return 50 + pen * 3 + wave + noise + spike;
}
