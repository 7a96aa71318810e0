import { describe, expect, it } from 'vitest';
import { DEFAULT_COST, hashPassword, hashProblem, needsRehash, verifyPassword } from './password-hash.js';

// The cheapest cost the verifier accepts, so most tests run fast; one test pays the real price.
const CHEAP = { logN: 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('stores the default cost, a salt and a key, and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(hash).not.toContain('correct horse battery');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterx', hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('salts: the same password never gives the same hash twice', async () => {
    const [a, b] = await Promise.all([hashPassword('same', CHEAP), hashPassword('same', CHEAP)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same', a)).toBe(true);
    expect(await verifyPassword('same', b)).toBe(true);
  });

  it('treats a composed and a decomposed accent as the same password', async () => {
    const hash = await hashPassword('caf\u00e9', CHEAP);
    expect(await verifyPassword('cafe\u0301', hash)).toBe(true);
  });

  it('never accepts a clear-text, malformed or doctored hash, and says why', async () => {
    const good = await hashPassword('pw', CHEAP);
    for (const bad of ['pw', '', '$scrypt$ln=17,r=8,p=1$short$short', good.replace('ln=10', 'ln=40'), good.replace('ln=10', 'ln=9'), good.replace('p=1', 'p=99')]) {
      expect(await verifyPassword('pw', bad)).toBe(false);
      expect(hashProblem(bad)).not.toBeNull();
    }
    expect(hashProblem('hunter2')).toMatch(/never a clear-text password/);
    expect(hashProblem(good.replace('ln=10', 'ln=40'))).toBe('scrypt ln=40 is outside 10..20');
    expect(hashProblem(good)).toBeNull();
  });

  it('asks for a re-hash when a stored cost is below today’s', async () => {
    expect(needsRehash(await hashPassword('pw', CHEAP))).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
    expect(DEFAULT_COST).toEqual({ logN: 17, r: 8, p: 1 });
  });
});
