import { X509Certificate } from 'node:crypto';
import type { CertificateInfo } from '../../shared/api/connection-api.js';

/**
 * What an operator needs to decide whether to trust a certificate. Node's own
 * X509Certificate parses it, so nothing here depends on an OpenSSL executable
 * or on which TLS library (OpenSSL or Electron's BoringSSL) is underneath.
 */
export function describeCertificate(der: Uint8Array): CertificateInfo {
  const certificate = new X509Certificate(der);
  const altNames = parseSubjectAltName(certificate.subjectAltName ?? '');
  return {
    thumbprint: certificate.fingerprint.replaceAll(':', '').toLowerCase(),
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    validFrom: Date.parse(certificate.validFrom),
    validTo: Date.parse(certificate.validTo),
    applicationUri: altNames.find((n) => n.type === 'URI')?.value ?? '',
    hostNames: [...new Set(altNames.filter((n) => n.type === 'DNS' || n.type === 'IP Address').map((n) => n.value))],
  };
}

/** "CN=plc\nO=Acme" (Node's form) -> "CN=plc, O=Acme". */
function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

/** Node renders subjectAltName as 'DNS:a, IP Address:1.2.3.4, URI:urn:x'; a value may itself contain ", " only when quoted. */
export function parseSubjectAltName(text: string): { type: string; value: string }[] {
  const names: { type: string; value: string }[] = [];
  for (const match of text.matchAll(/(DNS|IP Address|URI|email):("(?:[^"\\]|\\.)*"|[^,]*)(?:, |$)/g)) {
    const [, type = '', raw = ''] = match;
    names.push({ type, value: raw.startsWith('"') ? (JSON.parse(raw) as string) : raw });
  }
  return names;
}

/** Why a certificate cannot be used at `now`, or null. */
export function validityProblem(info: CertificateInfo, now: number): string | null {
  if (now > info.validTo) return `expired on ${new Date(info.validTo).toISOString()}`;
  if (now < info.validFrom) return `not valid before ${new Date(info.validFrom).toISOString()}`;
  return null;
}

/**
 * Whether the certificate was made for the server that shows it: its
 * application URI must be the server's, and its host names must include the
 * host Tidewatch dialled (OPC UA Part 4, 6.1.3).
 */
export function identityProblem(info: CertificateInfo, expected: { applicationUri: string; host: string }): string | null {
  if (expected.applicationUri !== '' && info.applicationUri !== expected.applicationUri) {
    return `is for application ${JSON.stringify(info.applicationUri || '(none)')}, but the server says it is ${JSON.stringify(expected.applicationUri)}`;
  }
  const host = expected.host.toLowerCase();
  if (!info.hostNames.some((name) => name.toLowerCase() === host)) {
    return `is for host ${info.hostNames.length > 0 ? info.hostNames.join(', ') : '(none)'}, not ${expected.host}`;
  }
  return null;
}
