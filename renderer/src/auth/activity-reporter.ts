/**
 * Tells main the user is active, at most once per interval however busy the
 * mouse is: main only needs to know the inactivity clock should restart.
 */
export function activityReporter(report: () => void, intervalMs: number, now: () => number = Date.now): () => void {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    const time = now();
    if (time - last < intervalMs) return;
    last = time;
    report();
  };
}

/** Often enough that a lock never comes while the user works, rarely enough to cost nothing. */
export function activityInterval(lockAfterMs: number): number {
  return Math.max(1_000, Math.min(30_000, lockAfterMs / 4));
}
