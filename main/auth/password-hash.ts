import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt cost as OWASP's Password Storage Cheat Sheet recommends it first:
 * N = 2^17, r = 8, p = 1. That is 128 MiB of memory per guess (what makes GPU
 * and ASIC cracking expensive) and about half a second on the project's slow
 * 2-core test machine: fine once per login, ruinous for millions of guesses.
 * The cost is stored in each hash, so it can be raised later without
 * invalidating old hashes (`needsRehash` says when to re-hash at login).
 */
export interface ScryptCost {
  /** log2 of N, the CPU/memory cost. */
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

export const DEFAULT_COST: ScryptCost = { logN: 17, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
// A hash read from a project file is input too: bounds keep a doctored cost
// (ln=40) from turning one login into a memory exhaustion.
const LIMITS = { logN: [10, 20], r: [1, 32], p: [1, 16] } as const;
const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,64})\$([A-Za-z0-9+/]{32,88})$/;

/** PHC string format: $scrypt$ln=17,r=8,p=1$<salt>$<key>, base64 without padding. */
export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return `$scrypt$ln=${cost.logN},r=${cost.r},p=${cost.p}$${b64(salt)}$${b64(key)}`;
}

/** Constant-time comparison; a malformed or out-of-bounds hash never matches (and never throws). */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const parsed = parseHash(hash);
  if (parsed === null) return false;
  const key = await derive(password, parsed.salt, parsed.cost, parsed.key.length);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

export function needsRehash(hash: string, cost: ScryptCost = DEFAULT_COST): boolean {
  const parsed = parseHash(hash);
  return parsed === null || parsed.cost.logN < cost.logN || parsed.cost.r < cost.r || parsed.cost.p < cost.p;
}

/** Why a stored hash cannot be used, or null; for the project loader's error message. */
export function hashProblem(hash: string): string | null {
  const match = FORMAT.exec(hash);
  if (!match) return 'must be a scrypt hash ($scrypt$ln=..,r=..,p=..$salt$key), never a clear-text password';
  const [logN, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  for (const [name, value] of [['ln', logN], ['r', r], ['p', p]] as const) {
    const [low, high] = LIMITS[name === 'ln' ? 'logN' : name];
    if (value < low || value > high) return `scrypt ${name}=${value} is outside ${low}..${high}`;
  }
  return null;
}

function parseHash(hash: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  if (hashProblem(hash) !== null) return null;
  const match = FORMAT.exec(hash)!;
  return {
    cost: { logN: Number(match[1]), r: Number(match[2]), p: Number(match[3]) },
    salt: Buffer.from(match[4]!, 'base64'),
    key: Buffer.from(match[5]!, 'base64'),
  };
}

function derive(password: string, salt: Buffer, cost: ScryptCost, length = KEY_BYTES): Promise<Buffer> {
  const N = 2 ** cost.logN;
  // scrypt needs 128 * N * r bytes; node refuses above maxmem, so allow exactly that plus headroom.
  const maxmem = 128 * N * cost.r * 2;
  return new Promise((resolve, reject) => {
    // Async: the work runs on libuv's thread pool, so the main process keeps streaming during a login.
    scrypt(password.normalize('NFC'), salt, length, { N, r: cost.r, p: cost.p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function b64(buffer: Buffer): string {
  return buffer.toString('base64').replace(/=+$/, '');
}
