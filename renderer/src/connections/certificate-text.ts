import type { ServerCertificate } from '../../../shared/api/connection-api.js';

/** "AB:CD:..." in groups, as OPC UA tools print thumbprints, so an operator can compare it with the server's screen. */
export function formatThumbprint(thumbprint: string): string {
  return (thumbprint.toUpperCase().match(/.{1,2}/g) ?? []).join(':');
}

export function formatValidity(certificate: Pick<ServerCertificate, 'validFrom' | 'validTo'>): string {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return `${day(certificate.validFrom)} to ${day(certificate.validTo)}`;
}

/** Certificates a connection is waiting on: the ones the prompt asks the operator about. */
export function awaitingDecision(certificates: readonly ServerCertificate[], dismissed: ReadonlySet<string>): ServerCertificate[] {
  return certificates.filter((c) => c.status === 'rejected' && c.connectionIds.length > 0 && !dismissed.has(c.thumbprint));
}
