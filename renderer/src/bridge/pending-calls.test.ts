import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract.js';
import { PendingCalls } from './pending-calls.js';

describe('PendingCalls', () => {
  it('resolves and rejects calls by id', async () => {
    const calls = new PendingCalls();
    const a = calls.start('snapshot');
    const b = calls.start('writeTag');
    expect(a.id).not.toBe(b.id);
    expect(calls.resolve(a.id, { tags: [] })).toBe(true);
    expect(calls.reject(b.id, 'writeTag: BadNotWritable')).toBe(true);
    await expect(a.result).resolves.toEqual({ tags: [] });
    await expect(b.result).rejects.toThrow(new ApiError('writeTag: BadNotWritable'));
    expect(calls.size).toBe(0);
  });

  it('ignores replies to calls it does not have', () => {
    const calls = new PendingCalls();
    expect(calls.resolve(99, null)).toBe(false);
    expect(calls.reject(99, 'x')).toBe(false);
  });

  it('rejects every pending call with the method and the reason when the connection drops', async () => {
    const calls = new PendingCalls();
    const a = calls.start('setTrendedTags');
    calls.rejectAll('lost connection to Tidewatch');
    await expect(a.result).rejects.toThrow('setTrendedTags: lost connection to Tidewatch');
    expect(calls.resolve(a.id, null)).toBe(false);
  });
});
