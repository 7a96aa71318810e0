import { describe, expect, it } from 'vitest';
import { LoginThrottle, type ThrottlePolicy } from './login-throttle.js';

const POLICY: ThrottlePolicy = { freeFailures: 3, baseDelayMs: 1_000, maxDelayMs: 8_000, forgetAfterMs: 60_000, maxKeys: 100 };

function throttle() {
  const clock = { now: 0 };
  return { clock, throttle: new LoginThrottle(POLICY, () => clock.now) };
}

describe('LoginThrottle', () => {
  it('lets a few mistakes through, then doubles the wait per failure up to the cap', () => {
    const { throttle: t } = throttle();
    const keys = ['user:ann'];
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      t.recordFailure(keys);
      waits.push(t.retryAfterMs(keys));
    }
    expect(waits).toEqual([0, 0, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });

  it('counts down as time passes and allows the attempt when the wait is over', () => {
    const { clock, throttle: t } = throttle();
    for (let i = 0; i < 4; i++) t.recordFailure(['user:ann']);
    expect(t.retryAfterMs(['user:ann'])).toBe(2_000);
    clock.now += 1_500;
    expect(t.retryAfterMs(['user:ann'])).toBe(500);
    clock.now += 500;
    expect(t.retryAfterMs(['user:ann'])).toBe(0);
  });

  it('throttles by the slowest of the user and the station, so spraying names from one station is slowed too', () => {
    const { throttle: t } = throttle();
    for (const name of ['a', 'b', 'c']) t.recordFailure([`user:${name}`, 'station:10.0.0.9']);
    expect(t.retryAfterMs(['user:e', 'station:10.0.0.9'])).toBe(1_000);
    expect(t.retryAfterMs(['user:e', 'station:10.0.0.7'])).toBe(0);
  });

  it('forgets old failures, and a success clears the keys it proved', () => {
    const { clock, throttle: t } = throttle();
    for (let i = 0; i < 5; i++) t.recordFailure(['user:ann']);
    clock.now += 60_001;
    expect(t.retryAfterMs(['user:ann'])).toBe(0);
    for (let i = 0; i < 5; i++) t.recordFailure(['user:bob']);
    t.recordSuccess(['user:bob']);
    expect(t.retryAfterMs(['user:bob'])).toBe(0);
  });

  it('reports refused attempts once, with the next failure or success', () => {
    const { throttle: t } = throttle();
    for (let i = 0; i < 3; i++) t.recordFailure(['user:ann']);
    expect(t.noteRefused(['user:ann'])).toBe(true);
    expect(t.noteRefused(['user:ann'])).toBe(false);
    expect(t.noteRefused(['user:ann'])).toBe(false);
    expect(t.recordFailure(['user:ann'])).toBe(3);
    expect(t.noteRefused(['user:ann'])).toBe(true);
    expect(t.recordSuccess(['user:ann'])).toBe(1);
  });

  it('keeps at most maxKeys entries, dropping the oldest', () => {
    const { throttle: t } = throttle();
    for (let i = 0; i < 150; i++) for (let k = 0; k < 4; k++) t.recordFailure([`user:u${i}`]);
    expect(t.retryAfterMs(['user:u0'])).toBe(0);
    expect(t.retryAfterMs(['user:u149'])).toBe(2_000);
  });
});
