import { z } from 'zod';
import type { TagInfo } from '../contract.js';

// Connections: which servers Tidewatch talks to and how, the certificates it
// trusts, and the address space an operator browses to pick tags. Owned by
// main/opcua; the connection dialog, certificate prompt and browser use it.

export const SECURITY_MODES = ['None', 'Sign', 'SignAndEncrypt'] as const;
export type SecurityMode = (typeof SECURITY_MODES)[number];
/** The policies Tidewatch connects with; the deprecated Basic128Rsa15/Basic256 are listed by discovery but refused. */
export const SECURITY_POLICIES = ['None', 'Basic256Sha256', 'Aes128_Sha256_RsaOaep', 'Aes256_Sha256_RsaPss'] as const;
export type SecurityPolicyName = (typeof SECURITY_POLICIES)[number];
export type UserTokenKind = 'anonymous' | 'userName' | 'certificate' | 'issuedToken';

const ID_PATTERN = /^[A-Za-z0-9_.-]+$/;
/** The Server object, Part 5: every server's root event notifier. */
export const SERVER_OBJECT_NODE_ID = 'i=2253';
const MAX_PATH = 4096;

/** opc.tcp://host[:port][/path]; a bracketed IPv6 host is allowed. */
const OPC_TCP_URL = /^opc\.tcp:\/\/(\[[0-9A-Fa-f:.]+\]|[^\s/:[\]]+)(:\d{1,5})?(\/\S*)?$/;

export function isOpcTcpUrl(text: string): boolean {
  return OPC_TCP_URL.test(text);
}

// A regex, not a refine: the published project JSON Schema carries it as a pattern, so editors check it too.
export const endpointUrlSchema = z.string().max(2048).regex(OPC_TCP_URL, 'must look like opc.tcp://host:port/path');
const idSchema = z.string().min(1).max(64).regex(ID_PATTERN, 'use letters, digits, "_", "." or "-"');
/** A password as the SecretBox sealed it (its seal() output): never the password itself. */
const secretRefSchema = z.string().min(1).max(64 * 1024);

// The three logins, each on its own so the dialog's request and the project file
// can vary how a password arrives (plain beside it; clear text to be sealed at load).
export const anonymousUserSchema = z.strictObject({ kind: z.literal('anonymous') });
export const userNameUserSchema = z.strictObject({ kind: z.literal('userName'), userName: z.string().min(1).max(256), passwordSecret: secretRefSchema });
export const certificateUserSchema = z.strictObject({ kind: z.literal('certificate'), certificateFile: z.string().min(1).max(MAX_PATH), privateKeyFile: z.string().min(1).max(MAX_PATH) });

export const userIdentitySchema = z.discriminatedUnion('kind', [anonymousUserSchema, userNameUserSchema, certificateUserSchema]);

export const reconnectSettingsSchema = z.strictObject({
  /** First retry after a loss, doubling up to maxDelayMs; retries never stop. */
  initialDelayMs: z.number().int().min(50).max(60_000).default(250),
  maxDelayMs: z.number().int().min(100).max(600_000).default(5_000),
});

const serverSettingsShape = {
  id: idSchema,
  name: z.string().min(1).max(200),
  endpointUrl: endpointUrlSchema,
  securityMode: z.enum(SECURITY_MODES).default('None'),
  securityPolicy: z.enum(SECURITY_POLICIES).default('None'),
  /** For tags that do not name their own; each distinct interval is one subscription. */
  publishingInterval: z.number().int().min(10).max(3_600_000).default(100),
  /** Trust whatever certificate the server shows. Off unless a project explicitly asks. */
  autoAcceptServerCertificate: z.boolean().default(false),
  reconnect: reconnectSettingsSchema.default({ initialDelayMs: 250, maxDelayMs: 5_000 }),
  /**
   * Objects whose events carry the server's alarms and conditions: the Server object by default.
   * List the areas instead (or as well) on a server whose areas are not notifiers of its Server
   * object; an event reaching Tidewatch through two of them counts once. Keep the Server object in
   * the list on a server that answers ConditionRefresh only there (node-opcua's servers do), or
   * conditions active before the connection are not listed until they next change.
   */
  eventNotifiers: z.array(z.string().min(1).max(1024)).min(1).max(256).default([SERVER_OBJECT_NODE_ID]),
};

/**
 * The checks across fields, for any schema with these fields: the project
 * file composes its server entry (endpointUrl or an embedded server) from
 * serverSettingsFields and runs these on it.
 */
export function refineServerSettings<T extends z.ZodType<{ securityMode: string; securityPolicy: string; reconnect: { initialDelayMs: number; maxDelayMs: number } }>>(schema: T) {
  return schema
    .refine((s) => (s.securityMode === 'None') === (s.securityPolicy === 'None'), {
      message: 'securityMode None goes with securityPolicy None, and Sign/SignAndEncrypt with a real policy',
      path: ['securityPolicy'],
    })
    .refine((s) => s.reconnect.initialDelayMs <= s.reconnect.maxDelayMs, { message: 'initialDelayMs must not exceed maxDelayMs', path: ['reconnect'] });
}

