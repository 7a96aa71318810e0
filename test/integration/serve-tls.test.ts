import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { OPCUACertificateManager } from 'node-opcua';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/contract.js';
import { ApiSocket } from '../support/api-socket.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';
import { waitFor } from '../support/wait-for.js';

// The headless shell over https and wss, as it serves browsers beyond this PC. Tests bind to
// loopback only, so it listens on 127.0.0.1 with the TLS a remote listener must have.
describe('npm run serve with --tls-cert and --tls-key', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-tls-'));
  const certFile = path.join(dir, 'station.pem');
  const keyFile = path.join(dir, 'pki', 'own', 'private', 'private_key.pem');
  let serve: ServeProcess;
  let cert: Buffer;

  beforeAll(async () => {
    // A station certificate as a site would issue one: for the address browsers use.
    const pki = new OPCUACertificateManager({ rootFolder: path.join(dir, 'pki'), automaticallyAcceptUnknownCertificate: false });
    await pki.initialize();
    await pki.createSelfSignedCertificate({ applicationUri: 'urn:tidewatch:test-station', dns: ['localhost'], ip: ['127.0.0.1'], subject: '/CN=127.0.0.1/O=Tidewatch tests', startDate: new Date(Date.now() - 86_400_000), validity: 30, outputFile: certFile });
    await pki.dispose();
    cert = readFileSync(certFile);
    serve = await startServe(['--listen', '127.0.0.1', '--tls-cert', certFile, '--tls-key', keyFile]);
  });

  afterAll(async () => {
    await serve?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string) =>
    new Promise<{ status: number; cookie: string; fingerprint: string }>((resolve, reject) => {
      const req = request(url, { rejectUnauthorized: false }, (response) => {
        response.resume();
        const peer = (response.socket as import('node:tls').TLSSocket).getPeerCertificate();
        resolve({ status: response.statusCode ?? 0, cookie: String(response.headers['set-cookie'] ?? ''), fingerprint: peer.fingerprint256 });
      });
      req.once('error', reject);
      req.end();
    });

  it('prints an https URL and serves the page with the given certificate and a Secure cookie', async () => {
    expect(serve.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/\?token=/);
    const page = await get(serve.url);
    expect(page.status).toBe(200);
    expect(page.fingerprint).toBe(new X509Certificate(cert).fingerprint256);
    expect(page.cookie).toMatch(/HttpOnly; SameSite=Strict; Path=\/; Secure$/);
    expect((await get(serve.origin)).status).toBe(401); // still behind the token
  });

  it('speaks the contract over wss, read-only until someone logs in', async () => {
    const api = await ApiSocket.open(serve.origin, serve.token, cert);
    await waitFor('the demo connection in the snapshot', async () => (await api.call<Snapshot>('snapshot')).connections.some((c) => c.id === 'demo'), 60_000);
    await expect(api.call('writeTag', { tagId: 'demo/TIC101.SP', value: 50 })).rejects.toThrow(/refused/);
    api.close();
  });

  it('refuses to start on a key file it cannot read, naming the file', async () => {
    const bad = await startServe(['--tls-cert', certFile, '--tls-key', certFile.replace('station.pem', 'missing.pem')]).then(
      async (unexpected) => {
        await unexpected.stop();
        return 'started';
      },
      (error: Error) => error.message,
    );
    expect(bad).toMatch(/--tls-key \S+missing\.pem: ENOENT/);
  });
});
