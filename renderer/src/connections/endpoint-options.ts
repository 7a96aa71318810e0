import type { DiscoveredServer, EndpointInfo, SecurityMode, SecurityPolicyName, UserTokenKind } from '../../../shared/api/connection-api.js';
import { SECURITY_POLICIES } from '../../../shared/api/connection-api.js';

export interface EndpointOption {
  readonly key: string;
  readonly securityMode: SecurityMode;
  readonly securityPolicy: SecurityPolicyName;
  readonly userTokens: readonly UserTokenKind[];
  readonly label: string;
}

const TOKEN_ORDER: readonly UserTokenKind[] = ['anonymous', 'userName', 'certificate', 'issuedToken'];
const TOKEN_LABELS: Readonly<Record<UserTokenKind, string>> = {
  anonymous: 'anonymous',
  userName: 'user name',
  certificate: 'X.509 certificate',
  issuedToken: 'issued token',
};

/** The endpoints Tidewatch can use, most secure first, one per mode and policy (a server lists each per transport). */
export function endpointOptions(server: DiscoveredServer): EndpointOption[] {
  const byKey = new Map<string, EndpointInfo>();
  for (const endpoint of server.endpoints) {
    if (!endpoint.supported || !isPolicy(endpoint.securityPolicy)) continue;
    const key = `${endpoint.securityMode}/${endpoint.securityPolicy}`;
    const known = byKey.get(key);
    const tokens = new Set([...(known?.userTokens ?? []), ...endpoint.userTokens]);
    byKey.set(key, { ...(known ?? endpoint), userTokens: TOKEN_ORDER.filter((t) => tokens.has(t)) });
  }
  return [...byKey.entries()]
    .sort(([, a], [, b]) => b.securityLevel - a.securityLevel)
    .map(([key, e]) => ({
      key,
      securityMode: e.securityMode,
      securityPolicy: e.securityPolicy as SecurityPolicyName,
      userTokens: e.userTokens,
      label: `${e.securityMode === 'None' ? 'No security' : `${e.securityMode} · ${e.securityPolicy}`} — logins: ${e.userTokens.map((t) => TOKEN_LABELS[t]).join(', ') || 'none'}`,
    }));
}

/** Endpoints the server offers that Tidewatch refuses (deprecated policies), to say why they are missing. */
export function refusedEndpoints(server: DiscoveredServer): string[] {
  return [...new Set(server.endpoints.filter((e) => !e.supported).map((e) => `${e.securityMode} · ${e.securityPolicy}`))];
}

export function tokenLabel(kind: UserTokenKind): string {
  return TOKEN_LABELS[kind];
}

function isPolicy(name: string): name is SecurityPolicyName {
  return (SECURITY_POLICIES as readonly string[]).includes(name);
}
