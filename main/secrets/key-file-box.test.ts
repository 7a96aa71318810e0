import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_FILE, openKeyFileBox } from './key-file-box.js';
import { openProjectSecret } from './open-project-secret.js';
import { sealedSecretSchema } from './sealed-secret-schema.js';

describe('the key-file secret box (headless shell)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const userData = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-secrets-'));
    dirs.push(dir);
    return dir;
  };

  it('creates a key only its user can read, and seals so the secret never shows', async () => {
    const dir = userData();
    const box = openKeyFileBox(dir);
    expect(statSync(path.join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    const sealed = await box.seal('s3cret-opcua-password');
    expect(sealed).toMatch(/^tw-sealed:v1:aes-256-gcm:[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain('s3cret');
    expect(await box.seal('s3cret-opcua-password')).not.toBe(sealed); // a fresh IV every time
    expect(await box.open(sealed)).toBe('s3cret-opcua-password');
    expect(sealedSecretSchema.safeParse(sealed).success).toBe(true);
  });

  it('opens after a restart with the same key file', async () => {
    const dir = userData();
    const sealed = await openKeyFileBox(dir).seal('-----BEGIN PRIVATE KEY-----\nMIIE...\n');
    expect(await openKeyFileBox(dir).open(sealed)).toBe('-----BEGIN PRIVATE KEY-----\nMIIE...\n');
  });

  it('refuses a key file others can read, and says how to fix it', () => {
    const dir = userData();
    openKeyFileBox(dir);
    chmodSync(path.join(dir, KEY_FILE), 0o644);
    expect(() => openKeyFileBox(dir)).toThrow(/can be read by other users \(mode 0644\); refusing to use it: run `chmod 600 .*secrets\.key`/);
    chmodSync(path.join(dir, KEY_FILE), 0o600);
    expect(() => openKeyFileBox(dir)).not.toThrow();
  });

  it('refuses a damaged key file instead of sealing with a weak key', () => {
    const dir = userData();
    writeFileSync(path.join(dir, KEY_FILE), 'c2hvcnQ=', { mode: 0o600 });
    expect(() => openKeyFileBox(dir)).toThrow('is damaged (it must hold 32 bytes in base64)');
  });

  it('refuses clear text, another scheme, another station’s key and an altered value, naming where', async () => {
    const box = openKeyFileBox(userData());
    const other = openKeyFileBox(userData());
    const sealed = await box.seal('pw');
    await expect(openProjectSecret(box, 'hunter2', 'servers[1].password')).rejects.toThrow('servers[1].password: is not sealed (it must start with "tw-sealed:v1:"): a clear-text secret is never loaded');
    await expect(openProjectSecret(box, 'tw-sealed:v1:safe-storage:AAAA', 'servers[1].password')).rejects.toThrow('servers[1].password: was sealed with "safe-storage", and this station opens "aes-256-gcm" secrets');
    await expect(openProjectSecret(other, sealed, 'servers[1].password')).rejects.toThrow('servers[1].password: cannot be opened with this station');
    const payload = Buffer.from(sealed.split(':').at(-1)!, 'base64');
    payload[payload.length - 1]! ^= 1;
    await expect(box.open(`tw-sealed:v1:aes-256-gcm:${payload.toString('base64')}`)).rejects.toThrow('sealed elsewhere or has been altered');
    await expect(box.open('tw-sealed:v1:aes-256-gcm:AAAA')).rejects.toThrow('too short');
    await expect(box.open('tw-sealed:v1:aes-256-gcm:not base64!')).rejects.toThrow('not base64');
    expect(sealedSecretSchema.safeParse('hunter2').error?.issues[0]?.message).toMatch(/^must be sealed/);
  });
});
