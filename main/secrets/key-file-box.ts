import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { constants, mkdirSync, openSync, readFileSync, statSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { sealedPayload, sealedValue, type SecretBox } from './secret-box.js';

export const KEY_FILE = 'secrets.key';
const SCHEME = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The headless shell's secret box: AES-256-GCM under a random key kept in a
 * file only this OS user can read. The key file is created with mode 0600;
 * one that others can read (or that someone else owns) is refused with how to
 * fix it, because a secret anyone can decrypt is a secret in clear text.
 * On Windows, file modes say nothing about access: the user-data folder's own
 * ACL (per-user by default) is what protects the key there.
 */
export function openKeyFileBox(userDataDir: string, platform: NodeJS.Platform = process.platform): SecretBox {
  const file = path.join(userDataDir, KEY_FILE);
  const key = loadOrCreateKey(file, platform);
  return {
    scheme: SCHEME,
    async seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(SCHEME, key, iv).setAAD(Buffer.from(SCHEME));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return sealedValue(SCHEME, Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    async open(sealed) {
      const payload = sealedPayload(SCHEME, sealed);
      if (payload.length < IV_BYTES + TAG_BYTES) throw new Error('is damaged: too short to be a sealed secret');
      const decipher = createDecipheriv(SCHEME, key, payload.subarray(0, IV_BYTES)).setAAD(Buffer.from(SCHEME));
      decipher.setAuthTag(payload.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(payload.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new Error(`cannot be opened with this station's key (${file}): it was sealed elsewhere or has been altered`);
      }
    },
  };
}

function loadOrCreateKey(file: string, platform: NodeJS.Platform): Buffer {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // O_EXCL: never overwrite a key that sealed secrets depend on, even if two starts race.
    const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    try {
      writeSync(fd, randomBytes(KEY_BYTES).toString('base64'));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (platform !== 'win32') checkPrivate(file);
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`the secrets key file ${file} is damaged (it must hold ${KEY_BYTES} bytes in base64): restore it from a backup, or delete it and enter the sealed secrets again`);
  return key;
}

function checkPrivate(file: string): void {
  const stat = statSync(file);
  const othersMayRead = (stat.mode & 0o077) !== 0;
  if (othersMayRead) {
    throw new Error(`the secrets key file ${file} can be read by other users (mode ${(stat.mode & 0o777).toString(8).padStart(4, '0')}); refusing to use it: run \`chmod 600 ${file}\` if only you had access so far, otherwise delete it and enter the sealed secrets again`);
  }
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) {
    throw new Error(`the secrets key file ${file} belongs to user id ${stat.uid}, not to this user (${uid}); refusing to use it`);
  }
}
