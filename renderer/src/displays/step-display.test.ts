import { describe, expect, it } from 'vitest';
import { stepDisplay } from './step-display.js';

describe('stepDisplay', () => {
  const names = ['Overview', 'Heating', 'Filling'];

  it('walks the project order both ways and wraps round the ends', () => {
    expect(stepDisplay(names, 'Overview', 1)).toBe('Heating');
    expect(stepDisplay(names, 'Filling', 1)).toBe('Overview');
    expect(stepDisplay(names, 'Overview', -1)).toBe('Filling');
    expect(stepDisplay(names, 'Heating', -1)).toBe('Overview');
  });

  it('starts at an end from no display or one the project dropped', () => {
    expect(stepDisplay(names, null, 1)).toBe('Overview');
    expect(stepDisplay(names, 'Removed', -1)).toBe('Filling');
  });

  it('stays at none when the project has no displays, and on the only one', () => {
    expect(stepDisplay([], 'Overview', 1)).toBeNull();
    expect(stepDisplay(['Only'], 'Only', -1)).toBe('Only');
  });
});
