import { describe, expect, it } from 'vitest';
import { activityInterval, activityReporter } from './activity-reporter.js';

describe('activityReporter', () => {
  it('reports the first activity at once, then at most once per interval', () => {
    const clock = { now: 0 };
    const reports: number[] = [];
    const activity = activityReporter(() => reports.push(clock.now), 1_000, () => clock.now);
    for (let t = 0; t <= 2_500; t += 100) {
      clock.now = t;
      activity();
    }
    expect(reports).toEqual([0, 1_000, 2_000]);
  });

  it('reports a quarter of the lock time apart, between 1 s and 30 s', () => {
    expect(activityInterval(15 * 60_000)).toBe(30_000);
    expect(activityInterval(60_000)).toBe(15_000);
    expect(activityInterval(100)).toBe(1_000);
  });
});
