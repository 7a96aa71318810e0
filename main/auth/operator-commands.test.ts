import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionStatus, TagInfo } from '../../shared/contract.js';
import { StatusCode } from '../../shared/status-code.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { SqliteAuditStore } from '../audit/sqlite-audit-store.js';
import type { CommandDefinition, CommandHost } from './command-host.js';
import { OperatorCommands } from './operator-commands.js';
import type { WriteHost } from './operator-actions.js';

// The orchestration is ours; the real method calls and writes run in test/integration/auth-commands.test.ts.
describe('operator commands', () => {
  const reset: TagInfo = { index: 0, id: 'demo/Pump2.Reset', name: 'Pump2.Reset', description: '', displayName: 'Pump2.Reset', decimals: null, connectionId: 'demo', nodeId: 'ns=1;s=Pump2.Reset', unit: '', euRange: null, dataType: 'Boolean', writable: true };
  const pulse: CommandDefinition = { name: 'Pump2.ResetPulse', label: 'Reset', server: 'demo', area: 'demo/Pump2.Reset', critical: false, kind: 'pulse', action: 'pulse', arguments: [], tagId: reset.id, pulseMs: 500 };
  const connection: ConnectionStatus = { id: 'demo', name: 'Demo plant', endpointUrl: '', state: 'connected', lastError: null, reconnects: 0, keepAliveMs: 1000, since: 0 };
  let dir: string;
  let audit: AuditTrail;
  let written: boolean[];
  let answer: number;
  let slept: number[];
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-commands-'));
    audit = new AuditTrail(new SqliteAuditStore(path.join(dir, 'history.db')), () => undefined);
    written = [];
    answer = StatusCode.Good;
    slept = [];
  });
  afterEach(() => {
    audit.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  const writes: WriteHost = {
    tag: (id) => (id === reset.id ? reset : undefined),
    writeLimits: () => null,
    isCritical: () => false,
    latest: () => ({ value: 0, status: StatusCode.Good }),
    connection: () => connection,
    write: async (_tag, value) => {
      written.push(value as boolean);
      return answer;
    },
    read: async () => ({ value: 0, status: StatusCode.Good }),
  };
  const host: CommandHost = { commands: () => [pulse], connection: () => connection, readMethodArguments: async () => ({ inputs: [], outputs: [] }), callMethod: async () => ({ status: 0, inputArgumentResults: [], outputs: [] }) };
  const commands = () => new OperatorCommands(host, writes, audit, () => ({ user: 'olga', station: 'desktop@cr1' }), 10_000, Date.now, async (ms) => void slept.push(ms));

  it('pulses true, waits the pulse time, then writes false', async () => {
    const outcome = await commands().runCommand({ name: pulse.name, arguments: {} });
    expect(written).toEqual([true, false]);
    expect(slept).toEqual([500]);
    expect(outcome).toMatchObject({ statusText: 'Good', writes: [{ value: true, statusText: 'Good' }, { value: false, statusText: 'Good' }] });
  });

  it('writes nothing more when the server refuses the true, and reports that refusal', async () => {
    answer = StatusCode.BadUserAccessDenied;
    const outcome = await commands().runCommand({ name: pulse.name, arguments: {} });
    expect(written).toEqual([true]);
    expect(slept).toEqual([]);
    expect(outcome).toMatchObject({ statusText: 'BadUserAccessDenied', writes: [{ value: true, statusText: 'BadUserAccessDenied' }] });
    expect(audit.query({ limit: 1 }).records[0]).toMatchObject({ action: 'command', target: pulse.name, result: 'BadUserAccessDenied', detail: 'pulse; wrote true: BadUserAccessDenied' });
  });

  it('refuses an unknown command and a pulse with arguments, audited, before writing', async () => {
    await expect(commands().runCommand({ name: 'Nope', arguments: {} })).rejects.toThrow('runCommand: name: unknown command "Nope"');
    await expect(commands().runCommand({ name: pulse.name, arguments: { x: 1 } })).rejects.toThrow('runCommand: Pump2.ResetPulse: a pulse takes no arguments');
    expect(written).toEqual([]);
    expect(audit.query({ limit: 10 }).records.map((r) => r.result)).toEqual(['refused: Pump2.ResetPulse: a pulse takes no arguments', 'refused: name: unknown command "Nope"']);
  });
});
