import type { CommandApi, CommandInfo, CommandOutcome, CommandPreparation, RunCommandRequest, StatusResult } from '../../shared/api/command-api.js';
import { ApiError, type TagInfo } from '../../shared/contract.js';
import { qualityOf, StatusCode, statusText } from '../../shared/status-code.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { bindCommandArguments, type BoundArgument, type MethodArgument } from './bind-command-arguments.js';
import { checkConnected, checkOperable } from './check-operable.js';
import { checkWrite } from './check-write.js';
import type { CommandDefinition, CommandHost } from './command-host.js';
import { DEFAULT_SELECT_TIMEOUT_MS, type Actor, type WriteHost } from './operator-actions.js';
import { SBO_IDLE, selectBeforeOperate, type SboEvent, type SboState } from './select-before-operate.js';

type Checked =
  | { readonly kind: 'method'; readonly command: CommandDefinition & { readonly kind: 'method' }; readonly args: readonly BoundArgument[]; readonly outputs: readonly MethodArgument[] }
  | { readonly kind: 'pulse'; readonly command: CommandDefinition & { readonly kind: 'pulse' }; readonly args: readonly BoundArgument[]; readonly tag: TagInfo };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One session's commands: OPC UA method calls checked against the method's
 * InputArguments as the server declares them, and boolean pulses (true, then
 * false after the pulse time, in main, whatever the screen does). Refused
 * while the connection is down; critical commands only after a select; the
 * server's StatusCode returned as it is; every run and refusal audited.
 */
export class OperatorCommands implements CommandApi {
  private sbo: SboState = SBO_IDLE;

  constructor(
    private readonly host: CommandHost,
    private readonly writes: WriteHost,
    private readonly audit: AuditTrail,
    private readonly actor: () => Actor,
    private readonly selectTimeoutMs = DEFAULT_SELECT_TIMEOUT_MS,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = wait,
  ) {}

  async listCommands(): Promise<readonly CommandInfo[]> {
    return this.host.commands().map(({ name, label, server, area, critical, kind, action, arguments: args }) => ({ name, label, server, area, critical, kind, action, arguments: args }));
  }

  async prepareCommand(request: RunCommandRequest): Promise<CommandPreparation> {
    const { command, args } = await this.checked('prepareCommand', request);
    const { user, station } = this.actor();
    let expiresAt: number | null = null;
    if (command.critical) {
      const { outcome } = this.step({ type: 'select', target: command.name, value: selectionKey(args), user, now: this.now(), timeoutMs: this.selectTimeoutMs });
      if (outcome.kind === 'selected') expiresAt = outcome.selection.expiresAt;
      this.audit.record({ action: 'select', user, station, target: command.name, oldValue: null, newValue: argumentsText(command, args), result: 'ok', detail: `operate within ${Math.round(this.selectTimeoutMs / 1000)} s` });
    }
    return { name: command.name, label: command.label, action: command.action, arguments: args, expiresAt };
  }

  async runCommand(request: RunCommandRequest): Promise<CommandOutcome> {
    const { user, station } = this.actor();
    const record = (newValue: string, result: string, detail: string) => this.audit.record({ action: 'command', user, station, target: request.name, oldValue: null, newValue, result, detail });
    let checked: Checked;
    try {
      checked = await this.checked('runCommand', request);
      if (checked.command.critical) {
        const { outcome } = this.step({ type: 'operate', target: checked.command.name, value: selectionKey(checked.args), user, now: this.now() });
        if (outcome.kind === 'refused') throw new ApiError(`runCommand: ${outcome.reason}`);
      }
    } catch (error) {
      if (error instanceof ApiError) record(JSON.stringify(request.arguments), `refused: ${error.message.replace(/^runCommand: /, '')}`, '');
      throw error;
    }
    const { command, args } = checked;
    const asked = argumentsText(command, args);
    let outcome: CommandOutcome;
    try {
      outcome = checked.kind === 'method' ? await this.call(checked.command, args, checked.outputs) : await this.pulse(checked.tag, checked.command.pulseMs);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      record(asked, `error: ${message}`, command.action);
      throw new ApiError(`runCommand: ${command.name}: ${message}`);
    }
    try {
      record(asked, outcome.statusText, [command.action, ...outcomeDetail(outcome)].join('; '));
    } catch (error) {
      throw new ApiError(`runCommand: ${command.name}: the server answered ${outcome.statusText}, but the audit trail could not record it: ${error instanceof Error ? error.message : String(error)}`);
    }
    return outcome;
  }

