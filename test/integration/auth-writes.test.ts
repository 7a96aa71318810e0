import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WriteOutcome, WritePreparation } from '../../shared/api/auth-api.js';
import { StatusCode } from '../../shared/status-code.js';
import { demoProject } from '../../main/project/demo-project.js';
import { ApiSocket } from '../support/api-socket.js';
import { startOperatorStation, type OperatorStation } from '../support/operator-station.js';

const BAD_INVALID_STATE = 0x80af0000;

// Operator writes against the demo plant through `npm run serve`, as a browser makes them:
// each user on their own socket, every check made in main, every outcome in the audit trail.
describe('operator writes through the headless shell', () => {
  let station: OperatorStation;
  let olga: ApiSocket;
  const audit = (target: string) => station.audit(target);

  beforeAll(async () => {
    // The demo project as the app writes it on first start, with engineering limits and a critical command.
    const project = demoProject();
    const tags = project.tags.map((tag) =>
      tag.name === 'TIC101.SP' ? { ...tag, writeLimits: { low: 30, high: 80 } } : tag.name === 'Pump2.Start' ? { ...tag, critical: true } : tag,
    );
    station = await startOperatorStation('writes', { ...project, tags });
    olga = station.olga;
    // Writes wait for the tag's type from the server and its first Good value.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ready = await olga.call('prepareWrite', { tagId: 'demo/TIC101.SP', value: 50 }).then(() => true, () => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error('TIC101.SP never became writable');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  afterAll(() => station?.stop());

  it('confirms with the tag, the current and new value and the unit, writes, and reads the value back', async () => {
    const preparation = await olga.call<WritePreparation>('prepareWrite', { tagId: 'demo/TIC101.SP', value: 65 });
    expect(preparation).toMatchObject({ tagId: 'demo/TIC101.SP', tagName: 'TIC101.SP', unit: 'degC', dataType: 'Double', newValue: 65, expiresAt: null });
    expect(typeof preparation.oldValue).toBe('number');
    const outcome = await olga.call<WriteOutcome>('writeTag', { tagId: 'demo/TIC101.SP', value: 65 });
    expect(outcome).toEqual({ status: StatusCode.Good, statusText: 'Good', readBack: { value: 65, status: StatusCode.Good, statusText: 'Good', matches: true } });
    expect((await audit('demo/TIC101.SP'))[0]).toMatchObject({ action: 'write', user: 'olga', station: 'browser@127.0.0.1', newValue: 65, result: 'Good', detail: 'read back 65' });
  });

  it('refuses values outside the project’s engineering limits and the instrument range, naming the limit, before the server sees them', async () => {
    await expect(olga.call('prepareWrite', { tagId: 'demo/TIC101.SP', value: 85 })).rejects.toThrow('prepareWrite: demo/TIC101.SP: 85 degC is above the engineering limit (project writeLimits) high 80 degC');
    await expect(olga.call('writeTag', { tagId: 'demo/TIC101.SP', value: 95 })).rejects.toThrow('writeTag: demo/TIC101.SP: 95 degC is above the instrument range (EURange) high 90 degC');
    await expect(olga.call('writeTag', { tagId: 'demo/TIC101.SP', value: true })).rejects.toThrow('writeTag: demo/TIC101.SP: takes a number (Double), not true');
    await expect(olga.call('writeTag', { tagId: 'demo/Tank1.Level', value: 50 })).rejects.toThrow('writeTag: demo/Tank1.Level: is read-only on its server');
    expect((await audit('demo/TIC101.SP')).slice(0, 2).map((r) => r.result)).toEqual([
      'refused: demo/TIC101.SP: takes a number (Double), not true',
      'refused: demo/TIC101.SP: 95 degC is above the instrument range (EURange) high 90 degC',
    ]);
  });

  it('returns a Bad StatusCode from the server as an outcome, never as success, and audits it', async () => {
    await olga.call('writeTag', { tagId: 'demo/TIC101.Auto', value: true });
    const outcome = await olga.call<WriteOutcome>('writeTag', { tagId: 'demo/TIC101.OP', value: 40 });
    // BadInvalidState: in auto the controller computes OP.
    expect(outcome).toEqual({ status: BAD_INVALID_STATE, statusText: expect.stringMatching(/^(BadInvalidState|0x80AF0000)$/), readBack: null });
    expect((await audit('demo/TIC101.OP'))[0]).toMatchObject({ user: 'olga', newValue: 40, result: outcome.statusText, detail: '' });
  });

  it('operates a critical command only after a select, and only what was selected', async () => {
    await expect(olga.call('writeTag', { tagId: 'demo/Pump2.Start', value: true })).rejects.toThrow('writeTag: demo/Pump2.Start: is critical: select it first');
    const selected = await olga.call<WritePreparation>('prepareWrite', { tagId: 'demo/Pump2.Start', value: false });
    expect(selected.expiresAt).toBeGreaterThan(Date.now());
    await expect(olga.call('writeTag', { tagId: 'demo/Pump2.Start', value: true })).rejects.toThrow('false was selected, not true; the selection is cancelled');
    await olga.call('prepareWrite', { tagId: 'demo/Pump2.Start', value: true });
    expect(await olga.call<WriteOutcome>('writeTag', { tagId: 'demo/Pump2.Start', value: true })).toMatchObject({ statusText: 'Good', readBack: { value: true, matches: true } });
    // The same message again (a replay) finds no selection.
    await expect(olga.call('writeTag', { tagId: 'demo/Pump2.Start', value: true })).rejects.toThrow('is critical: select it first');
    expect((await audit('demo/Pump2.Start')).map((r) => `${r.action} ${r.result.slice(0, 20)}`).reverse()).toEqual([
      'write refused: demo/Pump2.',
      'select ok',
      'write refused: demo/Pump2.',
      'select ok',
      'write Good',
      'write refused: demo/Pump2.',
    ]);
  });

  it('refuses writes from a viewer and from a session nobody logged into, in main', async () => {
    const vic = await station.viewer();
    const nobody = await ApiSocket.open(station.serve.origin, station.serve.token);
    await expect(vic.call('writeTag', { tagId: 'demo/TIC101.SP', value: 60 })).rejects.toThrow('writeTag: refused: viewer "vic" may not write demo/TIC101.SP');
    await expect(nobody.call('writeTag', { tagId: 'demo/TIC101.SP', value: 60 })).rejects.toThrow('writeTag: refused: log in first');
    await expect(nobody.call('queryAudit', { limit: 10 })).rejects.toThrow('queryAudit: refused: log in first');
    expect((await audit('demo/TIC101.SP'))[0]).toMatchObject({ user: 'vic', result: expect.stringMatching(/^refused: viewer "vic" may not write/) });
    vic.close();
    nobody.close();
  });

  it('refuses operations while the connection to the plant is down', async () => {
    station.killPlant();
    const deadline = Date.now() + 30_000;
    let message = '';
    while (Date.now() < deadline && !/reconnecting|Bad/.test(message)) {
      message = await olga.call('prepareWrite', { tagId: 'demo/TIC101.SP', value: 60 }).then(() => '', (error: Error) => error.message);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(message).toMatch(/^prepareWrite: demo\/TIC101\.SP: (connection "Demo plant" is reconnecting|its value is Bad \(BadNoCommunication\))/);
  });
});