export const serverSettingsFields = { ...serverSettingsShape, user: userIdentitySchema.default({ kind: 'anonymous' }) };

/** One server's connection settings, as a project stores them. */
export const serverSettingsSchema = refineServerSettings(z.strictObject(serverSettingsFields));

/** The same from the connection dialog: a user-name password arrives beside it, plain, to be sealed. */
const requestedUserSchema = z.discriminatedUnion('kind', [anonymousUserSchema, userNameUserSchema.extend({ passwordSecret: secretRefSchema.optional() }), certificateUserSchema]);
const requestedSettingsSchema = refineServerSettings(z.strictObject({ ...serverSettingsShape, user: requestedUserSchema.default({ kind: 'anonymous' }) }));

export type ServerSettings = z.output<typeof serverSettingsSchema>;
export type ServerSettingsInput = z.input<typeof serverSettingsSchema>;
export type UserIdentity = z.output<typeof userIdentitySchema>;

export const deadbandSchema = z.strictObject({
  type: z.enum(['absolute', 'percent']),
  value: z.number().nonnegative(),
}).refine((d) => d.type !== 'percent' || d.value <= 100, { message: 'a percent deadband is at most 100', path: ['value'] });

/** How one tag is subscribed. Percent deadband needs the node's EURange on the server. */
export const tagSubscriptionSchema = z.strictObject({
  /** Absent: the server's publishingInterval. */
  publishingInterval: z.number().int().min(10).max(3_600_000).optional(),
  samplingInterval: z.number().min(0).max(3_600_000).default(100),
  /** Absent: enough for every sample between two publishes; 2 for samplingInterval 0 (every change), whose rate only the server knows. */
  queueSize: z.number().int().min(1).max(10_000).optional(),
  deadband: deadbandSchema.optional(),
});
export type TagSubscription = z.output<typeof tagSubscriptionSchema>;
export type Deadband = z.output<typeof deadbandSchema>;

export interface CertificateInfo {
  /** SHA-1 of the DER, lower-case hex: what OPC UA tools show. */
  readonly thumbprint: string;
  readonly subject: string;
  readonly issuer: string;
  /** ms since epoch. */
  readonly validFrom: number;
  readonly validTo: number;
  /** From the subjectAltName URI; '' when the certificate has none. */
  readonly applicationUri: string;
  readonly hostNames: readonly string[];
}

export interface ServerCertificate extends CertificateInfo {
  readonly status: 'rejected' | 'trusted';
  /** Why it cannot be used even when trusted (expired, not yet valid); null when fine. */
  readonly problem: string | null;
  /** Connections that are waiting for this certificate to be trusted. */
  readonly connectionIds: readonly string[];
}

export interface EndpointInfo {
  readonly endpointUrl: string;
  readonly securityMode: SecurityMode;
  /** A short policy name, or the policy URI when it is not one Tidewatch knows. */
  readonly securityPolicy: string;
  /** False for a policy Tidewatch refuses (deprecated or unknown). */
  readonly supported: boolean;
  readonly securityLevel: number;
  readonly userTokens: readonly UserTokenKind[];
}

export interface DiscoveredServer {
  readonly applicationUri: string;
  readonly applicationName: string;
  readonly productUri: string;
  readonly certificate: CertificateInfo | null;
  readonly endpoints: readonly EndpointInfo[];
}

export type NodeClassName = 'Object' | 'Variable' | 'Method' | 'ObjectType' | 'VariableType' | 'ReferenceType' | 'DataType' | 'View' | 'Unspecified';

export interface BrowsedNode {
  readonly nodeId: string;
  readonly browseName: string;
  readonly displayName: string;
  readonly nodeClass: NodeClassName;
}

export interface BrowseResult {
  readonly nodes: readonly BrowsedNode[];
  /** True when the server had more children than a browse returns. */
  readonly truncated: boolean;
}

export interface FoundNode extends BrowsedNode {
  /** Browse names from Objects down to the node's parent. */
  readonly path: readonly string[];
}

export interface FindNodesResult {
  readonly nodes: readonly FoundNode[];
  /** True when the search stopped at its node or result limit. */
  readonly truncated: boolean;
}

export interface NodeValue {
  readonly text: string;
  readonly status: number;
  readonly statusText: string;
  /** ms since epoch, null when the server gave none. */
  readonly sourceTime: number | null;
}

export interface NodeAttributes extends BrowsedNode {
  readonly description: string;
  /** Built-in type name or the DataType NodeId; '' for a node without one. */
  readonly dataType: string;
  readonly value: NodeValue | null;
  readonly engineeringUnits: string;
  readonly euRange: { readonly low: number; readonly high: number } | null;
  /** AccessLevel flags by name, e.g. ["CurrentRead", "CurrentWrite"]; [] for a node without one. */
  readonly accessLevel: readonly string[];
}

