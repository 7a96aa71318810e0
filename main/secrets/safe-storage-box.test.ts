import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { safeStorageBox, type SafeStorageLike } from './safe-storage-box.js';

// No Electron binary can run here (TOOLCHAIN.md): a stand-in with safeStorage's contract.
// It XORs with a per-"user" pad, enough to show what the box adds around the OS call.
function fakeSafeStorage(user: string, backend = 'gnome_libsecret', available = true): SafeStorageLike {
  const pad = createHash('sha256').update(user).digest();
  const xor = (data: Buffer) => Buffer.from(data.map((byte, i) => byte ^ pad[i % pad.length]!));
  return {
    isAsyncEncryptionAvailable: async () => available,
    encryptStringAsync: async (plain) => Buffer.concat([Buffer.from('v11'), xor(Buffer.from(plain))]),
    decryptStringAsync: async (encrypted) => {
      const text = xor(encrypted.subarray(3)).toString('utf8');
      if (!text.startsWith('pw')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { result: text };
    },
    getSelectedStorageBackend: () => backend,
  };
}

describe('the safeStorage secret box (desktop shell)', () => {
  it('seals through the OS and opens what it sealed', async () => {
    const box = await safeStorageBox(fakeSafeStorage('ann'), 'linux');
    const sealed = await box.seal('pw-opcua');
    expect(sealed).toMatch(/^tw-sealed:v1:safe-storage:/);
    expect(sealed).not.toContain('pw-opcua');
    expect(await box.open(sealed)).toBe('pw-opcua');
  });

  it('refuses to work without OS encryption or with Linux’s hard-coded fallback password', async () => {
    await expect(safeStorageBox(fakeSafeStorage('ann', 'gnome_libsecret', false), 'linux')).rejects.toThrow('safeStorage is unavailable');
    await expect(safeStorageBox(fakeSafeStorage('ann', 'basic_text'), 'linux')).rejects.toThrow('no keyring is running');
    await expect(safeStorageBox(fakeSafeStorage('ann', 'basic_text'), 'win32')).resolves.toBeDefined();
  });

  it('refuses clear text, a key-file value, and a value sealed by another user', async () => {
    const box = await safeStorageBox(fakeSafeStorage('ann'), 'linux');
    const bobs = await (await safeStorageBox(fakeSafeStorage('bob'), 'linux')).seal('pw');
    await expect(box.open('pw')).rejects.toThrow('is not sealed');
    await expect(box.open('tw-sealed:v1:aes-256-gcm:AAAA')).rejects.toThrow('was sealed with "aes-256-gcm"');
    await expect(box.open(bobs)).rejects.toThrow('sealed by another user or machine');
  });
});
