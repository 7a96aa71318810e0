import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusCode } from '../../shared/status-code.js';
import type { ClientSession } from '../../main/api/client-session.js';
import { callApi } from '../../main/api/call-api.js';
import { createApp, type App } from '../../main/app/create-app.js';
import { builtFile } from '../support/built-files.js';
import { FrameCollector } from '../support/frame-collector.js';
import { startTestServer, type RunningTestServer } from '../support/test-opcua-server.js';
import { TEST_ADMIN } from '../support/test-security.js';
import { waitFor } from '../support/wait-for.js';

// A project written by hand names a plain server and a secured one (SignAndEncrypt, user names,
// an X.509 user), each in its own process. Passwords typed in clear are sealed as the file
// loads; a wrong one shows on its server alone; servers added in the dialog stay in the file.
describe('a project with secured servers', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-project-security-'));
  const userDataDir = path.join(dir, 'user-data');
  const file = path.join(dir, 'line.tidewatch');
  const x509Dir = path.join(dir, 'x509-user');
  const log: string[] = [];
  let plain: RunningTestServer;
  let secure: RunningTestServer;
  let app: App;
  let client: ClientSession;
  let collector: FrameCollector;

  const counters = (server: string, ...numbers: number[]) => numbers.map((n) => ({ name: `V${n}`, server, nodeId: `ns=1;s=Test.V${n}` }));
  const securedServer = (id: string, securityPolicy: string, user: Record<string, unknown>) => ({
    id,
    name: `Secure ${id}`,
    endpointUrl: secure.endpointUrl,
    securityMode: 'SignAndEncrypt',
    securityPolicy,
    user,
    // The project explicitly trusts this server's certificate; the trust prompt has its own tests.
    autoAcceptServerCertificate: true,
  });
  const openApp = async () => {
    app = createApp({ userDataDir, simulatorEntry: builtFile('simulator.js'), historianWorkerEntry: builtFile('historian-worker.js'), projectFile: file, log: (level, message) => log.push(`${level} ${message}`) });
    collector = new FrameCollector();
    client = app.core.openClient(collector, 'test');
    collector.ack = (seq) => client.ack(seq);
    await app.start();
  };
  const connection = (id: string) => app.core.snapshot().connections.find((c) => c.id === id);
  const tagIndex = (id: string) => app.core.snapshot().tags.find((t) => t.id === id)?.index;
  const samplesOf = (id: string) => collector.samples.filter((s) => s.tag === tagIndex(id)).length;
  const good = (...ids: string[]) => ids.every((id) => tagIndex(id) !== undefined && collector.latest(tagIndex(id)!)?.status === StatusCode.Good);
  const saved = () => JSON.parse(readFileSync(file, 'utf8')) as { servers: { id: string; securityPolicy: string; user: Record<string, unknown> }[] };

  beforeAll(async () => {
    [plain, secure] = await Promise.all([
      startTestServer({ pkiDir: path.join(dir, 'plain'), securityModes: ['None'], securityPolicies: ['None'] }),
      startTestServer({
        pkiDir: path.join(dir, 'secure'),
        securityModes: ['SignAndEncrypt'],
        securityPolicies: ['Basic256Sha256', 'Aes128_Sha256_RsaOaep', 'Aes256_Sha256_RsaPss'],
        allowAnonymous: false,
        users: [{ userName: 'operator', password: 'op-secret' }],
        x509UserDir: x509Dir,
      }),
    ]);
    const project = {
      version: 1,
      name: 'Secured line',
      servers: [
        { id: 'plain', name: 'Plain PLC', endpointUrl: plain.endpointUrl },
        securedServer('secure', 'Basic256Sha256', { kind: 'userName', userName: 'operator', password: 'op-secret' }),
        securedServer('wrong', 'Aes128_Sha256_RsaOaep', { kind: 'userName', userName: 'operator', password: 'a-wrong-guess' }),
        securedServer('badge', 'Aes256_Sha256_RsaPss', { kind: 'certificate', certificateFile: path.join(x509Dir, 'user-cert.pem'), privateKeyFile: path.join(x509Dir, 'user-key.pem') }),
      ],
      tags: [...counters('plain', 0), ...counters('secure', 0, 1), ...counters('wrong', 2), ...counters('badge', 3)],
    };
    writeFileSync(file, `${JSON.stringify(project, null, 2)}\n`);
    await openApp();
  });

  afterAll(async () => {
    await app?.dispose();
    await Promise.all([plain?.stop(), secure?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('seals the passwords typed into the file and saves it without them, before connecting', () => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('op-secret');
    expect(text).not.toContain('a-wrong-guess');
    expect(saved().servers[1]?.user).toEqual({ kind: 'userName', userName: 'operator', passwordSecret: expect.stringMatching(/^tw-sealed:v1:aes-256-gcm:/) });
    expect(log).toContain(`info project ${file}: sealed the clear-text password at servers[1].user.password, servers[2].user.password and saved the file without it`);
  });

  it('streams Good values over SignAndEncrypt with a user name and with an X.509 user certificate', async () => {
    await waitFor('Good values from every server that can log in', () => good('plain/V0', 'secure/V0', 'secure/V1', 'badge/V3'));
    expect(connection('secure')).toMatchObject({ state: 'connected', lastError: null });
    expect(connection('badge')).toMatchObject({ state: 'connected', lastError: null });
  });

  it('shows a wrong password on that server alone, and the others keep streaming', async () => {
    await waitFor('the refused login', () => connection('wrong')?.state === 'failed');
    expect(connection('wrong')?.lastError).toBe('the server refused the user name or password (BadUserAccessDenied)');
    const before = { plain: samplesOf('plain/V0'), secure: samplesOf('secure/V0') };
    await waitFor('both good servers to keep streaming', () => samplesOf('plain/V0') > before.plain + 3 && samplesOf('secure/V0') > before.secure + 3);
    expect(good('plain/V0', 'secure/V0')).toBe(true);
  });

  it('rebuilds only the server whose security changed in the file', async () => {
    const plainSince = connection('plain')!.since;
    const secureSince = connection('secure')!.since;
    const project = saved();
    project.servers[1]!.securityPolicy = 'Aes256_Sha256_RsaPss';
    writeFileSync(file, `${JSON.stringify(project, null, 2)}\n`);
    await waitFor('the secure connection to be rebuilt', () => connection('secure')?.since !== secureSince && connection('secure')?.state === 'connected');
    const mark = collector.samples.length;
    await waitFor('Good values over the new policy', () => collector.since(mark, tagIndex('secure/V0')!).some((s) => s.status === StatusCode.Good));
    expect(connection('plain')!.since).toBe(plainSince);
  });

  it('keeps a server added in the connection dialog in the project, across a restart, until it is removed', async () => {
    await callApi(client.api(), 'setupAdministrator', TEST_ADMIN); // adding servers is an administrator's or engineer's work
    await callApi(client.api(), 'addServer', {
      settings: { id: 'dialog', name: 'Added in the dialog', endpointUrl: secure.endpointUrl, securityMode: 'SignAndEncrypt', securityPolicy: 'Basic256Sha256', user: { kind: 'userName', userName: 'operator' } },
      password: 'op-secret',
    });
    await waitFor('the added server to connect', () => connection('dialog')?.state === 'connected');
    const added = saved().servers.find((s) => s.id === 'dialog');
    expect(added).toMatchObject({ securityMode: 'SignAndEncrypt', securityPolicy: 'Basic256Sha256', user: { kind: 'userName', userName: 'operator', passwordSecret: expect.stringMatching(/^tw-sealed:v1:/) } });
    expect(readFileSync(file, 'utf8')).not.toContain('op-secret');

    await app.dispose();
    await openApp();
    await waitFor('the added server after a restart', () => connection('dialog')?.state === 'connected');
    await waitFor('the project servers after a restart', () => good('plain/V0', 'secure/V0'));

    await callApi(client.api(), 'login', { name: TEST_ADMIN.name, password: TEST_ADMIN.password });
    await callApi(client.api(), 'removeServer', { connectionId: 'dialog' });
    expect(connection('dialog')).toBeUndefined();
    expect(saved().servers.map((s) => s.id)).toEqual(['plain', 'secure', 'wrong', 'badge']);
  });
});
