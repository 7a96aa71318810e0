/**
 * Bad messages for the contract's transports, from a seeded PRNG so a failure
 * reproduces: run again with FUZZ_SEED=<the seed in the failure>.
 */

import { API_METHODS } from '../../shared/api-schema.js';

/** mulberry32: tiny, fast, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fuzzSeed(): number {
  const fromEnv = Number(process.env.FUZZ_SEED);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 0x7ea5eed;
}

/** Keys that pollute a prototype when code merges or assigns parsed objects carelessly. */
export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Every method of the contract, so a new one is fuzzed the day it lands. */
export const KNOWN_METHODS: readonly string[] = API_METHODS;
const ODD_METHODS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'then', '', ' snapshot', 'SNAPSHOT', 'writeTag\u0000', 'dropTables', 'api', 'dispose', 'sink'];

export type FuzzMessage =
  | { readonly kind: 'text'; readonly data: string; readonly callId: number | null; readonly why: string }
  | { readonly kind: 'binary' | 'text-bytes'; readonly data: Buffer; readonly why: string };

export class FuzzCorpus {
  private readonly random: () => number;
  private nextId = 1_000;

  constructor(readonly seed: number) {
    this.random = prng(seed);
  }

  /** One bad message; callId is set when the envelope is valid and an error reply is due. */
  next(): FuzzMessage {
    const pick = this.int(9);
    switch (pick) {
      case 0:
        return { kind: 'binary', data: this.bytes(1 + this.int(256)), why: 'binary garbage' };
      case 1:
        // Raw bytes in a text frame are mostly invalid UTF-8, which WebSocket itself forbids.
        return this.random() < 0.5
          ? { kind: 'text-bytes', data: this.bytes(1 + this.int(256)), why: 'invalid UTF-8 text' }
          : { kind: 'text', data: this.bytes(1 + this.int(256)).toString('latin1'), callId: null, why: 'text garbage' };
      case 2:
        return { kind: 'text', data: JSON.stringify(this.value(4)), callId: null, why: 'a JSON value that is not a message' };
      case 3:
        return this.call(this.choose(KNOWN_METHODS), this.value(5), 'a known method with wrong parameters');
      case 4:
        return this.call(this.choose(KNOWN_METHODS), this.polluted(), 'prototype-pollution keys in parameters');
      case 5:
        return this.call(this.random() < 0.5 ? this.choose(ODD_METHODS) : this.string(40), this.value(2), 'an unknown method');
      case 6:
        return this.envelope();
      case 7:
        return this.huge();
      default:
        return { kind: 'text', data: `${'['.repeat(20_000)}${']'.repeat(20_000)}`, callId: null, why: 'deep nesting' };
    }
  }

  private call(method: string, params: unknown, why: string): FuzzMessage {
    const id = this.nextId++;
    // Method names longer than the envelope allows make the message itself malformed: no reply is due then.
    const callId = method.length <= 64 ? id : null;
    return { kind: 'text', data: JSON.stringify({ t: 'call', id, method, params }), callId, why };
  }

  private envelope(): FuzzMessage {
    const variants: unknown[] = [
      { t: 'call', id: -1, method: 'snapshot' },
      { t: 'call', id: 1.5, method: 'snapshot' },
      { t: 'call', id: '7', method: 'snapshot' },
      { t: 'call', id: 2 ** 40, method: 'snapshot' },
      { t: 'call', method: 'snapshot' },
      { t: 'call', id: 1, method: 'snapshot', extra: true },
      { t: 'ack', seq: -5 },
      { t: 'ack', seq: 'x' },
      { t: 'ack' },
      { t: 'result', id: 1, result: 'forged' },
      { t: 'event', event: { type: 'auth', auth: { user: { name: 'admin' } } } },
      { id: 1, method: 'snapshot' },
      null,
      [],
    ];
    return { kind: 'text', data: JSON.stringify(this.choose(variants)), callId: null, why: 'a malformed envelope' };
  }

  private huge(): FuzzMessage {
    const id = this.nextId++;
    const size = this.random() < 0.5 ? 70_000 + this.int(100_000) : 20_000 + this.int(40_000);
    const tooBig = size > 64 * 1024;
    const params = this.random() < 0.5 ? { tagId: 'x'.repeat(size), value: 1 } : { tagIndexes: Array.from({ length: Math.floor(size / 2) }, () => 0) };
    const data = JSON.stringify({ t: 'call', id, method: this.random() < 0.5 ? 'writeTag' : 'setTrendedTags', params });
    return { kind: 'text', data, callId: tooBig || data.length > 64 * 1024 ? null : id, why: tooBig ? 'an oversized message' : 'a huge string or array' };
  }

  private polluted(): unknown {
    const key = this.choose(POLLUTION_KEYS);
    const payload = { polluted: true, isAdmin: true, role: 'administrator', allowed: true, locked: false, setupRequired: false };
    const inner = key === 'constructor' ? { prototype: payload } : payload;
    // Written as text so the key survives: an object literal with __proto__ would set a prototype instead.
    return JSON.parse(`{"tagId":"demo/TIC101.SP","value":1,${JSON.stringify(key)}:${JSON.stringify(inner)}}`) as unknown;
  }

  private value(depth: number): unknown {
    const pick = this.int(depth <= 0 ? 6 : 9);
    switch (pick) {
      case 0:
        return null;
      case 1:
        return this.random() < 0.5;
      case 2:
        return this.choose([0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, -0, 4294967296]);
      case 3:
        return this.string(this.int(30));
      case 4:
        return this.choose(['', 'demo/TIC101.SP', 'demo/Pump2.Start', '*', '../../etc/passwd', '<script>', 'admin', '\u0000', '%s%n']);
      case 5:
        return this.int(2) === 0 ? 'NaN' : 'Infinity';
      case 6:
        return Array.from({ length: this.int(5) }, () => this.value(depth - 1));
      default: {
        const object: Record<string, unknown> = {};
        for (let i = this.int(5); i > 0; i--) object[this.choose(['tagId', 'value', 'name', 'password', 'tagIndexes', 'limit', 'text', 'from', 'to', 'role', this.string(8)])] = this.value(depth - 1);
        return object;
      }
    }
  }

  private string(length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) text += String.fromCharCode(this.random() < 0.9 ? 32 + this.int(95) : this.int(0xd800));
    return text;
  }

  private bytes(length: number): Buffer {
    return Buffer.from(Array.from({ length }, () => this.int(256)));
  }

  private int(below: number): number {
    return Math.floor(this.random() * below);
  }

  private choose<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}
