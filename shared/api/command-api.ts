import { z } from 'zod';

// Commands: OPC UA method calls and boolean pulses the project declares
// (its `commands` section). Main checks, selects critical ones, calls and audits.

/** The built-in types a command argument can carry from the operator's form. */
export const ARGUMENT_DATA_TYPES = ['Boolean', 'SByte', 'Byte', 'Int16', 'UInt16', 'Int32', 'UInt32', 'Float', 'Double', 'String'] as const;
export type ArgumentDataType = (typeof ARGUMENT_DATA_TYPES)[number];

export type ArgumentValue = number | boolean | string;

export interface CommandArgumentInfo {
  readonly name: string;
  readonly dataType: ArgumentDataType;
  /** Fixed by the project; absent: the operator types it. */
  readonly value?: ArgumentValue;
}

export interface CommandInfo {
  readonly name: string;
  readonly label: string;
  readonly server: string;
  /** What the 'command' permission is checked against: the project's area, else the pulse's tag id or "<server>/<name>". */
  readonly area: string;
  readonly critical: boolean;
  readonly kind: 'method' | 'pulse';
  /** For the confirmation: "call ns=1;s=Line.StartBatch on ns=1;s=Line" or "pulse demo/Pump1.Reset for 500 ms". */
  readonly action: string;
  readonly arguments: readonly CommandArgumentInfo[];
}

export interface RunCommandRequest {
  readonly name: string;
  /** The operator's values, by argument name, for the arguments the project does not fix. */
  readonly arguments: Readonly<Record<string, ArgumentValue>>;
}

/** What the confirmation shows, as main checked it against the server's InputArguments. */
export interface CommandPreparation {
  readonly name: string;
  readonly label: string;
  readonly action: string;
  readonly arguments: readonly { readonly name: string; readonly dataType: string; readonly value: ArgumentValue }[];
  /** A critical command is now selected: run it before this time (ms since epoch). */
  readonly expiresAt: number | null;
}

export interface StatusResult {
  readonly status: number;
  readonly statusText: string;
}

export interface CommandOutcome extends StatusResult {
  /** The server's verdict on each input argument (a method call), empty when it gave none. */
  readonly argumentResults: readonly (StatusResult & { readonly name: string })[];
  /** The method's output arguments as text, by name. */
  readonly outputs: readonly { readonly name: string; readonly value: string }[];
  /** A pulse's writes in order: true, then (only after a Good true) false. */
  readonly writes: readonly (StatusResult & { readonly value: boolean })[];
}

export interface CommandApi {
  listCommands(): Promise<readonly CommandInfo[]>;
  /** Checks a command and its arguments and returns what to confirm; selects it when critical. */
  prepareCommand(request: RunCommandRequest): Promise<CommandPreparation>;
  /** Runs it: the server's StatusCode as it is, a Bad one never turned into success. */
  runCommand(request: RunCommandRequest): Promise<CommandOutcome>;
}

const MAX_ARGUMENT_TEXT = 4096;
// An argument name never becomes an object's prototype on the way in.
const argumentName = z.string().min(1).max(200).refine((key) => !['__proto__', 'constructor', 'prototype'].includes(key), 'is not an argument name');
const runCommandRequest = z.strictObject({
  name: z.string().min(1).max(200),
  arguments: z
    .record(argumentName, z.union([z.number().refine(Number.isFinite, 'must be a finite number'), z.boolean(), z.string().max(MAX_ARGUMENT_TEXT)]))
    .refine((args) => Object.keys(args).length <= 64, 'at most 64 arguments'),
});

export const commandApiSchemas = {
  listCommands: z.undefined(),
  prepareCommand: runCommandRequest,
  runCommand: runCommandRequest,
} satisfies Record<keyof CommandApi, z.ZodType>;
