import { sealedPayload, sealedValue, type SecretBox } from './secret-box.js';

/** The part of Electron's safeStorage this box uses: passed in, so this file needs no electron import. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string }>;
  getSelectedStorageBackend(): string;
}

const SCHEME = 'safe-storage';

/**
 * The desktop shell's secret box: the OS keeps the key (DPAPI on Windows,
 * Keychain on macOS, libsecret or KWallet on Linux). On a Linux desktop with
 * no keyring Electron falls back to a hard-coded password ("basic_text"):
 * that is clear text with extra steps, so it is refused, with what to do.
 */
export async function safeStorageBox(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): Promise<SecretBox> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) {
    throw new Error('the operating system offers no encryption for stored secrets (Electron safeStorage is unavailable); OPC UA passwords and keys cannot be saved');
  }
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    throw new Error('no keyring is running (Electron safeStorage fell back to a built-in password); start GNOME Keyring or KWallet, or pass --password-store=gnome-libsecret, before saving OPC UA passwords or keys');
  }
  return {
    scheme: SCHEME,
    async seal(plain) {
      return sealedValue(SCHEME, await safeStorage.encryptStringAsync(plain));
    },
    async open(sealed) {
      const payload = sealedPayload(SCHEME, sealed);
      try {
        return (await safeStorage.decryptStringAsync(payload)).result;
      } catch {
        throw new Error('cannot be opened by this user on this computer: it was sealed by another user or machine; enter the secret again');
      }
    },
  };
}
