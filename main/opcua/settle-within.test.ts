import { describe, expect, it } from 'vitest';
import { settleWithin } from './settle-within.js';

describe('settleWithin', () => {
  it('says true when the work settles in time, whether it resolved or failed', async () => {
    expect(await settleWithin(1000, Promise.resolve('closed'))).toBe(true);
    expect(await settleWithin(1000, Promise.reject(new Error('BadSessionIdInvalid')))).toBe(true);
    expect(await settleWithin(1000, undefined)).toBe(true);
  });

  it('gives up on work that never settles, as a request parked for a dead server', async () => {
    expect(await settleWithin(20, new Promise(() => undefined))).toBe(false);
  });
});
