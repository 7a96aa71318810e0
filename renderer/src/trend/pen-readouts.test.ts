import { describe, expect, it, vi } from 'vitest';
import { PenReadouts, type PenReadout } from './pen-readouts.js';

const readout = (min: number): PenReadout => ({ stats: { count: 1, sum: min, min, max: min, partlyHistory: false }, cursor: undefined });

describe('PenReadouts', () => {
  it('notifies once per publish, and keeps an unchanged pen’s readout object', () => {
    const readouts = new PenReadouts();
    const listener = vi.fn();
    readouts.subscribe(listener);
    readouts.publish(new Map([['a', readout(1)], ['b', readout(2)]]), null);
    const a = readouts.get('a');
    readouts.publish(new Map([['a', readout(1)], ['b', readout(3)]]), null);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(readouts.get('a')).toBe(a);
    expect(readouts.get('b')?.stats.min).toBe(3);
  });

  it('stays quiet when nothing changed', () => {
    const readouts = new PenReadouts();
    readouts.publish(new Map([['a', readout(1)]]), 5);
    const listener = vi.fn();
    readouts.subscribe(listener);
    readouts.publish(new Map([['a', readout(1)]]), 5);
    expect(listener).not.toHaveBeenCalled();
    readouts.publish(new Map([['a', readout(1)]]), 6);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(readouts.cursorTime).toBe(6);
  });
});
