import type { CommandInfo } from '../../shared/api/command-api.js';
import type { ConnectionStatus } from '../../shared/contract.js';
import type { BoundArgument, MethodArgument } from './bind-command-arguments.js';

/** A project command as main runs it: what the renderer sees, plus where it goes. */
export type CommandDefinition = CommandInfo &
  ({ readonly kind: 'method'; readonly objectId: string; readonly methodId: string } | { readonly kind: 'pulse'; readonly tagId: string; readonly pulseMs: number });

export interface MethodArguments {
  readonly inputs: readonly MethodArgument[];
  readonly outputs: readonly MethodArgument[];
}

export interface MethodCallResult {
  readonly status: number;
  /** The server's StatusCode per input argument, in order; empty when it gave none. */
  readonly inputArgumentResults: readonly number[];
  /** Each output argument as text, in order. */
  readonly outputs: readonly string[];
}

/** What commands need beyond the write path: the project's commands and the servers' methods (main/opcua). */
export interface CommandHost {
  commands(): readonly CommandDefinition[];
  connection(serverId: string): ConnectionStatus | undefined;
  readMethodArguments(serverId: string, methodId: string): Promise<MethodArguments>;
  callMethod(serverId: string, objectId: string, methodId: string, args: readonly BoundArgument[]): Promise<MethodCallResult>;
}

/** Until a project with commands is loaded (and in tests of other things). */
export const NO_COMMANDS: CommandHost = {
  commands: () => [],
  connection: () => undefined,
  readMethodArguments: () => Promise.reject(new Error('no servers')),
  callMethod: () => Promise.reject(new Error('no servers')),
};
