import { describe, expect, it } from 'vitest';
import type { ServerCertificate } from '../../../shared/api/connection-api.js';
import { awaitingDecision, formatThumbprint, formatValidity } from './certificate-text.js';

const certificate = (thumbprint: string, status: ServerCertificate['status'], connectionIds: string[]): ServerCertificate => ({
  thumbprint,
  subject: 'CN=plc',
  issuer: 'CN=plc',
  validFrom: Date.UTC(2026, 0, 1),
  validTo: Date.UTC(2027, 0, 1),
  applicationUri: 'urn:plc',
  hostNames: ['plc'],
  status,
  problem: null,
  connectionIds,
});

describe('certificate text', () => {
  it('groups a thumbprint in pairs', () => {
    expect(formatThumbprint('b5c96dec')).toBe('B5:C9:6D:EC');
  });

  it('shows validity as dates', () => {
    expect(formatValidity(certificate('a', 'trusted', []))).toBe('2026-01-01 to 2027-01-01');
  });

  it('asks only about rejected certificates a connection is waiting on, and not again once dismissed', () => {
    const all = [certificate('a', 'rejected', ['plc']), certificate('b', 'rejected', []), certificate('c', 'trusted', ['x'])];
    expect(awaitingDecision(all, new Set()).map((c) => c.thumbprint)).toEqual(['a']);
    expect(awaitingDecision(all, new Set(['a']))).toEqual([]);
  });
});
