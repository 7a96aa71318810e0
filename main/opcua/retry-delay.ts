/** Doubling from the first delay, capped: a dead server is retried forever, but never hammered. */
export function retryDelay(attempt: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
}
