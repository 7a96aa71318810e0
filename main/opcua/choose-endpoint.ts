import type { EndpointInfo, SecurityMode, SecurityPolicyName, UserTokenKind } from '../../shared/api/connection-api.js';

export interface EndpointChoice {
  readonly securityMode: SecurityMode;
  readonly securityPolicy: SecurityPolicyName;
  readonly userToken: UserTokenKind;
}

/**
 * The endpoint the settings ask for, or a message that says what the server
 * offers instead: "wrong security settings" is only useful with the right ones beside it.
 */
export function chooseEndpoint(endpoints: readonly EndpointInfo[], wanted: EndpointChoice): { ok: true; endpoint: EndpointInfo } | { ok: false; error: string } {
  const secured = endpoints.filter((e) => e.securityMode === wanted.securityMode && e.securityPolicy === wanted.securityPolicy);
  if (secured.length === 0) {
    const offered = [...new Set(endpoints.map((e) => `${e.securityMode}/${e.securityPolicy}${e.supported ? '' : ' (not supported)'}`))];
    return {
      ok: false,
      error: `the server offers no ${wanted.securityMode}/${wanted.securityPolicy} endpoint; it offers ${offered.length > 0 ? offered.join(', ') : 'no endpoints at all'}`,
    };
  }
  const withUser = secured.find((e) => e.userTokens.includes(wanted.userToken));
  if (!withUser) {
    const accepted = [...new Set(secured.flatMap((e) => e.userTokens))];
    return {
      ok: false,
      error: `the ${wanted.securityMode}/${wanted.securityPolicy} endpoint does not accept ${userTokenLabel(wanted.userToken)} logins; it accepts ${accepted.length > 0 ? accepted.map(userTokenLabel).join(', ') : 'none'}`,
    };
  }
  return { ok: true, endpoint: withUser };
}

export function userTokenLabel(kind: UserTokenKind): string {
  switch (kind) {
    case 'anonymous':
      return 'anonymous';
    case 'userName':
      return 'user-name';
    case 'certificate':
      return 'X.509 certificate';
    case 'issuedToken':
      return 'issued-token';
  }
}
