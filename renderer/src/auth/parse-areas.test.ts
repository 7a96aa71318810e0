import { describe, expect, it } from 'vitest';
import { parseAreas } from './parse-areas.js';

describe('parseAreas', () => {
  it('splits on commas and lines, trims, and drops empty and repeated entries', () => {
    expect(parseAreas(' demo/Tank1.* ,demo/Pump*\n\nline 2/Feed valve, demo/Pump*,')).toEqual({ ok: true, areas: ['demo/Tank1.*', 'demo/Pump*', 'line 2/Feed valve'] });
  });

  it('refuses an empty field rather than saving a user with no area', () => {
    expect(parseAreas(' , \n ')).toEqual({ ok: false, error: 'areas: give at least one pattern, "*" for the whole plant' });
  });
});
