import { describe, expect, it } from 'vitest';
import type { DiscoveredServer, EndpointInfo } from '../../../shared/api/connection-api.js';
import { endpointOptions, refusedEndpoints } from './endpoint-options.js';

const endpoint = (securityMode: EndpointInfo['securityMode'], securityPolicy: string, securityLevel: number, userTokens: EndpointInfo['userTokens'], supported = true): EndpointInfo => ({
  endpointUrl: 'opc.tcp://plc:4840',
  securityMode,
  securityPolicy,
  supported,
  securityLevel,
  userTokens,
});

const server: DiscoveredServer = {
  applicationUri: 'urn:plc',
  applicationName: 'PLC',
  productUri: '',
  certificate: null,
  endpoints: [
    endpoint('None', 'None', 0, ['anonymous']),
    endpoint('SignAndEncrypt', 'Basic256Sha256', 3, ['userName']),
    endpoint('SignAndEncrypt', 'Basic256Sha256', 3, ['certificate']),
    endpoint('Sign', 'Basic128Rsa15', 1, ['userName'], false),
  ],
};

describe('endpointOptions', () => {
  it('lists usable endpoints most secure first, merging the logins of duplicates', () => {
    expect(endpointOptions(server).map((o) => o.label)).toEqual([
      'SignAndEncrypt · Basic256Sha256 — logins: user name, X.509 certificate',
      'No security — logins: anonymous',
    ]);
  });

  it('names the endpoints Tidewatch will not use', () => {
    expect(refusedEndpoints(server)).toEqual(['Sign · Basic128Rsa15']);
  });
});
