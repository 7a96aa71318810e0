import { describe, expect, it } from 'vitest';
import { makeTagInfo } from '../test-support/make-tag-info.js';
import { NO_DATA_TYPES, noteDataTypes } from './data-type-changes.js';

describe('noteDataTypes', () => {
  it('notes a known type that becomes another, but not a type becoming known', () => {
    const unknown = noteDataTypes(NO_DATA_TYPES, [makeTagInfo(1, { dataType: '' })], 1);
    expect(unknown).toBe(NO_DATA_TYPES);
    const known = noteDataTypes(unknown, [makeTagInfo(1, { dataType: 'Double' })], 2);
    expect(known.changes).toEqual({});
    expect(noteDataTypes(known, [makeTagInfo(1, { dataType: 'Double' })], 3)).toBe(known);
    const changed = noteDataTypes(known, [makeTagInfo(1, { dataType: 'String' })], 4);
    expect(changed.changes['plant/T1']).toEqual({ from: 'Double', to: 'String', at: 4 });
  });
});
