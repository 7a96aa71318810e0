import { describe, expect, it } from 'vitest';
import { DeadlineQueue } from './deadline-queue.js';
import { ManualClock } from './manual-clock.js';

describe('DeadlineQueue', () => {
  it('fires every deadline in time order with one timer armed at a time', () => {
    const clock = new ManualClock(1_000);
    const fired: [number, number, number][] = [];
    const queue = new DeadlineQueue(clock, (id, token) => fired.push([id, token, clock.now()]));
    const dues = [1_500, 1_100, 1_900, 1_100, 1_300, 5_000, 1_200];
    dues.forEach((due, id) => queue.schedule(due, id, due * 2));
    expect(clock.armed).toBe(1);
    clock.advance(1_000);
    expect(fired.map(([id]) => id)).toEqual([1, 3, 6, 4, 0, 2]);
    expect(fired.every(([id, token, at]) => token === dues[id]! * 2 && at >= dues[id]!)).toBe(true);
    expect(queue.pending).toBe(1);
    expect(clock.armed).toBe(1);
    queue.dispose();
    expect(clock.armed).toBe(0);
  });

  it('re-arms for an earlier deadline and grows past its first capacity', () => {
    const clock = new ManualClock(0);
    const fired: number[] = [];
    const queue = new DeadlineQueue(clock, (id) => fired.push(id));
    for (let i = 0; i < 200; i++) queue.schedule(10_000 - i, i, 0);
    queue.schedule(5, 999, 0);
    clock.advance(6);
    expect(fired).toEqual([999]);
    clock.advance(10_000);
    expect(fired).toHaveLength(201);
    expect(fired.slice(1)).toEqual([...Array(200).keys()].reverse());
  });
});
