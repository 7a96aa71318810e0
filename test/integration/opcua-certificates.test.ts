import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusCode } from '../../shared/status-code.js';
import { counterTags, OpcuaHarness } from '../support/opcua-harness.js';
import { startTestServer, type RunningTestServer, type TestServerConfig } from '../support/test-opcua-server.js';
import { waitFor } from '../support/wait-for.js';

// Servers whose certificates are wrong on purpose, and one that takes only X.509 user
// certificates: each refusal must say why, and no certificate is ever accepted silently.
describe('server certificates and X.509 users', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-certs-'));
  const servers: RunningTestServer[] = [];
  let harness: OpcuaHarness;
  const start = async (name: string, config: Partial<TestServerConfig>) => {
    const server = await startTestServer({ pkiDir: path.join(dir, name), securityModes: ['Sign', 'SignAndEncrypt'], securityPolicies: ['Basic256Sha256'], ...config });
    servers.push(server);
    return server;
  };
  const signed = (id: string, server: RunningTestServer, extra: object = {}) => ({
    id,
    name: id,
    endpointUrl: server.endpointUrl,
    securityMode: 'Sign' as const,
    securityPolicy: 'Basic256Sha256' as const,
    ...extra,
  });
  const failure = async (id: string) => {
    await waitFor(`${id} to fail`, () => harness.listener(id).state?.state === 'failed');
    return harness.listener(id).state?.lastError ?? '';
  };

  beforeAll(async () => {
    harness = await OpcuaHarness.open();
  });

  afterAll(async () => {
    await harness?.dispose();
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an expired certificate with its date, even when the project would accept any', async () => {
    const server = await start('expired', { certificate: 'expired' });
    harness.connect(signed('expired', server, { autoAcceptServerCertificate: true }), counterTags(1));
    const error = await failure('expired');
    expect(error).toMatch(/^the server's certificate \(.*CN=Tidewatch test server \(expired\).*\) expired on \d{4}-\d\d-\d\dT/);
  });

  it('refuses a certificate made for another application or another host', async () => {
    const wrongUri = await start('wrong-uri', { certificate: 'wrongUri' });
    const wrongHost = await start('wrong-host', { certificate: 'wrongHost' });
    harness.connect(signed('wrong-uri', wrongUri), counterTags(1));
    harness.connect(signed('wrong-host', wrongHost), counterTags(1));
    expect(await failure('wrong-uri')).toContain('is for application "urn:somewhere-else:other-server", but the server says it is "urn:tidewatch:test-server"');
    expect(await failure('wrong-host')).toContain('is for host plc-17.example.invalid, not 127.0.0.1');
    const listed = await harness.connections.api().listServerCertificates();
    expect(listed.map((c) => c.thumbprint)).not.toContain(wrongUri.certificateThumbprint); // not offered for a trust that could not help
  });

  it('accepts an unknown certificate without a prompt only when the project explicitly asks', async () => {
    const server = await start('auto', {});
    harness.connect(signed('auto', server, { autoAcceptServerCertificate: true }), counterTags(2));
    await waitFor('the auto-accepted connection', () => harness.listener('auto').state?.state === 'connected');
    const listed = await harness.connections.api().listServerCertificates();
    expect(listed.find((c) => c.thumbprint === server.certificateThumbprint)?.status).toBe('trusted');
  });

  it('logs in with an X.509 user certificate, and names a certificate the server refuses', async () => {
    const userDir = path.join(dir, 'operator');
    const server = await start('x509', { allowAnonymous: false, x509UserDir: userDir });
    const user = { kind: 'certificate' as const, certificateFile: path.join(userDir, 'user-cert.pem'), privateKeyFile: path.join(userDir, 'user-key.pem') };
    const { tags } = harness.connect(signed('x509', server, { securityMode: 'SignAndEncrypt', user, autoAcceptServerCertificate: true }), counterTags(2));
    await waitFor('the X.509 login', () => harness.listener('x509').state?.state === 'connected');
    await waitFor('Good values', () => tags.every((t) => harness.listener('x509').latest.get(t.index)?.status === StatusCode.Good));

    const stranger = { kind: 'certificate' as const, certificateFile: harness.pki.certificateFile, privateKeyFile: harness.pki.privateKeyFile };
    harness.connect(signed('x509-stranger', server, { securityMode: 'SignAndEncrypt', user: stranger }), counterTags(1));
    expect(await failure('x509-stranger')).toMatch(/^the server refused the user certificate \(Bad\w+\)$/);

    const missing = { ...user, privateKeyFile: path.join(userDir, 'no-such-key.pem') };
    harness.connect(signed('x509-missing', server, { securityMode: 'SignAndEncrypt', user: missing }), counterTags(1));
    expect(await failure('x509-missing')).toBe(`cannot read the user private key ${missing.privateKeyFile}: ENOENT`);
  });
});
