import type { TagInfo } from '../../../shared/contract.js';

const INTEGER_TYPES = new Set(['SByte', 'Byte', 'Int16', 'UInt16', 'Int32', 'UInt32', 'Int64', 'UInt64']);
const MAX_DECIMALS = 6;
/** About four significant digits across the span: enough to see a change, not noise. */
const SIGNIFICANT_DIGITS = 4;

/** The project's decimals, when it gives them, win over the ones chosen from the range. */
export function formatValue(value: number, tag: Pick<TagInfo, 'dataType' | 'euRange'> & { readonly decimals?: TagInfo['decimals'] }): string {
  if (tag.dataType === 'Boolean') return value !== 0 ? 'ON' : 'OFF';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+∞' : '−∞';
  if (INTEGER_TYPES.has(tag.dataType)) return value.toFixed(0);
  return value.toFixed(tag.decimals ?? decimalsFor(value, tag.euRange));
}

/**
 * Decimals come from the engineering range when the server gives one, so a value keeps the
 * same width as it moves; without one, from the value's own magnitude.
 */
function decimalsFor(value: number, euRange: TagInfo['euRange']): number {
  const span = euRange === null ? Math.abs(value) : Math.abs(euRange.high - euRange.low);
  if (span === 0 || !Number.isFinite(span)) return euRange === null ? 0 : 2;
  const decimals = SIGNIFICANT_DIGITS - 1 - Math.floor(Math.log10(span));
  return Math.min(MAX_DECIMALS, Math.max(0, decimals));
}
