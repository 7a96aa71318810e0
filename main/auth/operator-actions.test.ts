import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionStatus, TagInfo } from '../../shared/contract.js';
import { StatusCode } from '../../shared/status-code.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { SqliteAuditStore } from '../audit/sqlite-audit-store.js';
import { OperatorActions, type WriteHost } from './operator-actions.js';

const tag = (index: number, name: string, extra: Partial<TagInfo> = {}): TagInfo => ({
  index,
  id: `demo/${name}`,
  name,
  displayName: name,
  description: '',
  connectionId: 'demo',
  nodeId: `ns=1;s=${name}`,
  unit: 'degC',
  decimals: null,
  euRange: { low: 20, high: 120 },
  dataType: 'Double',
  writable: true,
  ...extra,
});

// A small plant in memory: the orchestration under test is ours; the real server is exercised in
// test/integration/auth-writes.test.ts.
function plant() {
  const tags = [tag(0, 'TIC101.SP'), tag(1, 'Pump1.Start', { dataType: 'Boolean', unit: '', euRange: null }), tag(2, 'Heater.Power', { dataType: 'Float', unit: 'kW', euRange: null })];
  const values = new Map<number, { value: number; status: number }>([
    [0, { value: 60, status: StatusCode.Good }],
    [1, { value: 0, status: StatusCode.Good }],
    [2, { value: 1, status: StatusCode.Good }],
  ]);
  const state = {
    connection: { id: 'demo', name: 'Demo plant', endpointUrl: '', state: 'connected', lastError: null, reconnects: 0, keepAliveMs: 1000, since: 0 } as ConnectionStatus,
    serverStatus: StatusCode.Good as number,
    serverKeeps: (value: number | boolean) => (typeof value === 'boolean' ? Number(value) : value),
    writes: [] as [string, number | boolean][],
  };
  const host: WriteHost = {
    tag: (id) => tags.find((t) => t.id === id),
    writeLimits: (id) => (id === 'demo/TIC101.SP' ? { low: 30, high: 90 } : null),
    isCritical: (id) => id === 'demo/Pump1.Start',
    latest: (index) => values.get(index),
    connection: () => state.connection,
    write: async (t, value) => {
      state.writes.push([t.id, value]);
      if (state.serverStatus === StatusCode.Good) values.set(t.index, { value: state.serverKeeps(value), status: StatusCode.Good });
      return state.serverStatus;
    },
    read: async (t) => values.get(t.index)!,
  };
  return { host, values, state };
}

