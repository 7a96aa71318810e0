import { describe, expect, it } from 'vitest';
import type { EndpointInfo } from '../../shared/api/connection-api.js';
import { chooseEndpoint } from './choose-endpoint.js';

const endpoint = (securityMode: EndpointInfo['securityMode'], securityPolicy: string, userTokens: EndpointInfo['userTokens'], supported = true): EndpointInfo => ({
  endpointUrl: 'opc.tcp://plc:4840',
  securityMode,
  securityPolicy,
  supported,
  securityLevel: 1,
  userTokens,
});

const offered = [
  endpoint('None', 'None', ['anonymous']),
  endpoint('SignAndEncrypt', 'Basic256Sha256', ['userName', 'certificate']),
  endpoint('Sign', 'Basic128Rsa15', ['userName'], false),
];

describe('chooseEndpoint', () => {
  it('picks the endpoint with the asked security and user token', () => {
    const choice = chooseEndpoint(offered, { securityMode: 'SignAndEncrypt', securityPolicy: 'Basic256Sha256', userToken: 'certificate' });
    expect(choice).toEqual({ ok: true, endpoint: offered[1] });
  });

  it('names what the server offers when the security settings match nothing', () => {
    const choice = chooseEndpoint(offered, { securityMode: 'SignAndEncrypt', securityPolicy: 'Aes256_Sha256_RsaPss', userToken: 'anonymous' });
    expect(choice).toEqual({
      ok: false,
      error: 'the server offers no SignAndEncrypt/Aes256_Sha256_RsaPss endpoint; it offers None/None, SignAndEncrypt/Basic256Sha256, Sign/Basic128Rsa15 (not supported)',
    });
  });

  it('says which logins an endpoint takes when the identity is not among them', () => {
    const choice = chooseEndpoint(offered, { securityMode: 'SignAndEncrypt', securityPolicy: 'Basic256Sha256', userToken: 'anonymous' });
    expect(choice).toEqual({
      ok: false,
      error: 'the SignAndEncrypt/Basic256Sha256 endpoint does not accept anonymous logins; it accepts user-name, X.509 certificate',
    });
  });

  it('says so when a server lists no endpoints', () => {
    expect(chooseEndpoint([], { securityMode: 'None', securityPolicy: 'None', userToken: 'anonymous' })).toMatchObject({ ok: false, error: expect.stringContaining('no endpoints at all') });
  });
});
