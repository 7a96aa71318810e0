import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusCode } from '../../shared/status-code.js';
import { counterTags, OpcuaHarness } from '../support/opcua-harness.js';
import { startTestServer, type RunningTestServer } from '../support/test-opcua-server.js';
import { waitFor } from '../support/wait-for.js';

// A server that takes only SignAndEncrypt and named users, in its own process; Tidewatch must
// refuse its unknown certificate, show it, and connect once the operator trusts it.
describe('secured servers: certificates, policies and user names', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-secure-'));
  let server: RunningTestServer;
  let harness: OpcuaHarness;
  const good = (id: string, tagIndexes: readonly number[]) => tagIndexes.every((i) => harness.listener(id).latest.get(i)?.status === StatusCode.Good);
  const secured = (id: string, securityPolicy: 'Basic256Sha256' | 'Aes128_Sha256_RsaOaep' | 'Aes256_Sha256_RsaPss', password = 'op-secret') => ({
    id,
    name: `Secure ${id}`,
    endpointUrl: server.endpointUrl,
    securityMode: 'SignAndEncrypt' as const,
    securityPolicy,
    user: { kind: 'userName' as const, userName: 'operator', passwordSecret: harness.secret(`secret-${id}`, password) },
  });

  beforeAll(async () => {
    server = await startTestServer({
      pkiDir: path.join(dir, 'server'),
      securityModes: ['SignAndEncrypt'],
      securityPolicies: ['Basic256Sha256', 'Aes128_Sha256_RsaOaep', 'Aes256_Sha256_RsaPss'],
      allowAnonymous: false,
      users: [{ userName: 'operator', password: 'op-secret' }],
    });
    harness = await OpcuaHarness.open();
  });

  afterAll(async () => {
    await harness?.dispose();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses the unknown server certificate and shows who it belongs to', async () => {
    harness.connect(secured('plc', 'Basic256Sha256'), counterTags(3));
    const listener = harness.listener('plc');
    await waitFor('the untrusted certificate to be reported', () => listener.state?.state === 'failed' && listener.state.lastError?.includes('not trusted'));
    expect(listener.state?.lastError).toContain(server.certificateThumbprint);
    expect(listener.logs.join('\n')).toContain(`Secure plc (${server.endpointUrl}): the server's certificate is not trusted`);
    const [certificate] = await harness.connections.api().listServerCertificates();
    expect(certificate).toMatchObject({
      status: 'rejected',
      thumbprint: server.certificateThumbprint,
      applicationUri: server.applicationUri,
      connectionIds: ['plc'],
      problem: null,
    });
    expect(certificate?.subject).toContain('CN=Tidewatch test server (valid)');
    expect(certificate?.issuer).toContain('CN=Tidewatch test server (valid)');
    expect(certificate!.validTo).toBeGreaterThan(Date.now());
  });

  it('connects as soon as the operator trusts it, and streams Good values', async () => {
    await harness.connections.api().trustServerCertificate({ thumbprint: server.certificateThumbprint });
    const listener = harness.listener('plc');
    await waitFor('the connection after trust', () => listener.state?.state === 'connected');
    await waitFor('Good values', () => good('plc', [0, 1, 2]));
    const [certificate] = await harness.connections.api().listServerCertificates();
    expect(certificate).toMatchObject({ status: 'trusted', connectionIds: [] });
  });

  it('speaks each required security policy', async () => {
    for (const policy of ['Aes128_Sha256_RsaOaep', 'Aes256_Sha256_RsaPss'] as const) {
      const { tags } = harness.connect(secured(policy, policy), counterTags(2));
      await waitFor(`a ${policy} connection`, () => harness.listener(policy).state?.state === 'connected');
      await waitFor(`Good values over ${policy}`, () => good(policy, tags.map((t) => t.index)));
    }
  });

  it('names a wrong password as the cause, and the other servers go on', async () => {
    harness.connect(secured('wrong-password', 'Basic256Sha256', 'guess'), counterTags(1));
    const listener = harness.listener('wrong-password');
    await waitFor('the refused login', () => listener.state?.state === 'failed');
    expect(listener.state?.lastError).toBe('the server refused the user name or password (BadUserAccessDenied)');
    const plc = harness.listener('plc');
    const before = plc.counts.get(0) ?? 0;
    await waitFor('the trusted connection to keep streaming', () => (plc.counts.get(0) ?? 0) > before + 3);
  });

  it('says which endpoints and logins the server offers when the settings ask for others', async () => {
    harness.connect({ id: 'plain', name: 'Plain', endpointUrl: server.endpointUrl }, counterTags(1));
    harness.connect({ ...secured('anonymous', 'Basic256Sha256'), user: { kind: 'anonymous' } }, counterTags(1));
    await waitFor('both refusals', () => harness.listener('plain').state?.state === 'failed' && harness.listener('anonymous').state?.state === 'failed');
    expect(harness.listener('plain').state?.lastError).toBe(
      'the server offers no None/None endpoint; it offers SignAndEncrypt/Basic256Sha256, SignAndEncrypt/Aes128_Sha256_RsaOaep, SignAndEncrypt/Aes256_Sha256_RsaPss',
    );
    expect(harness.listener('anonymous').state?.lastError).toBe('the SignAndEncrypt/Basic256Sha256 endpoint does not accept anonymous logins; it accepts user-name, X.509 certificate');
  });
});