describe('operator writes', () => {
  let dir: string;
  let audit: AuditTrail;
  const clock = { now: 1_700_000_000_000 };
  const actor = { user: 'olga', station: 'desktop@cr1' };
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-writes-'));
    audit = new AuditTrail(new SqliteAuditStore(path.join(dir, 'history.db')), () => undefined, () => clock.now);
  });
  afterEach(() => {
    audit.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  const records = () => audit.query({ limit: 100 }).records.slice().reverse();
  const actions = (host: WriteHost) => new OperatorActions(host, audit, () => actor, 10_000, () => clock.now);

  it('prepares the confirmation with the tag, old and new value and unit, then writes, reads back and audits', async () => {
    const { host, state } = plant();
    const ops = actions(host);
    expect(await ops.prepareWrite({ tagId: 'demo/TIC101.SP', value: 75 })).toEqual({ tagId: 'demo/TIC101.SP', tagName: 'TIC101.SP', unit: 'degC', dataType: 'Double', oldValue: 60, newValue: 75, expiresAt: null });
    expect(state.writes).toEqual([]); // preparing changes nothing
    expect(await ops.writeTag({ tagId: 'demo/TIC101.SP', value: 75 })).toEqual({ status: 0, statusText: 'Good', readBack: { value: 75, status: 0, statusText: 'Good', matches: true } });
    expect(records()).toEqual([expect.objectContaining({ action: 'write', user: 'olga', station: 'desktop@cr1', target: 'demo/TIC101.SP', oldValue: 60, newValue: 75, result: 'Good', detail: 'read back 75' })]);
  });

  it('refuses a value outside the engineering limits, naming the limit, writes nothing and audits the refusal', async () => {
    const { host, state } = plant();
    const ops = actions(host);
    await expect(ops.prepareWrite({ tagId: 'demo/TIC101.SP', value: 95 })).rejects.toThrow('prepareWrite: demo/TIC101.SP: 95 degC is above the engineering limit (project writeLimits) high 90 degC');
    await expect(ops.writeTag({ tagId: 'demo/TIC101.SP', value: 95 })).rejects.toThrow('writeTag: demo/TIC101.SP: 95 degC is above the engineering limit');
    await expect(ops.writeTag({ tagId: 'demo/Nope', value: 1 })).rejects.toThrow('writeTag: tagId: unknown tag "demo/Nope"');
    expect(state.writes).toEqual([]);
    expect(records().map((r) => `${r.target} ${r.result}`)).toEqual([
      'demo/TIC101.SP refused: demo/TIC101.SP: 95 degC is above the engineering limit (project writeLimits) high 90 degC',
      'demo/Nope refused: tagId: unknown tag "demo/Nope"',
    ]);
  });

  it('refuses while the connection or the tag is Bad', async () => {
    const { host, state, values } = plant();
    const ops = actions(host);
    state.connection = { ...state.connection, state: 'reconnecting' };
    await expect(ops.writeTag({ tagId: 'demo/TIC101.SP', value: 70 })).rejects.toThrow('connection "Demo plant" is reconnecting');
    state.connection = { ...state.connection, state: 'connected' };
    values.set(0, { value: 60, status: StatusCode.BadSensorFailure });
    await expect(ops.prepareWrite({ tagId: 'demo/TIC101.SP', value: 70 })).rejects.toThrow('its value is Bad (BadSensorFailure)');
    expect(state.writes).toEqual([]);
  });

  it('returns a Bad StatusCode from the server as it is, with no read-back, and audits it', async () => {
    const { host, state } = plant();
    state.serverStatus = StatusCode.BadUserAccessDenied;
    const result = await actions(host).writeTag({ tagId: 'demo/TIC101.SP', value: 70 });
    expect(result).toEqual({ status: StatusCode.BadUserAccessDenied, statusText: 'BadUserAccessDenied', readBack: null });
    expect(records()[0]).toMatchObject({ result: 'BadUserAccessDenied', oldValue: 60, newValue: 70 });
  });

  it('says so when the server holds something other than what was written', async () => {
    const { host, state } = plant();
    state.serverKeeps = (value) => Number(value) - 0.5; // a server that clamps or rounds
    const result = await actions(host).writeTag({ tagId: 'demo/TIC101.SP', value: 70 });
    expect(result.readBack).toEqual({ value: 69.5, status: 0, statusText: 'Good', matches: false });
    expect(records()[0]!.detail).toBe('read back 69.5 (Good): not what was written');
  });

  it('compares a Float read-back at 32-bit precision', async () => {
    const { host, state } = plant();
    state.serverKeeps = (value) => Math.fround(Number(value));
    expect((await actions(host).writeTag({ tagId: 'demo/Heater.Power', value: 0.1 })).readBack?.matches).toBe(true);
  });

  it('operates a critical tag only after a select, within the window, with the selected value', async () => {
    const { host, state } = plant();
    const ops = actions(host);
    await expect(ops.writeTag({ tagId: 'demo/Pump1.Start', value: true })).rejects.toThrow('writeTag: demo/Pump1.Start: is critical: select it first');
    const prepared = await ops.prepareWrite({ tagId: 'demo/Pump1.Start', value: true });
    expect(prepared).toMatchObject({ oldValue: false, newValue: true, expiresAt: clock.now + 10_000 });
    clock.now += 10_001;
    await expect(ops.writeTag({ tagId: 'demo/Pump1.Start', value: true })).rejects.toThrow('the selection expired 10 s after it was made; select it again');
    await ops.prepareWrite({ tagId: 'demo/Pump1.Start', value: true });
    await expect(ops.writeTag({ tagId: 'demo/Pump1.Start', value: false })).rejects.toThrow('true was selected, not false');
    await ops.prepareWrite({ tagId: 'demo/Pump1.Start', value: true });
    expect((await ops.writeTag({ tagId: 'demo/Pump1.Start', value: true })).readBack).toMatchObject({ value: true, matches: true });
    expect(state.writes).toEqual([['demo/Pump1.Start', true]]);
    expect(records().map((r) => `${r.action} ${r.result.slice(0, 36)}`)).toEqual([
      'write refused: demo/Pump1.Start: is critic',
      'select ok',
      'write refused: demo/Pump1.Start: the selec',
      'select ok',
      'write refused: demo/Pump1.Start: true was ',
      'select ok',
      'write Good',
    ]);
  });
});
