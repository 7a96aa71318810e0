import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInfo, CommandOutcome, CommandPreparation } from '../../shared/api/command-api.js';
import { demoProject } from '../../main/project/demo-project.js';
import type { ApiSocket } from '../support/api-socket.js';
import { startOperatorStation, type OperatorStation } from '../support/operator-station.js';

// Commands against the demo plant through `npm run serve`, as a browser runs them:
// the demo project's methods (Pump1.ResetTrip, the critical Line.StartBatch) and its pulse (Pump2.Reset).
describe('operator commands through the headless shell', () => {
  let station: OperatorStation;
  let olga: ApiSocket;
  const audit = (target: string) => station.audit(target);

  beforeAll(async () => {
    const project = demoProject();
    // One command whose project arguments no longer match the server's method: it must never be called.
    const stale = { name: 'Line.StaleBatch', server: 'demo', label: 'Stale batch', kind: 'method', critical: false, objectId: 'ns=1;s=DemoPlant.Line', methodId: 'ns=1;s=Line.StartBatch', arguments: [{ name: 'BatchSize', dataType: 'Int32' }] };
    station = await startOperatorStation('commands', { ...project, commands: [...project.commands, stale] });
    olga = station.olga;
    // Commands wait for the connection, and a pulse for its tag's first Good value.
    const deadline = Date.now() + 15_000;
    for (;;) {
      const why = await olga.call('prepareCommand', { name: 'Pump2.ResetPulse', arguments: {} }).then(() => null, (error: Error) => error.message);
      if (why === null) break;
      if (Date.now() > deadline) throw new Error(`the demo plant never became commandable: ${why} ${JSON.stringify((await olga.call<{ tags: { id: string }[]; project: unknown }>('snapshot')).tags.slice(0, 3))} ${JSON.stringify((await olga.call<{ project: unknown }>('snapshot')).project)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  afterAll(() => station?.stop());

  it('lists the project commands with their area, kind and arguments', async () => {
    const commands = await olga.call<CommandInfo[]>('listCommands');
    expect(commands.find((c) => c.name === 'Line.StartBatch')).toMatchObject({ label: 'Start a filling batch', kind: 'method', critical: true, area: 'demo/Line.StartBatch', arguments: [{ name: 'BatchSize', dataType: 'UInt32' }] });
    expect(commands.find((c) => c.name === 'Pump2.ResetPulse')).toMatchObject({ kind: 'pulse', area: 'demo/Pump2.Reset' });
  });

  it('calls a method and shows its Good status and output, audited', async () => {
    const outcome = await olga.call<CommandOutcome>('runCommand', { name: 'Pump1.ResetTrip', arguments: {} });
    expect(outcome).toMatchObject({ statusText: 'Good', outputs: [{ name: 'WasTripped', value: 'false' }] });
    expect((await audit('Pump1.ResetTrip'))[0]).toMatchObject({ action: 'command', user: 'olga', result: 'Good', detail: expect.stringContaining('WasTripped = false') });
  });

  it('selects a critical command first, then runs it with the argument the operator typed', async () => {
    await expect(olga.call('runCommand', { name: 'Line.StartBatch', arguments: { BatchSize: 50 } })).rejects.toThrow('runCommand: Line.StartBatch: is critical: select it first');
    const preparation = await olga.call<CommandPreparation>('prepareCommand', { name: 'Line.StartBatch', arguments: { BatchSize: 50 } });
    expect(preparation).toMatchObject({ arguments: [{ name: 'BatchSize', dataType: 'UInt32', value: 50 }], expiresAt: expect.any(Number) });
    await expect(olga.call('runCommand', { name: 'Line.StartBatch', arguments: { BatchSize: 60 } })).rejects.toThrow('50] was selected, not [60]');
    await olga.call('prepareCommand', { name: 'Line.StartBatch', arguments: { BatchSize: 50 } });
    const outcome = await olga.call<CommandOutcome>('runCommand', { name: 'Line.StartBatch', arguments: { BatchSize: 50 } });
    expect(outcome).toMatchObject({ statusText: 'Good', argumentResults: [{ name: 'BatchSize', statusText: 'Good' }], outputs: [{ name: 'BatchId', value: expect.stringMatching(/^\d+$/) }] });
    const records = (await audit('Line.StartBatch')).map((r) => `${r.action} ${r.result.slice(0, 28)} ${String(r.newValue)}`).reverse();
    expect(records).toEqual([
      'command refused: Line.StartBatch: is {"BatchSize":50}',
      'select ok BatchSize=50',
      'command refused: Line.StartBatch: [5 {"BatchSize":60}',
      'select ok BatchSize=50',
      'command Good BatchSize=50',
    ]);
  });

  it("shows the server's Bad status and the argument it refused as an error, never success", async () => {
    await olga.call('prepareCommand', { name: 'Line.StartBatch', arguments: { BatchSize: 20_000 } });
    const outcome = await olga.call<CommandOutcome>('runCommand', { name: 'Line.StartBatch', arguments: { BatchSize: 20_000 } });
    expect(outcome).toMatchObject({ statusText: 'BadInvalidArgument', argumentResults: [{ name: 'BatchSize', statusText: 'BadOutOfRange' }], outputs: [] });
    expect((await audit('Line.StartBatch'))[0]).toMatchObject({ result: 'BadInvalidArgument', detail: expect.stringContaining('argument BatchSize: BadOutOfRange') });
  });

  it('refuses a wrong argument type, and a project that disagrees with the server, before anything is sent', async () => {
    await expect(olga.call('prepareCommand', { name: 'Line.StartBatch', arguments: { BatchSize: 2.5 } })).rejects.toThrow('prepareCommand: Line.StartBatch: BatchSize: takes a whole number from 0 to 4294967295 (UInt32), not 2.5');
    await expect(olga.call('prepareCommand', { name: 'Line.StartBatch', arguments: { BatchSize: 'ten' } })).rejects.toThrow('BatchSize: takes a number (UInt32), not ten');
    await expect(olga.call('prepareCommand', { name: 'Line.StartBatch', arguments: {} })).rejects.toThrow('BatchSize: enter a value (UInt32)');
    await expect(olga.call('runCommand', { name: 'Line.StaleBatch', arguments: { BatchSize: 5 } })).rejects.toThrow('runCommand: Line.StaleBatch: BatchSize: the server takes UInt32, the project says Int32');
    expect((await audit('Line.StaleBatch'))[0]).toMatchObject({ result: expect.stringMatching(/^refused: Line.StaleBatch: BatchSize: the server takes UInt32/) });
  });

  it('pulses a boolean: writes true, then false after the pulse time', async () => {
    const outcome = await olga.call<CommandOutcome>('runCommand', { name: 'Pump2.ResetPulse', arguments: {} });
    expect(outcome).toMatchObject({ statusText: 'Good', writes: [{ value: true, statusText: 'Good' }, { value: false, statusText: 'Good' }] });
    expect((await audit('Pump2.ResetPulse'))[0]).toMatchObject({ result: 'Good', newValue: 'true for 500 ms', detail: expect.stringContaining('wrote true: Good; wrote false: Good') });
  });

  it('refuses commands from a viewer, in main, and audits the attempt', async () => {
    const vic = await station.viewer();
    expect((await vic.call<CommandInfo[]>('listCommands')).length).toBeGreaterThan(0);
    await expect(vic.call('runCommand', { name: 'Pump1.ResetTrip', arguments: {} })).rejects.toThrow('runCommand: refused: viewer "vic" may not command demo/Pump1.ResetTrip');
    expect((await audit('demo/Pump1.ResetTrip'))[0]).toMatchObject({ action: 'command', user: 'vic', result: expect.stringMatching(/^refused: viewer/) });
    vic.close();
  });

  it('refuses commands while the connection to the plant is down', async () => {
    station.killPlant();
    const deadline = Date.now() + 30_000;
    let message = '';
    while (Date.now() < deadline && !/reconnecting/.test(message)) {
      message = await olga.call('runCommand', { name: 'Pump1.ResetTrip', arguments: {} }).then(() => '', (error: Error) => error.message);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(message).toBe('runCommand: Pump1.ResetTrip: connection "Demo plant" is reconnecting; operations wait until it is connected');
  });
});
