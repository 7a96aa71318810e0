import { UserTokenType, type EndpointDescription } from 'node-opcua';
import type { EndpointInfo, UserTokenKind } from '../../shared/api/connection-api.js';
import { securityModeName, securityPolicyName } from './server-settings.js';

const TOKEN_KINDS: Readonly<Record<number, UserTokenKind>> = {
  [UserTokenType.Anonymous]: 'anonymous',
  [UserTokenType.UserName]: 'userName',
  [UserTokenType.Certificate]: 'certificate',
  [UserTokenType.IssuedToken]: 'issuedToken',
};

/** An EndpointDescription as the dialog shows it; null for one with an invalid security mode. */
export function endpointInfo(endpoint: EndpointDescription): EndpointInfo | null {
  const securityMode = securityModeName(endpoint.securityMode);
  if (securityMode === null) return null;
  const policy = securityPolicyName(endpoint.securityPolicyUri);
  const tokens = (endpoint.userIdentityTokens ?? []).map((token) => TOKEN_KINDS[token.tokenType]).filter((kind) => kind !== undefined);
  return {
    endpointUrl: endpoint.endpointUrl ?? '',
    securityMode,
    securityPolicy: policy ?? (endpoint.securityPolicyUri ?? '').replace(/^.*#/, ''),
    supported: policy !== null,
    securityLevel: endpoint.securityLevel,
    userTokens: [...new Set(tokens)],
  };
}
