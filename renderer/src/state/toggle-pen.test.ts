import { describe, expect, it } from 'vitest';
import { togglePen } from './toggle-pen.js';

describe('togglePen', () => {
  it('adds a pen at the end and removes it again', () => {
    const added = togglePen(['a'], 'b', 8);
    expect(added).toEqual(['a', 'b']);
    expect(togglePen(added, 'a', 8)).toEqual(['b']);
  });

  it('leaves a full list unchanged, but still removes from it', () => {
    const full = ['a', 'b'];
    expect(togglePen(full, 'c', 2)).toBe(full);
    expect(togglePen(full, 'b', 2)).toEqual(['a']);
  });
});
