import type { ArgumentValue } from '../../../shared/api/command-api.js';
import { parseSetpoint } from '../auth/parse-setpoint.js';

export type ParsedArgument = { readonly ok: true; readonly value: ArgumentValue } | { readonly ok: false; readonly message: string };

/** What the operator typed for one argument: text as it is for String, a number or true/false as for a setpoint. Main checks the type's range. */
export function parseArgument(text: string, dataType: string): ParsedArgument {
  if (dataType === 'String') return { ok: true, value: text };
  return parseSetpoint(text, dataType);
}
