export type ParsedSetpoint = { readonly ok: true; readonly value: number | boolean } | { readonly ok: false; readonly message: string };

/**
 * What the operator typed, as the value main will check: a number for
 * numeric tags (a decimal comma is accepted, plants are international), true
 * or false for Boolean ones. Range and limits are main's to check: it
 * answers with the limit's name.
 */
export function parseSetpoint(text: string, dataType: string): ParsedSetpoint {
  const trimmed = text.trim();
  if (dataType === 'Boolean') {
    if (trimmed === 'true') return { ok: true, value: true };
    if (trimmed === 'false') return { ok: true, value: false };
    return { ok: false, message: 'choose true or false' };
  }
  if (trimmed === '') return { ok: false, message: 'enter a value' };
  const normalised = /^[+-]?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(normalised)) return { ok: false, message: `"${trimmed}" is not a number` };
  const value = Number(normalised);
  if (!Number.isFinite(value)) return { ok: false, message: `"${trimmed}" is too large` };
  return { ok: true, value };
}
