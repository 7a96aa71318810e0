import type { CertificateInfo } from '../../shared/api/connection-api.js';

/** A connection attempt that failed for a reason worth showing as it is (the server's name is added by the caller). */
export class ConnectError extends Error {
  override name = 'ConnectError';

  constructor(
    message: string,
    /** Set when an untrusted server certificate is the reason: the operator can trust it. */
    readonly untrustedCertificate: CertificateInfo | null = null,
  ) {
    super(message);
  }
}
