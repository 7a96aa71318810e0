import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthState } from '../../shared/api/auth-api.js';
import { callApi } from '../../main/api/call-api.js';
import { createApp, type App } from '../../main/app/create-app.js';
import { startHeadlessServer, type HeadlessServer } from '../../main/server/headless-server.js';
import { builtFile } from '../support/built-files.js';
import { FrameCollector } from '../support/frame-collector.js';
import { ApiSocket } from '../support/api-socket.js';
import { FuzzCorpus, fuzzSeed, KNOWN_METHODS, POLLUTION_KEYS } from './fuzz-corpus.js';

const MESSAGES = 400;

/** Everything a prototype-pollution attack would change, as a string to compare. */
function prototypes(): string {
  const described = [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((proto) =>
    Object.getOwnPropertyNames(proto)
      .sort()
      .map((name) => `${name}:${typeof Object.getOwnPropertyDescriptor(proto, name)?.value}`)
      .join(','),
  );
  return described.join('\n');
}

// The same server code in this process, so the test can look at its prototypes after the attack:
// the WebSocket path (JSON) and the core's one door (what the Electron IPC handler calls).
describe('prototype pollution through the contract', () => {
  const seed = fuzzSeed();
  const userData = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-pollution-'));
  let app: App;
  let server: HeadlessServer;
  const token = 'fuzz-token-fuzz-token-fuzz-token';

  beforeAll(async () => {
    app = createApp({ userDataDir: userData, simulatorEntry: builtFile('simulator.js'), historianWorkerEntry: builtFile('historian-worker.js'), log: () => undefined });
    server = await startHeadlessServer({ core: app.core, rendererDir: path.join(userData, 'no-renderer'), token, port: 0, log: () => undefined });
    await app.start();
  });

  afterAll(async () => {
    await server?.close();
    await app?.dispose();
    rmSync(userData, { recursive: true, force: true });
  });

  it(`leaves every built-in prototype untouched after ${MESSAGES} hostile messages (FUZZ_SEED=${seed})`, async () => {
    const before = prototypes();
    const admin = await ApiSocket.open(`http://127.0.0.1:${server.port}`, token);
    await admin.call('setupAdministrator', { name: 'admin', displayName: '', password: 'admin-pass-1' });
    const corpus = new FuzzCorpus(seed);
    let socket = await ApiSocket.open(`http://127.0.0.1:${server.port}`, token);
    for (let i = 0; i < MESSAGES; i++) {
      const message = corpus.next();
      if (!socket.isOpen) socket = await ApiSocket.open(`http://127.0.0.1:${server.port}`, token);
      if (message.kind === 'text' && message.callId !== null) await socket.callRaw(message.callId, message.data).catch(() => undefined);
      else socket.send(message.data, message.kind === 'binary');
    }
    socket.close();

    // The core's door directly, with objects shaped as IPC's structured clone delivers them (own "__proto__" keys).
    // openClient takes the station once the security wiring is in; until then this file compiles against both.
    const openClient = app.core.openClient.bind(app.core) as (sink: FrameCollector, station: string) => ReturnType<App['core']['openClient']>;
    const client = openClient(new FrameCollector(), 'fuzz@in-process');
    for (const method of [...KNOWN_METHODS, ...POLLUTION_KEYS]) {
      for (const key of POLLUTION_KEYS) {
        const params = JSON.parse(`{"name":"admin","password":"x","tagId":"demo/TIC101.SP","value":1,"${key}":{"polluted":true,"prototype":{"polluted":true}}}`) as unknown;
        await callApi(client.api(), method, params).catch(() => undefined);
      }
    }

    expect(prototypes()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    // And the attack gave nobody rights: a fresh session is a read-only nobody.
    expect((await callApi(client.api(), 'authState', undefined)) as AuthState).toMatchObject({ user: null });
    client.dispose();
    admin.close();
  });
});
