/**
 * Slows password guessing without locking a real operator out for good:
 * after a few free failures each further one doubles the wait before the
 * next attempt, per user name (a targeted guess) and per client station (one
 * station spraying many names). A refused attempt never reaches the hash, so
 * guessing costs the attacker time and the station no CPU.
 */
export interface ThrottlePolicy {
  readonly freeFailures: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A key with no failure for this long starts afresh. */
  readonly forgetAfterMs: number;
  /** Bounds memory against an attacker inventing a new user name per attempt. */
  readonly maxKeys: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  freeFailures: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
  forgetAfterMs: 15 * 60_000,
  maxKeys: 10_000,
};

interface Failures {
  count: number;
  last: number;
  /** Attempts refused while waiting, reported with the next audited attempt. */
  refused: number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(
    private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until any of these keys may try again; 0 when all may. */
  retryAfterMs(keys: readonly string[]): number {
    const now = this.now();
    let wait = 0;
    for (const key of keys) {
      const entry = this.live(key, now);
      if (entry) wait = Math.max(wait, entry.last + this.delayAfter(entry.count) - now);
    }
    return wait;
  }

  /** Counts a refusal; true for the first one after a failure (the one worth an audit record). */
  noteRefused(keys: readonly string[]): boolean {
    let first = false;
    for (const key of keys) {
      const entry = this.failures.get(key);
      if (!entry) continue;
      if (entry.refused === 0) first = true;
      entry.refused++;
    }
    return first;
  }

  /** Records a failure and returns how many attempts were refused since the previous one. */
  recordFailure(keys: readonly string[]): number {
    const now = this.now();
    let refused = 0;
    for (const key of keys) {
      const entry = this.live(key, now) ?? { count: 0, last: now, refused: 0 };
      refused = Math.max(refused, entry.refused);
      this.failures.delete(key); // re-inserted last: the Map's order is the eviction order
      this.failures.set(key, { count: entry.count + 1, last: now, refused: 0 });
    }
    while (this.failures.size > this.policy.maxKeys) this.failures.delete(this.failures.keys().next().value!);
    return refused;
  }

  /** A successful login clears the keys it proved; returns how many attempts had been refused. */
  recordSuccess(keys: readonly string[]): number {
    let refused = 0;
    for (const key of keys) {
      refused = Math.max(refused, this.failures.get(key)?.refused ?? 0);
      this.failures.delete(key);
    }
    return refused;
  }

  private delayAfter(count: number): number {
    if (count < this.policy.freeFailures) return 0;
    return Math.min(this.policy.baseDelayMs * 2 ** (count - this.policy.freeFailures), this.policy.maxDelayMs);
  }

  private live(key: string, now: number): Failures | undefined {
    const entry = this.failures.get(key);
    if (entry && now - entry.last > this.policy.forgetAfterMs) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }
}
