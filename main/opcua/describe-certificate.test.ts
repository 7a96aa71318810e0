import { describe, expect, it } from 'vitest';
import type { CertificateInfo } from '../../shared/api/connection-api.js';
import { identityProblem, parseSubjectAltName, validityProblem } from './describe-certificate.js';

const info: CertificateInfo = {
  thumbprint: 'ab'.repeat(20),
  subject: 'CN=plc-17',
  issuer: 'CN=plc-17',
  validFrom: Date.parse('2026-01-01T00:00:00Z'),
  validTo: Date.parse('2027-01-01T00:00:00Z'),
  applicationUri: 'urn:plc-17:server',
  hostNames: ['plc-17', '10.0.0.17'],
};

describe('certificate checks', () => {
  it('reads DNS names, IP addresses and the application URI from Node’s subjectAltName text', () => {
    expect(parseSubjectAltName('DNS:plc-17, IP Address:10.0.0.17, URI:urn:plc-17:server')).toEqual([
      { type: 'DNS', value: 'plc-17' },
      { type: 'IP Address', value: '10.0.0.17' },
      { type: 'URI', value: 'urn:plc-17:server' },
    ]);
    expect(parseSubjectAltName('URI:"urn:a, b"')).toEqual([{ type: 'URI', value: 'urn:a, b' }]);
    expect(parseSubjectAltName('')).toEqual([]);
  });

  it('says when a certificate has expired or is not valid yet', () => {
    expect(validityProblem(info, Date.parse('2026-06-01T00:00:00Z'))).toBeNull();
    expect(validityProblem(info, Date.parse('2027-02-01T00:00:00Z'))).toBe('expired on 2027-01-01T00:00:00.000Z');
    expect(validityProblem(info, Date.parse('2025-02-01T00:00:00Z'))).toBe('not valid before 2026-01-01T00:00:00.000Z');
  });

  it('refuses a certificate made for another application or another host', () => {
    expect(identityProblem(info, { applicationUri: 'urn:plc-17:server', host: 'PLC-17' })).toBeNull();
    expect(identityProblem(info, { applicationUri: 'urn:plc-18:server', host: 'plc-17' })).toBe(
      'is for application "urn:plc-17:server", but the server says it is "urn:plc-18:server"',
    );
    expect(identityProblem(info, { applicationUri: 'urn:plc-17:server', host: '10.0.0.18' })).toBe('is for host plc-17, 10.0.0.17, not 10.0.0.18');
  });
});
