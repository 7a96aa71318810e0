/** What went wrong with one tag's samples, as counts the legend shows beside the pen. */
export interface TagIssues {
  /** Arrived older than the newest samples kept (a clock that went back): not drawn. */
  readonly outOfOrder: number;
  /** Stamped more than FUTURE_TOLERANCE_MS ahead of this PC's clock: not drawn. */
  readonly future: number;
  /** A timestamp that is not a number at all: not drawn. */
  readonly badTime: number;
  /** NaN or ±Infinity values: drawn as gaps. */
  readonly nonFinite: number;
}

export type TagIssue = keyof TagIssues;

const NONE: TagIssues = { outOfOrder: 0, future: 0, badTime: 0, nonFinite: 0 };

/**
 * Sparse per-tag counts: problems are rare, so a tag without any costs nothing. Each read
 * returns the same object until the counts change, as useSyncExternalStore needs.
 */
export class TagIssueCounts {
  readonly #counts = new Map<number, TagIssues>();

  count(tag: number, issue: TagIssue): void {
    const current = this.#counts.get(tag) ?? NONE;
    this.#counts.set(tag, { ...current, [issue]: current[issue] + 1 });
  }

  get(tag: number): TagIssues | undefined {
    return this.#counts.get(tag);
  }

  clear(): void {
    this.#counts.clear();
  }
}
