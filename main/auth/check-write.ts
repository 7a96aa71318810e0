import type { EuRange, TagInfo } from '../../shared/contract.js';

/** What a write is checked against: the node's own metadata and the project's tighter limits. */
export interface WriteTarget extends Pick<TagInfo, 'id' | 'dataType' | 'unit' | 'euRange' | 'writable'> {
  /** The project's engineering limits for operator writes (tags[].writeLimits), or null. */
  readonly writeLimits: EuRange | null;
}

export type WriteCheck = { readonly ok: true } | { readonly ok: false; readonly message: string };

const OK: WriteCheck = { ok: true };

// The integer built-in types node-opcua writes as plain numbers, with the values each can hold.
const INTEGER_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  SByte: [-128, 127],
  Byte: [0, 255],
  Int16: [-32_768, 32_767],
  UInt16: [0, 65_535],
  Int32: [-2_147_483_648, 2_147_483_647],
  UInt32: [0, 4_294_967_295],
};
const FLOAT_MAX = 3.4028234663852886e38;

/**
 * Is this value acceptable for this tag before it goes to the server? Checks,
 * in order: writable at all, the DataType (including an integer type's own
 * range), the instrument's EURange, then the project's engineering limits. A
 * refusal names the limit that refused it, so the operator knows what to enter.
 */
export function checkWrite(target: WriteTarget, value: number | boolean): WriteCheck {
  const refuse = (why: string): WriteCheck => ({ ok: false, message: `${target.id}: ${why}` });
  if (!target.writable) return refuse('is read-only on its server');
  const typeProblem = typeMismatch(target.dataType, value);
  if (typeProblem) return refuse(typeProblem);
  if (typeof value === 'boolean') return OK;
  const shown = (n: number) => `${n}${target.unit ? ` ${target.unit}` : ''}`;
  for (const [range, name] of [[target.euRange, 'the instrument range (EURange)'], [target.writeLimits, 'the engineering limit (project writeLimits)']] as const) {
    if (range === null) continue;
    if (value < range.low) return refuse(`${shown(value)} is below ${name} low ${shown(range.low)}`);
    if (value > range.high) return refuse(`${shown(value)} is above ${name} high ${shown(range.high)}`);
  }
  return OK;
}

/** Why this value cannot go to a node of this built-in type, or null; a command argument's check too. */
export function typeMismatch(dataType: string, value: number | boolean | string): string | null {
  if (dataType === '') return 'its data type is not known yet (the server has not answered): try again in a moment';
  if (dataType === 'Boolean') return typeof value === 'boolean' ? null : `takes true or false (Boolean), not ${String(value)}`;
  const integer = INTEGER_RANGES[dataType];
  const isNumericType = integer !== undefined || dataType === 'Float' || dataType === 'Double';
  if (!isNumericType) return `its data type ${dataType} cannot be written from Tidewatch`;
  if (typeof value !== 'number') return `takes a number (${dataType}), not ${String(value)}`;
  if (!Number.isFinite(value)) return `takes a finite number (${dataType}), not ${String(value)}`;
  if (integer) {
    const [low, high] = integer;
    if (!Number.isInteger(value) || value < low || value > high) return `takes a whole number from ${low} to ${high} (${dataType}), not ${value}`;
  }
  if (dataType === 'Float' && Math.abs(value) > FLOAT_MAX) return `${value} does not fit a Float`;
  return null;
}
