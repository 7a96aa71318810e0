import { describe, expect, it } from 'vitest';
import { plantVariables, type PlantVariable } from './plant-catalogue.js';
import { createPlantFeed } from './plant-feed.js';

function variable(name: string): PlantVariable {
  const found = plantVariables.find((v) => v.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

const start = Date.UTC(2026, 0, 1);

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
});
