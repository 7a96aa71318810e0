import { MessageSecurityMode, SecurityPolicy } from 'node-opcua';
import { SECURITY_POLICIES, type SecurityMode, type SecurityPolicyName } from '../../shared/api/connection-api.js';

// The schemas live in the contract (the connection dialog sends them too).
// The project file (main/project) takes them from there, not from here: this
// file imports node-opcua, which only main/opcua may.
export {
  deadbandSchema,
  reconnectSettingsSchema,
  refineServerSettings,
  serverSettingsFields,
  serverSettingsSchema,
  tagSubscriptionSchema,
  userIdentitySchema,
  type Deadband,
  type ServerSettings,
  type ServerSettingsInput,
  type TagSubscription,
  type UserIdentity,
} from '../../shared/api/connection-api.js';

/** Reads a sealed secret (the SecretBox); a password never sits in settings in clear. */
export type ResolveSecret = (reference: string) => Promise<string>;

const SECURITY_POLICY_URIS: Readonly<Record<SecurityPolicyName, string>> = {
  None: SecurityPolicy.None,
  Basic256Sha256: SecurityPolicy.Basic256Sha256,
  Aes128_Sha256_RsaOaep: SecurityPolicy.Aes128_Sha256_RsaOaep,
  Aes256_Sha256_RsaPss: SecurityPolicy.Aes256_Sha256_RsaPss,
};

export function securityPolicyUri(name: SecurityPolicyName): SecurityPolicy {
  return SECURITY_POLICY_URIS[name] as SecurityPolicy;
}

/** The short name of a policy URI Tidewatch connects with, or null for any other (deprecated, unknown). */
export function securityPolicyName(uri: string | null | undefined): SecurityPolicyName | null {
  return SECURITY_POLICIES.find((name) => SECURITY_POLICY_URIS[name] === uri) ?? null;
}

export function messageSecurityMode(mode: SecurityMode): MessageSecurityMode {
  return MessageSecurityMode[mode];
}

export function securityModeName(mode: MessageSecurityMode): SecurityMode | null {
  switch (mode) {
    case MessageSecurityMode.None:
      return 'None';
    case MessageSecurityMode.Sign:
      return 'Sign';
    case MessageSecurityMode.SignAndEncrypt:
      return 'SignAndEncrypt';
    default:
      return null;
  }
}
