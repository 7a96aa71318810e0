import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every level and leaves out whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('escapes strings as JSON does', () => {
    expect(canonicalJson({ 'k"': 'line\nbreak \u2028' })).toBe('{"k\\"":"line\\nbreak \u2028"}');
  });

  it('refuses what JSON would silently turn into something else', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow('canonical JSON has no NaN');
    expect(() => canonicalJson({ a: Infinity })).toThrow('no Infinity');
    expect(() => canonicalJson({ a: undefined })).toThrow('no undefined');
    expect(() => canonicalJson(new Date(0))).toThrow('no non-plain object');
  });
});
