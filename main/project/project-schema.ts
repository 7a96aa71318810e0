import { z } from 'zod';
import { alarmDefinitionSchema } from '../alarms/alarm-definition.js';
import { conditionDetailSchema } from '../alarms/condition-details.js';
import { rolesSectionSchema, usersSectionSchema } from '../auth/auth-project-schema.js';
import { ARGUMENT_DATA_TYPES } from '../../shared/api/command-api.js';
import { trendLayoutSchema } from '../../shared/api/trend-api.js';
import { displaySchema } from '../../shared/api/display-api.js';
import { sealedSecretSchema } from '../secrets/sealed-secret-schema.js';
import {
  anonymousUserSchema,
  certificateUserSchema,
  refineServerSettings,
  serverSettingsFields,
  userNameUserSchema,
} from '../../shared/api/connection-api.js';

/**
 * The project file: one JSON document that says everything an HMI station
 * needs. Strict objects everywhere, so a misspelt key is an error with its
 * path rather than a setting silently ignored for years.
 */
export const PROJECT_FORMAT_VERSION = 1;

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'use letters, digits, "_", "." or "-"');

/**
 * A user-name login keeps its password sealed by this station
 * (passwordSecret). An engineer writing the file by hand puts it in clear in
 * `password`; Tidewatch seals it as it loads the file and saves the file
 * without it (seal-clear-passwords.ts), so it never stays in clear text.
 */
const projectUserNameSchema = userNameUserSchema
  .extend({
    passwordSecret: sealedSecretSchema.optional().describe('The password as this station sealed it ("tw-sealed:v1:..."); Tidewatch writes it.'),
    password: z.string().min(1).max(1024).optional().describe('A password typed in clear: Tidewatch seals it into passwordSecret when it loads the file, and saves the file without it.'),
  })
  .refine((user) => (user.password === undefined) !== (user.passwordSecret === undefined), {
    message: 'give the password once: in clear in "password" (Tidewatch seals it when it loads the file) or sealed in "passwordSecret"',
    path: ['password'],
  });

const { id: serverId, name, endpointUrl, ...connectionFields } = serverSettingsFields;

/** A server: where it is and how to connect (security, login, reconnection), the same fields the connection dialog sends. */
export const serverSchema = refineServerSettings(
  z.strictObject({
    id: serverId,
    name,
    /** opc.tcp://host:port/path of a plant server... */
    endpointUrl: endpointUrl.optional(),
    /** ...or a server Tidewatch starts itself: the demo plant. */
    embedded: z.literal('demo-plant').optional(),
    ...connectionFields,
    user: z.discriminatedUnion('kind', [anonymousUserSchema, projectUserNameSchema, certificateUserSchema]).default({ kind: 'anonymous' }),
  }),
).refine((s) => (s.endpointUrl === undefined) !== (s.embedded === undefined), {
  message: 'give either endpointUrl or embedded, not both or neither',
});

export const deadbandSchema = z.strictObject({
  type: z.enum(['absolute', 'percent']),
  value: z.number().nonnegative(),
});

export const tagSchema = z.strictObject({
  name: z.string().min(1).max(200),
  /** Shown in the tag table and trend legends instead of the name; the name stays the tag's id. */
  displayName: z.string().min(1).max(200).optional(),
  server: id,
  nodeId: z.string().min(1).max(1024),
  description: z.string().max(2000).default(''),
  /** Overrides the server's EngineeringUnits, for servers that do not publish one. */
  unit: z.string().max(32).optional(),
  /** Decimal places shown; absent = chosen from the range. */
  decimals: z.number().int().min(0).max(10).optional(),
  samplingInterval: z.number().min(0).max(3_600_000).default(100),
  /** Absent: the server's publishingInterval. */
  publishingInterval: z.number().int().min(10).max(3_600_000).optional(),
  /** Absent: enough for every sample between two publishes; 2 for samplingInterval 0 (every change), whose rate only the server knows. */
  queueSize: z.number().int().min(1).max(10_000).optional(),
  deadband: deadbandSchema.optional(),
  history: z.boolean().default(true),
  /** Select-before-operate: a write must be selected, confirmed and operated within the time allowed. */
  critical: z.boolean().optional(),
  /** Engineering limits for operator writes, tighter than the instrument's EURange. */
  writeLimits: z
    .strictObject({ low: z.number(), high: z.number() })
    .refine((l) => l.low <= l.high, { message: 'low must not be above high', path: ['low'] })
    .optional(),
});

const commandArgumentSchema = z.strictObject({
  name: z.string().min(1).max(200),
  /** Checked against the method's InputArguments on the server before every call. */
  dataType: z.enum(ARGUMENT_DATA_TYPES),
  /** Fixed by the project; absent: the operator types it in the command's form. */
  value: z.union([z.number(), z.boolean(), z.string().max(4096)]).optional(),
});

