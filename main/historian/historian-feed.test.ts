import { describe, expect, it } from 'vitest';
import { HistorianFeed } from './historian-feed.js';

/** Records what the feed hands over; the real Historian is exercised in test/integration. */
function recorder() {
  const registered: string[] = [];
  const appended: number[][] = [];
  return {
    registered,
    appended,
    registerTags: (ids: readonly string[]) => ids.map((id) => (registered.includes(id) ? registered.indexOf(id) : registered.push(id) - 1)),
    append: (key: number, time: number, value: number, status: number) => void appended.push([key, time, value, status]),
  };
}

describe('HistorianFeed', () => {
  it('maps core tag indexes to historian keys, asking once per index, and skips tags without history', () => {
    const historian = recorder();
    const asked: number[] = [];
    const feed = new HistorianFeed(historian, (index) => (asked.push(index), index === 1 ? null : `demo/T${index}`));
    feed.sample(5, 100, 1.5, 0);
    feed.sample(1, 101, 2, 0);
    feed.sample(5, 102, 1.6, 0);
    feed.sample(0, 103, 3, 0x80310000);
    feed.sample(1, 104, 2, 0);
    expect(asked).toEqual([5, 1, 0]);
    expect(historian.registered).toEqual(['demo/T5', 'demo/T0']);
    expect(historian.appended).toEqual([[0, 100, 1.5, 0], [0, 102, 1.6, 0], [1, 103, 3, 0x80310000]]);
  });

  it('asks again after reset (history switched on for a tag)', () => {
    const historian = recorder();
    let on = false;
    const feed = new HistorianFeed(historian, () => (on ? 'demo/X' : null));
    feed.sample(0, 1, 1, 0);
    on = true;
    feed.sample(0, 2, 2, 0);
    feed.reset();
    feed.sample(0, 3, 3, 0);
    expect(historian.appended).toEqual([[0, 3, 3, 0]]);
  });
});
