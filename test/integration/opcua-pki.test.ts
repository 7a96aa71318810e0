import { fork } from 'node:child_process';
import { createPrivateKey, createPublicKey, generateKeyPairSync, webcrypto, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeCertificate } from '../../main/opcua/describe-certificate.js';
import { OpcuaPki } from '../../main/opcua/opcua-pki.js';
import { bundleEntry } from '../support/bundle-entry.js';

// The app's own certificate, created offline on first run. Electron's main process runs
// Node on BoringSSL, where node-opcua's WebCrypto import of a key that is not strict
// PKCS#8 fails (node-opcua #1361); Electron itself cannot run here, so these tests pin
// what that path depends on: a canonical PKCS#8 key, no OpenSSL executable, a key that
// WebCrypto imports.
describe('the app PKI', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-pki-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const log = () => undefined;

  it('is created on first run in its own process with no executables on PATH, in the layout OPC UA tools share', async () => {
    const root = path.join(dir, 'first-run');
    const entry = await bundleEntry('open-pki', 'test/support/open-pki-process.ts');
    const child = fork(entry, [root], { env: { ...process.env, PATH: '' }, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const result = await new Promise<{ ok: boolean; error?: string; applicationUri?: string; logs: string[] }>((resolve) => child.once('message', resolve));
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    for (const folder of ['own/certs', 'own/private', 'trusted/certs', 'trusted/crl', 'rejected', 'issuers/certs', 'issuers/crl']) {
      expect(existsSync(path.join(root, folder)), folder).toBe(true);
    }
    const certificate = new X509Certificate(readFileSync(path.join(root, 'own/certs/client_certificate.pem')));
    const info = describeCertificate(certificate.raw);
    expect(info.applicationUri).toBe(`urn:${os.hostname()}:Tidewatch`);
    expect(info.hostNames).toContain(os.hostname());
    expect(info.validTo - Date.now()).toBeGreaterThan(9 * 365 * 24 * 3600 * 1000);
    const keyPem = readFileSync(path.join(root, 'own/private/private_key.pem'), 'utf8');
    expect(certificate.checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
    expect(result.logs.join('\n')).toContain('created the application certificate');
  });

  it('keeps its key as canonical PKCS#8, the form WebCrypto imports (the step that failed in Electron)', async () => {
    const keyPem = readFileSync(path.join(dir, 'first-run/own/private/private_key.pem'), 'utf8');
    expect(keyPem.startsWith('-----BEGIN PRIVATE KEY-----')).toBe(true);
    expect(createPrivateKey(keyPem).export({ type: 'pkcs8', format: 'pem' })).toBe(keyPem);
    const der = createPrivateKey(keyPem).export({ type: 'pkcs8', format: 'der' });
    const key = await webcrypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
    expect(key.type).toBe('private');
  });

  it('re-encodes a legacy PKCS#1 key as PKCS#8 and certifies that same key', async () => {
    const root = path.join(dir, 'legacy');
    mkdirSync(path.join(root, 'own/private'), { recursive: true });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pkcs1 = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    writeFileSync(path.join(root, 'own/private/private_key.pem'), pkcs1);
    const pki = await OpcuaPki.open(root, log);
    await pki.dispose();
    const stored = readFileSync(path.join(root, 'own/private/private_key.pem'), 'utf8');
    expect(stored.startsWith('-----BEGIN PRIVATE KEY-----')).toBe(true);
    const publicOf = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'pem' });
    expect(publicOf(stored)).toBe(publicOf(pkcs1));
    expect(new X509Certificate(readFileSync(pki.certificateFile)).checkPrivateKey(createPrivateKey(stored))).toBe(true);
  });

  it('keeps a good certificate across restarts and replaces one that does not match its key', async () => {
    const root = path.join(dir, 'first-run');
    const thumbprint = () => describeCertificate(new X509Certificate(readFileSync(path.join(root, 'own/certs/client_certificate.pem'))).raw).thumbprint;
    const before = thumbprint();
    await (await OpcuaPki.open(root, log)).dispose();
    expect(thumbprint()).toBe(before);
    const legacyCertificate = readFileSync(path.join(dir, 'legacy/own/certs/client_certificate.pem'));
    writeFileSync(path.join(root, 'own/certs/client_certificate.pem'), legacyCertificate);
    await (await OpcuaPki.open(root, log)).dispose();
    const after = new X509Certificate(readFileSync(path.join(root, 'own/certs/client_certificate.pem')));
    expect(after.checkPrivateKey(createPrivateKey(readFileSync(path.join(root, 'own/private/private_key.pem'), 'utf8')))).toBe(true);
  });

  it('refuses an encrypted key with a message that says what to do', async () => {
    const root = path.join(dir, 'encrypted');
    mkdirSync(path.join(root, 'own/private'), { recursive: true });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(path.join(root, 'own/private/private_key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' }));
    await expect(OpcuaPki.open(root, log)).rejects.toThrow(/private_key\.pem is an encrypted private key; Tidewatch needs its own key unencrypted/);
  });
});
