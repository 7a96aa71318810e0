/**
 * JSON with object keys sorted and no whitespace, so the same record always
 * gives the same bytes to hash, whichever order its fields were written in.
 * Values that JSON would silently change (NaN, Infinity, undefined, a Date)
 * are refused rather than hashed as something else.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON has no ${typeof value === 'object' ? 'non-plain object' : typeof value}`);
}
