import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AlarmActionResult, AlarmJournalPage, AlarmList } from '../../shared/api/alarm-api.js';
import { alarmDefinitionsSchema } from '../../main/alarms/alarm-definition.js';
import { ALARM_STATES_FILE } from '../../main/alarms/alarm-state-file.js';
import { demoProject } from '../../main/project/demo-project.js';
import { ApiSocket } from '../support/api-socket.js';
import { setUpAdministrator, startServe, type ServeProcess } from '../support/serve-process.js';
import { TEST_ADMIN } from '../support/test-security.js';
import { waitFor } from '../support/wait-for.js';

const ACKED = 'local:Tank1.CHECK.H';
const SHELVED = 'local:Tank2.CHECK.H';

// An operator acknowledged one standing alarm and shelved another; then Tidewatch restarted.
describe('local alarm states across a restart of the headless shell', () => {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-alarm-states-'));
  const stateFile = path.join(userData, ALARM_STATES_FILE);
  let serve: ServeProcess | null = null;

  afterAll(async () => {
    await serve?.stop();
    rmSync(userData, { recursive: true, force: true });
  });

  // Two level checks the tanks are always above, so both are active from the first sample.
  const project = demoProject();
  const check = (tank: string) => ({ id: `${tank}.CHECK`, type: 'limit', tag: `demo/${tank}.Level`, area: 'Tanks', limits: { H: { value: -1 } } });
  mkdirSync(path.join(userData, 'projects'), { recursive: true });
  writeFileSync(path.join(userData, 'projects', 'demo-plant.tidewatch'), `${JSON.stringify({ ...project, alarms: alarmDefinitionsSchema.parse([...project.alarms, check('Tank1'), check('Tank2')]) }, null, 2)}\n`);

  let firstRun = true;
  async function startAndLogIn(): Promise<ApiSocket> {
    serve = await startServe(['--user-data', userData]);
    const api = await ApiSocket.open(serve.origin, serve.token);
    if (firstRun) await setUpAdministrator(api);
    // The users are in the project, which loads after the URL is printed: log in once it has.
    else await waitFor('the administrator to log in', () => api.call('login', { name: TEST_ADMIN.name, password: TEST_ADMIN.password }).then(() => true, () => false), 60_000);
    firstRun = false;
    return api;
  }
  const states = async (api: ApiSocket) => Object.fromEntries((await api.call<AlarmList>('listAlarms')).alarms.filter((a) => a.id.includes('.CHECK.')).map((a) => [a.id, a.state]));

  it('keeps the acknowledgement and the shelve, and does not raise the standing alarm again', async () => {
    const api = await startAndLogIn();
    await waitFor('both checks raised', async () => Object.keys(await states(api)).length === 2, 60_000);
    expect(await api.call<AlarmActionResult[]>('acknowledgeAlarms', { ids: [ACKED], comment: 'known: level checks' })).toMatchObject([{ ok: true }]);
    expect(await api.call<AlarmActionResult[]>('shelveAlarms', { ids: [SHELVED], mode: 'timed', durationMs: 3_600_000, reason: 'gauge replaced' })).toMatchObject([{ ok: true }]);
    api.close();
    await serve!.stop();
    expect(existsSync(stateFile)).toBe(true);

    const restartedAt = Date.now();
    const again = await startAndLogIn();
    // Once new samples of both tanks went through the alarms (and on to the historian), each is as it was left.
    const sampledSinceRestart = async () => {
      // Until the project has loaded its tags are unknown: keep asking.
      const series = await again.call<{ time: number[] }[]>('readHistory', { tagIds: ['demo/Tank1.Level', 'demo/Tank2.Level'], from: restartedAt, to: Date.now() + 60_000, buckets: 0 }).catch(() => []);
      return series.length === 2 && series.every((s) => s.time.length > 0);
    };
    await waitFor('new samples of both tanks', sampledSinceRestart, 60_000);
    expect(await states(again)).toEqual({ [ACKED]: 'ackActive', [SHELVED]: 'shelved' });
    const journal = await again.call<AlarmJournalPage>('queryAlarmJournal', { from: restartedAt, to: Date.now() + 1, text: 'CHECK' });
    expect(journal.entries.filter((e) => e.kind === 'raise')).toEqual([]);
    again.close();
  });

  it('starts from normal, saying why in the log, when the state file is damaged', async () => {
    await serve!.stop();
    writeFileSync(stateFile, '{"version": 1, "alarms": [{"id": 7}]}');
    const api = await startAndLogIn();
    await waitFor('both checks raised anew', async () => {
      const now = await states(api);
      return now[ACKED] === 'unackActive' && now[SHELVED] === 'unackActive';
    }, 60_000);
    expect(serve!.log()).toMatch(/alarm states: \S+alarm-states\.json was not used \(alarms\.0\.id: .+\); local alarms start from normal/);
    api.close();
  });
});
