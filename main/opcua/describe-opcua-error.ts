import type { UserTokenKind } from '../../shared/api/connection-api.js';

/**
 * node-opcua's error text, turned into the cause an operator can act on.
 * Null when the text names no OPC UA status: the failure is below OPC UA
 * (refused, unreachable, not an OPC UA server) and probeEndpoint says which.
 */
export function describeOpcuaError(message: string, userToken: UserTokenKind): string | null {
  const status = /\b(Bad[A-Za-z]+)\b/.exec(message)?.[1];
  if (/Cannot find \w+ user token policy/i.test(message)) return 'the endpoint does not accept this kind of login';
  if (status === undefined) return null;
  switch (status) {
    case 'BadUserAccessDenied':
    case 'BadIdentityTokenRejected':
    case 'BadIdentityTokenInvalid':
      return userToken === 'certificate'
        ? `the server refused the user certificate (${status})`
        : userToken === 'userName'
          ? `the server refused the user name or password (${status})`
          : `the server refused an anonymous login (${status})`;
    case 'BadCertificateUntrusted':
    case 'BadSecurityChecksFailed':
      return `the server does not trust Tidewatch's certificate (${status}): add it to the server's trusted certificates`;
    case 'BadCertificateTimeInvalid':
      return `a certificate is outside its validity period (${status}): check both clocks and certificates`;
    case 'BadCertificateHostNameInvalid':
    case 'BadCertificateUriInvalid':
      return `a certificate does not match its host or application (${status})`;
    case 'BadSecurityPolicyRejected':
    case 'BadSecurityModeRejected':
      return `the server refused the security settings (${status})`;
    case 'BadTooManySessions':
      return `the server has no room for another session (${status})`;
    case 'BadTcpEndpointUrlInvalid':
      return `the server does not know this endpoint URL (${status})`;
    default:
      return `the server answered ${status}`;
  }
}
