import type { AppStore } from '../state/app-store.js';
import type { LiveStore } from './live-store.js';

/** A copy of one tag's ring, oldest first. */
export interface RingCopy {
  readonly time: number[];
  readonly value: number[];
  readonly status: number[];
}

/** Read-only view into the live rings, for end-to-end tests that must count samples the screen holds. */
export interface LiveStoreProbe {
  /** Null while the tag is unknown or has no ring yet. */
  ring(tagId: string): RingCopy | null;
}

/**
 * What reached the renderer is otherwise only visible as pixels, which cannot show a missing
 * 10 ms sample. The probe hands out copies, so nothing outside can change a ring.
 */
export function liveStoreProbe(liveStore: LiveStore, appStore: AppStore): LiveStoreProbe {
  return {
    ring(tagId) {
      const tag = appStore.getState().tags.find((t) => t.id === tagId);
      const series = tag === undefined ? undefined : liveStore.samples(tag.index);
      if (series === undefined) return null;
      const copy: RingCopy = { time: [], value: [], status: [] };
      for (let i = 0; i < series.length; i++) {
        copy.time.push(series.timeAt(i));
        copy.value.push(series.valueAt(i));
        copy.status.push(series.statusAt(i));
      }
      return copy;
    },
  };
}