const commandFields = {
  name: id,
  server: id,
  label: z.string().min(1).max(200),
  /** What the 'command' permission is checked against (a user's areas and a role's patterns); absent: the pulse's tag id, or "<server>/<name>". */
  area: z.string().min(1).max(512).optional(),
  /** Select-before-operate: the command must be selected, confirmed and run within the time allowed. */
  critical: z.boolean().default(false),
};

/** An OPC UA method call, or a boolean pulse (true, then false after pulseMs). */
export const commandSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...commandFields,
    kind: z.literal('method'),
    objectId: z.string().min(1).max(1024),
    methodId: z.string().min(1).max(1024),
    arguments: z.array(commandArgumentSchema).max(64).default([]),
  }),
  z.strictObject({
    ...commandFields,
    kind: z.literal('pulse'),
    /** A Boolean tag's id ("demo/Pump1.Reset") on the command's server. */
    tag: z.string().min(1).max(512),
    /** How long the tag stays true; the false write follows in main even if the screen is closed. */
    pulseMs: z.number().int().min(50).max(60_000).default(500),
  }),
]);

/**
 * What the historian keeps and how often it writes; a changed section takes
 * effect in the running app, no restart. Retention deletes whole hours, so an
 * age below a day or a size below 16 MB would leave little but the last hour.
 */
export const historianSettingsSchema = z.strictObject({
  /** Samples older than this are deleted. */
  retentionDays: z.number().min(1, 'keep history at least 1 day').max(36_500).default(90),
  /** When the database grows past this, its oldest hours of samples are deleted until it fits. */
  maxSizeMb: z.number().int().min(16, 'allow at least 16 MB').max(1_000_000).default(2048),
  /** How often samples are committed: at most this much is lost when the power fails. */
  flushIntervalMs: z.number().int().min(100).max(60_000).default(1000),
  /** Alarm journal entries older than this are deleted; absent: the journal is kept. The audit trail is never deleted. */
  journalRetentionDays: z.number().min(1, 'keep the journal at least 1 day').max(36_500).optional(),
});

export type HistorianSettings = z.infer<typeof historianSettingsSchema>;

// Pen tag ids are not checked against the tags: a layout outlives a tag
// renamed on the server, and its trend names the missing pen instead.
const trendsSectionSchema = z
  .array(trendLayoutSchema)
  .max(1000)
  .refine((layouts) => new Set(layouts.map((l) => l.name)).size === layouts.length, 'trend layout names must be unique')
  .default([]);

/**
 * The consoles alarm KPIs are counted for (ISA-18.2 rates are per operator): each
 * with the alarm areas it answers for. None: one position for the whole plant.
 */
const alarmPositionsSchema = z
  .array(z.strictObject({ name: z.string().min(1).max(100), areas: z.array(z.string().min(1).max(200)).min(1).max(500) }))
  .max(100)
  .refine((positions) => new Set(positions.map((p) => p.name)).size === positions.length, 'two positions have the same name')
  .default([]);

/** How the desktop app runs this project: `kiosk` locks every station that opens it, as --kiosk does. */
const desktopSettingsSchema = z.strictObject({ kiosk: z.boolean().default(false) }).default({ kiosk: false });

// Names, tags and links between displays are checked with the rest of the references (check-display-references.ts).
const displaysSectionSchema = z.array(displaySchema).max(500).default([]);

export const projectSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(PROJECT_FORMAT_VERSION),
  name: z.string().min(1).max(200),
  servers: z.array(serverSchema),
  tags: z.array(tagSchema).default([]),
  alarms: z.array(alarmDefinitionSchema).max(100_000).default([]),
  alarmPositions: alarmPositionsSchema,
  /** Areas and guidance for the servers' own alarms (OPC UA conditions), which carry neither. */
  conditionAlarms: z.array(conditionDetailSchema).max(10_000).default([]),
  commands: z.array(commandSchema).max(1000).default([]),
  trends: trendsSectionSchema,
  displays: displaysSectionSchema,
  users: usersSectionSchema.default([]),
  roles: rolesSectionSchema.default([]),
  historian: historianSettingsSchema.default({ retentionDays: 90, maxSizeMb: 2048, flushIntervalMs: 1000 }),
  desktop: desktopSettingsSchema,
});

export type Project = z.infer<typeof projectSchema>;
export type ProjectServer = z.infer<typeof serverSchema>;
export type ProjectTag = z.infer<typeof tagSchema>;
export type ProjectCommand = z.infer<typeof commandSchema>;