  private async checked(method: string, request: RunCommandRequest): Promise<Checked> {
    const command = this.host.commands().find((c) => c.name === request.name);
    if (!command) throw new ApiError(`${method}: name: unknown command ${JSON.stringify(request.name)}`);
    const refuse = (why: string) => new ApiError(`${method}: ${command.name}: ${why}`);
    switch (command.kind) {
      case 'method': {
        const down = checkConnected(command.name, this.host.connection(command.server));
        if (down !== null) throw new ApiError(`${method}: ${down}`);
        let declared;
        try {
          declared = await this.host.readMethodArguments(command.server, command.methodId);
        } catch (error) {
          throw refuse(`cannot read the method's arguments from the server: ${error instanceof Error ? error.message : String(error)}`);
        }
        const bound = bindCommandArguments(command.arguments, declared.inputs, request.arguments);
        if (!bound.ok) throw refuse(bound.message);
        return { kind: 'method', command, args: bound.values, outputs: declared.outputs };
      }
      case 'pulse': {
        if (Object.keys(request.arguments).length > 0) throw refuse('a pulse takes no arguments');
        const tag = this.writes.tag(command.tagId);
        if (!tag) throw refuse(`its tag ${command.tagId} is not running`);
        const inoperable = checkOperable(tag.id, this.writes.connection(tag.connectionId), this.writes.latest(tag.index)?.status);
        if (inoperable !== null) throw new ApiError(`${method}: ${inoperable}`);
        const check = checkWrite({ ...tag, writeLimits: null }, true);
        if (!check.ok) throw new ApiError(`${method}: ${check.message}`);
        return { kind: 'pulse', command, args: [], tag };
      }
    }
  }

  private async call(command: CommandDefinition & { readonly kind: 'method' }, args: readonly BoundArgument[], outputs: readonly MethodArgument[]): Promise<CommandOutcome> {
    const result = await this.host.callMethod(command.server, command.objectId, command.methodId, args);
    return {
      ...statusResult(result.status),
      argumentResults: result.inputArgumentResults.map((status, i) => ({ name: args[i]?.name ?? `#${i + 1}`, ...statusResult(status) })),
      outputs: result.outputs.map((value, i) => ({ name: outputs[i]?.name ?? `#${i + 1}`, value })),
      writes: [],
    };
  }

  /** True, then false after pulseMs; a refused true writes nothing more. Awaited in main, so a closed screen cannot leave the bit set. */
  private async pulse(tag: TagInfo, pulseMs: number): Promise<CommandOutcome> {
    const writes = [{ value: true, ...statusResult(await this.writes.write(tag, true)) }];
    if (qualityOf(writes[0]!.status) === 'good') {
      await this.sleep(pulseMs);
      const status = await this.writes.write(tag, false).catch(() => StatusCode.BadCommunicationError);
      writes.push({ value: false, ...statusResult(status) });
    }
    const worst = writes.find((w) => qualityOf(w.status) === 'bad') ?? writes[writes.length - 1]!;
    return { status: worst.status, statusText: worst.statusText, argumentResults: [], outputs: [], writes };
  }

  private step(event: SboEvent) {
    const next = selectBeforeOperate(this.sbo, event);
    this.sbo = next.state;
    return next;
  }
}

function statusResult(status: number): StatusResult {
  const code = status >>> 0;
  return { status: code, statusText: statusText(code) };
}

/** What was selected must be what is run: the same values in the server's order. */
function selectionKey(args: readonly BoundArgument[]): string {
  return JSON.stringify(args.map((a) => a.value));
}

function argumentsText(command: CommandDefinition, args: readonly BoundArgument[]): string {
  if (command.kind === 'pulse') return `true for ${command.pulseMs} ms`;
  return args.map((a) => `${a.name}=${JSON.stringify(a.value)}`).join(', ');
}

function outcomeDetail(outcome: CommandOutcome): string[] {
  return [
    ...outcome.argumentResults.filter((r) => r.status !== 0).map((r) => `argument ${r.name}: ${r.statusText}`),
    ...outcome.outputs.map((o) => `${o.name} = ${o.value}`),
    ...outcome.writes.map((w) => `wrote ${String(w.value)}: ${w.statusText}`),
  ];
}
