import { describe, expect, it, vi } from 'vitest';
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

  it('fires before the end of the period, a twentieth of it (at least 50 ms) early, so a late timer still reports within it', () => {
    const { clock, reports, watchdog } = armed(2000);
    clock.now += 1900;
    expect(watchdog.check()).toBe(false);
    clock.now += 1;
    expect(watchdog.check()).toBe(true);
    expect(reports).toEqual([1901]);
    watchdog.dispose();
    const short = armed(500);
    short.clock.now += 451;
    expect(short.watchdog.check()).toBe(true);
    short.watchdog.dispose();
  });

  it('reports on its own timer, at the moment the silence begins, and watches again once the server speaks', async () => {
    const reports: number[] = [];
    const watchdog = new SilenceWatchdog((silentMs) => reports.push(silentMs));
    watchdog.arm(200); // reports after 150 ms of silence
    await vi.waitFor(() => expect(reports).toHaveLength(1), { timeout: 10_000 });
    expect(reports[0]).toBeGreaterThan(150);
    watchdog.heard();
    await vi.waitFor(() => expect(reports).toHaveLength(2), { timeout: 10_000 });
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
