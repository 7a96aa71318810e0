import type { SampleObserver } from '../api/sample-source.js';
import type { Historian } from './historian.js';

const UNRESOLVED = 0;
const NOT_HISTORISED = -1;

/**
 * Feeds the core's samples to the historian. `historisedId(index)` gives the
 * tag id (TagInfo.id) of a core tag index whose history is on, or null; it is
 * asked once per index, at its first sample, so the hot path only reads an
 * array. Call `reset()` when the tag list or history settings change.
 */
export class HistorianFeed implements SampleObserver {
  /** Per core index: tagKey + 1, UNRESOLVED or NOT_HISTORISED. */
  private keys = new Int32Array(0);

  constructor(
    private readonly historian: Pick<Historian, 'registerTags' | 'append'>,
    private readonly historisedId: (index: number) => string | null,
  ) {}

  sample(index: number, time: number, value: number, status: number): void {
    let key = index < this.keys.length ? this.keys[index]! : UNRESOLVED;
    if (key === UNRESOLVED) key = this.resolve(index);
    if (key > 0) this.historian.append(key - 1, time, value, status);
  }

  reset(): void {
    this.keys = new Int32Array(0);
  }

  private resolve(index: number): number {
    if (index >= this.keys.length) {
      const grown = new Int32Array(Math.max(index + 1, this.keys.length * 2));
      grown.set(this.keys);
      this.keys = grown;
    }
    const tagId = this.historisedId(index);
    const key = tagId === null ? NOT_HISTORISED : this.historian.registerTags([tagId])[0]! + 1;
    this.keys[index] = key;
    return key;
  }
}
