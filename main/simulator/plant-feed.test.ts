import type { DataValue } from 'node-opcua';
import { describe, expect, it } from 'vitest';
import { plantVariables, type PlantVariable } from './plant-catalogue.js';
import { createPlantFeed, isPushed, type OnPublish } from './plant-feed.js';

function variable(name: string): PlantVariable {
  const found = plantVariables.find((v) => v.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

const start = Date.UTC(2026, 0, 1);

/** Every sample the feed hands to onPublish, as offsets from `start` per variable name. */
function recorder(): { onPublish: OnPublish; offsets(name: string): number[]; clear(): void } {
  const published: { name: string; time: number }[] = [];
  return {
    onPublish: (v, dataValue) => published.push({ name: v.name, time: (dataValue.sourceTimestamp?.getTime() ?? Number.NaN) - start }),
    offsets: (name) => published.filter((p) => p.name === name).map((p) => p.time),
    clear: () => published.splice(0),
  };
}

const stepsOf10 = (from: number, to: number): number[] => Array.from({ length: (to - from) / 10 + 1 }, (_, i) => from + 10 * i);

describe('plant feed', () => {
  it('stamps one vibration sample per 10 ms and process values per 100 ms, however irregular the timer', () => {
    const feed = createPlantFeed(start);
    const vibration = new Set<number>();
    const level = new Set<number>();
    for (let now = start; now <= start + 1000; now += 7 + (now % 3)) {
      feed.advance(now);
      vibration.add(feed.latest(variable('Pump1.Vibration')).sourceTimestamp?.getTime() ?? 0);
      level.add(feed.latest(variable('Tank1.Level')).sourceTimestamp?.getTime() ?? 0);
    }
    const offsets = (times: Set<number>) => [...times].map((t) => t - start);
    expect(offsets(vibration).every((t) => t % 10 === 0)).toBe(true);
    expect(vibration.size).toBeGreaterThan(70);
    expect(offsets(level).every((t) => t % 100 === 0)).toBe(true);
    expect(level.size).toBeGreaterThan(5);
  });

  it('catches up with the clock after a long stall instead of racing through it', () => {
    const feed = createPlantFeed(start);
    feed.advance(start + 60_000);
    feed.advance(start + 60_010);
    expect(feed.latest(variable('Pump1.Vibration')).sourceTimestamp?.getTime()).toBe(start + 60_010);
  });

  it('publishes an accepted write at once and keeps the last value after a refused one', () => {
    const feed = createPlantFeed(start);
    const sp = variable('TIC101.SP');
    const before = feed.latest(sp);
    expect(feed.write(sp, 150)?.reason).toBe('outOfRange');
    expect(feed.latest(sp)).toBe(before);
    expect(feed.write(sp, 60)).toBeUndefined();
    expect(feed.latest(sp).value.value).toBe(60);
  });

  it('hands every sample to onPublish as it is taken, each of a catch-up burst with its own model time', () => {
    const published = recorder();
    const feed = createPlantFeed(start, published.onPublish);
    expect(published.offsets('Pump1.Vibration')).toEqual([0]);
    expect(published.offsets('Tank1.Level')).toEqual([0]);
    published.clear();
    // A timer 50 ms late: five model steps at once.
    feed.advance(start + 50);
    expect(published.offsets('Pump1.Vibration')).toEqual([10, 20, 30, 40, 50]);
    expect(published.offsets('Tank1.Level')).toEqual([]);
    feed.advance(start + 59);
    feed.advance(start + 100);
    expect(published.offsets('Pump1.Vibration')).toEqual(stepsOf10(10, 100));
    expect(published.offsets('Tank1.Level')).toEqual([100]);
  });

  it('hands onPublish the very DataValue that latest() then answers', () => {
    let last: DataValue | undefined;
    const feed = createPlantFeed(start, (v, dataValue) => {
      if (v.name === 'Pump1.Vibration') last = dataValue;
    });
    feed.advance(start + 30);
    expect(feed.latest(variable('Pump1.Vibration'))).toBe(last);
  });

  it('after a long stall hands onPublish the burst it catches up, then skips the rest of the gap', () => {
    const published = recorder();
    const feed = createPlantFeed(start, published.onPublish);
    published.clear();
    feed.advance(start + 60_000);
    feed.advance(start + 60_010);
    expect(published.offsets('Pump1.Vibration')).toEqual([...stepsOf10(10, 1000), 60_010]);
  });

  it('hands onPublish an accepted write at once, and nothing for a refused one', () => {
    const published = recorder();
    const feed = createPlantFeed(start, published.onPublish);
    published.clear();
    expect(feed.write(variable('TIC101.SP'), 150)?.reason).toBe('outOfRange');
    expect(published.offsets('TIC101.SP')).toEqual([]);
    expect(feed.write(variable('TIC101.SP'), 60)).toBeUndefined();
    expect(published.offsets('TIC101.SP')).toEqual([0]);
  });

  it('pushes the vibration only: the process values change every 100 ms and are sampled', () => {
    expect(plantVariables.filter(isPushed).map((v) => v.name)).toEqual(['Pump1.Vibration']);
  });
});
