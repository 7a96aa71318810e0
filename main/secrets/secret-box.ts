/**
 * Seals secrets (OPC UA passwords, private keys) before they are written into
 * a project file, and opens them when a connection needs them. Async because
 * Electron's safeStorage is (its synchronous API is deprecated in Electron 45
 * and gone in 46).
 */
export interface SecretBox {
  /** Which sealing this box does, as it appears in a sealed value: "aes-256-gcm", "safe-storage". */
  readonly scheme: string;
  seal(plain: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

/** Every sealed value starts with this, so a clear-text secret in a project file is recognised and refused. */
export const SEALED_PREFIX = 'tw-sealed:v1:';

export function sealedValue(scheme: string, payload: Buffer): string {
  return `${SEALED_PREFIX}${scheme}:${payload.toString('base64')}`;
}

/** The payload of a value sealed by `scheme`; throws naming what is wrong, never echoing the value. */
export function sealedPayload(scheme: string, sealed: string): Buffer {
  if (!sealed.startsWith(SEALED_PREFIX)) throw new Error(`is not sealed (it must start with "${SEALED_PREFIX}"): a clear-text secret is never loaded`);
  const rest = sealed.slice(SEALED_PREFIX.length);
  const colon = rest.indexOf(':');
  const found = colon < 0 ? rest : rest.slice(0, colon);
  if (found !== scheme) throw new Error(`was sealed with "${found}", and this station opens "${scheme}" secrets: enter the secret again here`);
  const payload = rest.slice(colon + 1);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(payload)) throw new Error('is damaged: its sealed payload is not base64');
  return Buffer.from(payload, 'base64');
}
