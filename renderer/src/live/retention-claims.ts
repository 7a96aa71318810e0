import type { RingLimits } from './sample-ring-buffer.js';

/** time, value and status: 8 + 8 + 4 bytes a sample. */
export const BYTES_PER_SAMPLE = 20;
/** What every trended tag's ring may take together; beyond it the trend reads history. */
export const DEFAULT_TREND_MEMORY_BYTES = 256 * 1024 * 1024;

/**
 * Which tags open trends need, and for how long: each owner (a trend) claims a retention per
 * tag, a tag keeps the longest claimed, and the memory budget is shared equally among the
 * claimed tags so no number of pens or windows can exhaust the page.
 */
export class RetentionClaims {
  readonly #budgetSamples: number;
  readonly #claims = new Map<object, ReadonlyMap<number, number>>();
  #limits = new Map<number, RingLimits>();

  constructor(memoryBytes: number = DEFAULT_TREND_MEMORY_BYTES) {
    this.#budgetSamples = Math.max(1, Math.floor(memoryBytes / BYTES_PER_SAMPLE));
  }

  /** Replaces the owner's claims (tag index to retention in ms). Returns every tag whose limits changed. */
  set(owner: object, claims: ReadonlyMap<number, number>): number[] {
    if (claims.size === 0) this.#claims.delete(owner);
    else this.#claims.set(owner, claims);
    return this.#recompute();
  }

  /** Undefined for a tag no trend claims: it keeps the default short ring. */
  limitsFor(tag: number): RingLimits | undefined {
    return this.#limits.get(tag);
  }

  has(tag: number): boolean {
    return this.#limits.has(tag);
  }

  #recompute(): number[] {
    const retain = new Map<number, number>();
    for (const claims of this.#claims.values()) {
      for (const [tag, ms] of claims) retain.set(tag, Math.max(retain.get(tag) ?? 0, ms));
    }
    const maxCapacity = Math.max(1, Math.floor(this.#budgetSamples / Math.max(1, retain.size)));
    const next = new Map<number, RingLimits>();
    for (const [tag, retainMs] of retain) next.set(tag, { maxCapacity, retainMs });
    const changed: number[] = [];
    for (const [tag, limits] of next) {
      const old = this.#limits.get(tag);
      if (old?.maxCapacity !== limits.maxCapacity || old.retainMs !== limits.retainMs) changed.push(tag);
    }
    for (const tag of this.#limits.keys()) if (!next.has(tag)) changed.push(tag);
    this.#limits = next;
    return changed;
  }
}
