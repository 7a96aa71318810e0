import type { ArgumentValue, CommandArgumentInfo } from '../../shared/api/command-api.js';
import { typeMismatch } from './check-write.js';

/** One of a method's InputArguments as the server describes it: its built-in type's name, or why Tidewatch cannot send it. */
export interface MethodArgument {
  readonly name: string;
  /** "UInt32", "String", ...; anything else ("LocalizedText", "Double[]") cannot be sent from the form. */
  readonly dataType: string;
}

export interface BoundArgument {
  readonly name: string;
  readonly dataType: string;
  readonly value: ArgumentValue;
}

export type BoundArguments = { readonly ok: true; readonly values: readonly BoundArgument[] } | { readonly ok: false; readonly message: string };

/** Why this value cannot be this argument, or null: the write checks, plus text for String. */
export function argumentTypeProblem(dataType: string, value: ArgumentValue): string | null {
  if (dataType === 'String') return typeof value === 'string' ? null : `takes text (String), not ${String(value)}`;
  return typeMismatch(dataType, value);
}

/**
 * The values a method call will carry, in the server's order: the project's
 * fixed values and the operator's, each checked against the type the server
 * declares. The project and the server must agree on names and types, so a
 * method changed on the server is refused instead of called with the wrong
 * arguments. Nothing is sent unless every argument fits.
 */
export function bindCommandArguments(declared: readonly CommandArgumentInfo[], server: readonly MethodArgument[], given: Readonly<Record<string, ArgumentValue>>): BoundArguments {
  const refuse = (message: string): BoundArguments => ({ ok: false, message });
  if (declared.length !== server.length) {
    const names = server.map((a) => `${a.name} (${a.dataType})`).join(', ') || 'none';
    return refuse(`the method on the server takes ${server.length} argument(s): ${names}; the project declares ${declared.length}`);
  }
  const unknown = Object.keys(given).find((name) => !declared.some((d) => d.name === name));
  if (unknown !== undefined) return refuse(`unknown argument ${JSON.stringify(unknown)}`);
  const values: BoundArgument[] = [];
  for (const [i, argument] of declared.entries()) {
    const onServer = server[i]!;
    if (onServer.name !== argument.name) return refuse(`argument ${i + 1} is "${onServer.name}" on the server, the project says "${argument.name}"`);
    if (onServer.dataType !== argument.dataType) return refuse(`${argument.name}: the server takes ${onServer.dataType}, the project says ${argument.dataType}`);
    const fixed = argument.value !== undefined;
    if (fixed && Object.hasOwn(given, argument.name)) return refuse(`${argument.name}: is fixed by the project to ${String(argument.value)}`);
    const value = fixed ? argument.value : given[argument.name];
    if (value === undefined) return refuse(`${argument.name}: enter a value (${argument.dataType})`);
    const problem = argumentTypeProblem(argument.dataType, value);
    if (problem !== null) return refuse(`${argument.name}: ${problem}`);
    values.push({ name: argument.name, dataType: argument.dataType, value });
  }
  return { ok: true, values };
}
