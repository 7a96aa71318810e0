import { describe, expect, it } from 'vitest';
import { CRASH_WINDOW_MS, crashReloadDecision } from './crash-reload.js';

describe('crashReloadDecision', () => {
  it('reloads three crashes within a minute, and stops at the fourth', () => {
    let recent: readonly number[] = [];
    const reloads = [0, 10_000, 20_000, 30_000].map((now) => {
      const decision = crashReloadDecision(recent, now);
      recent = decision.recent;
      return decision.reload;
    });
    expect(reloads).toEqual([true, true, true, false]);
  });

  it('forgets crashes older than the window, so a rare crash is always reloaded', () => {
    expect(crashReloadDecision([0, 1_000, 2_000], 1_500 + CRASH_WINDOW_MS)).toEqual({ reload: true, recent: [2_000, 1_500 + CRASH_WINDOW_MS] });
  });
});
