import { describe, expect, it } from 'vitest';
import { SilenceWatchdog } from './silence-watchdog.js';

function armed(limitMs: number) {
  const clock = { now: 0 };
  const reports: number[] = [];
  const watchdog = new SilenceWatchdog((silentMs) => reports.push(silentMs), () => clock.now);
  watchdog.arm(limitMs);
  return { clock, reports, watchdog };
}

describe('SilenceWatchdog', () => {
  it('stays quiet while the server talks within the limit', () => {
    const { clock, reports, watchdog } = armed(1500);
    for (let i = 0; i < 10; i++) {
      clock.now += 1000;
      watchdog.heard();
      expect(watchdog.check()).toBe(false);
    }
    expect(reports).toEqual([]);
    watchdog.dispose();
  });

  it('reports silence beyond the limit once, and again only after the server spoke in between', () => {
    const { clock, reports, watchdog } = armed(1500);
    clock.now += 1600;
    expect(watchdog.check()).toBe(true);
    clock.now += 5000;
    expect(watchdog.check()).toBe(false);
    expect(reports).toEqual([1600]);
    watchdog.heard();
    clock.now += 2000;
    expect(watchdog.check()).toBe(true);
    expect(reports).toEqual([1600, 2000]);
    watchdog.dispose();
  });

  it('fires before the end of the period, two looks (a fortieth of it each) early, so a late tick still reports within it', () => {
    const { clock, reports, watchdog } = armed(1000);
    clock.now += 940;
    expect(watchdog.check()).toBe(false);
    clock.now += 20;
    expect(watchdog.check()).toBe(true);
    expect(reports).toEqual([960]);
    watchdog.dispose();
  });

  it('never fires when disarmed', () => {
    const { clock, reports, watchdog } = armed(1500);
    watchdog.disarm();
    clock.now += 100_000;
    expect(watchdog.check()).toBe(false);
    expect(reports).toEqual([]);
  });
});