export interface GetEndpointsRequest {
  readonly endpointUrl: string;
}
export interface CertificateRequest {
  readonly thumbprint: string;
}
export interface AddServerRequest {
  /** A 'userName' user without passwordSecret takes `password`, plain; main seals it and keeps only the reference. */
  readonly settings: z.input<typeof requestedSettingsSchema>;
  readonly password?: string;
}
export interface ConnectionRequest {
  readonly connectionId: string;
}
export interface BrowseNodeRequest {
  readonly connectionId: string;
  /** Absent: the Objects folder. */
  readonly nodeId?: string;
}
export interface FindNodesRequest {
  readonly connectionId: string;
  /** Matched, case-insensitively, against browse names anywhere under Objects. */
  readonly text: string;
}
export interface ReadNodeRequest {
  readonly connectionId: string;
  readonly nodeId: string;
}
export interface AddTagsRequest {
  readonly connectionId: string;
  readonly tags: readonly { readonly nodeId: string; readonly name?: string; readonly subscription?: z.input<typeof tagSubscriptionSchema> }[];
}
export interface AddTagsResult {
  /** The tags, in request order; a node that was already a tag returns its existing tag. */
  readonly tags: readonly TagInfo[];
}

export interface RemoveTagsRequest {
  /** TagInfo ids ("<server>/<name>"). */
  readonly tagIds: readonly string[];
}

export interface ConnectionApi {
  /** The server's endpoints (GetEndpoints), for the connection dialog; rejects naming the server and the cause. */
  getEndpoints(request: GetEndpointsRequest): Promise<DiscoveredServer>;
  /** Rejected and trusted server certificates. */
  listServerCertificates(): Promise<readonly ServerCertificate[]>;
  /** Moves it to trusted/; connections waiting for it retry at once. */
  trustServerCertificate(request: CertificateRequest): Promise<void>;
  /** Moves it to rejected/ (untrusting a trusted one). */
  rejectServerCertificate(request: CertificateRequest): Promise<void>;
  /** Saves the server in the project (so it is there after a restart) and connects to it. */
  addServer(request: AddServerRequest): Promise<void>;
  /** Takes the server and its tags out of the project; refused, naming them, while alarms watch its tags. */
  removeServer(request: ConnectionRequest): Promise<void>;
  browseNode(request: BrowseNodeRequest): Promise<BrowseResult>;
  findNodes(request: FindNodesRequest): Promise<FindNodesResult>;
  readNodeAttributes(request: ReadNodeRequest): Promise<NodeAttributes>;
  addTags(request: AddTagsRequest): Promise<AddTagsResult>;
  /**
   * Takes tags out of the project (saved, audited) and off their server. Refused, with
   * the paths, while an alarm, display or command still names one: nothing is removed.
   */
  removeTags(request: RemoveTagsRequest): Promise<void>;
}

const nodeIdSchema = z.string().min(1).max(1024);
const MAX_TAGS_PER_CALL = 10_000;

export const connectionApiSchemas = {
  getEndpoints: z.strictObject({ endpointUrl: endpointUrlSchema }),
  listServerCertificates: z.undefined(),
  trustServerCertificate: z.strictObject({ thumbprint: z.string().regex(/^[0-9a-f]{40}$/, 'must be 40 lower-case hex digits (SHA-1)') }),
  rejectServerCertificate: z.strictObject({ thumbprint: z.string().regex(/^[0-9a-f]{40}$/, 'must be 40 lower-case hex digits (SHA-1)') }),
  addServer: z
    .strictObject({ settings: requestedSettingsSchema, password: z.string().max(1024).optional() })
    .refine((r) => r.settings.user.kind !== 'userName' || r.password !== undefined || r.settings.user.passwordSecret !== undefined, {
      message: 'a user-name login needs a password',
      path: ['password'],
    }),
  removeServer: z.strictObject({ connectionId: idSchema }),
  browseNode: z.strictObject({ connectionId: idSchema, nodeId: nodeIdSchema.optional() }),
  findNodes: z.strictObject({ connectionId: idSchema, text: z.string().min(1).max(200) }),
  readNodeAttributes: z.strictObject({ connectionId: idSchema, nodeId: nodeIdSchema }),
  addTags: z.strictObject({
    connectionId: idSchema,
    tags: z
      .array(z.strictObject({ nodeId: nodeIdSchema, name: z.string().min(1).max(200).optional(), subscription: tagSubscriptionSchema.optional() }))
      .min(1)
      .max(MAX_TAGS_PER_CALL),
  }),
  removeTags: z.strictObject({ tagIds: z.array(z.string().min(1).max(512)).min(1).max(MAX_TAGS_PER_CALL) }),
} satisfies Record<keyof ConnectionApi, z.ZodType>;
