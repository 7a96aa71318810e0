import { describe, expect, it } from 'vitest';
import type { HistorianHealth } from './historian.js';
import { HealthState } from './health-state.js';

describe('HealthState', () => {
  it('says nothing about a healthy start, then once per change', () => {
    const heard: HistorianHealth[] = [];
    const state = new HealthState((h) => heard.push(h));
    state.setWriter({ ok: true, message: 'History is recorded in x' });
    state.setWriter({ ok: false, message: 'disk full' });
    state.setWriter({ ok: false, message: 'disk full' });
    state.setWriter({ ok: true, message: 'again' });
    expect(heard).toEqual([{ ok: false, message: 'disk full' }, { ok: true, message: 'again' }]);
  });

  it('reports an overflowing buffer unless the writer already reports worse, and its end', () => {
    const heard: HistorianHealth[] = [];
    const state = new HealthState((h) => heard.push(h));
    state.setWriter({ ok: true, message: 'recording' });
    state.setBehind(true, 12);
    state.setBehind(true, 99);
    state.setWriter({ ok: false, message: 'read-only' });
    state.setWriter({ ok: true, message: 'recording' });
    state.setBehind(false, 150);
    expect(heard.map((h) => [h.ok, h.message])).toEqual([
      [false, 'History is falling behind: samples are being dropped (12 so far)'],
      [false, 'read-only'],
      [false, 'History is falling behind: samples are being dropped (12 so far)'],
      [true, 'recording'],
    ]);
  });

  it('reports a failed start', () => {
    const heard: HistorianHealth[] = [];
    new HealthState((h) => heard.push(h)).setWriter({ ok: false, message: 'cannot open' });
    expect(heard).toEqual([{ ok: false, message: 'cannot open' }]);
  });
});
