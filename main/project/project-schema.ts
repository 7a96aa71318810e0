import { z } from 'zod';
import { alarmDefinitionSchema } from '../alarms/alarm-definition.js';
import { rolesSectionSchema, usersSectionSchema } from '../auth/auth-project-schema.js';
import { trendLayoutSchema } from '../../shared/api/trend-api.js';

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

export const serverSchema = z
  .strictObject({
    id,
    name: z.string().min(1).max(200),
    /** opc.tcp://host:port/path of a plant server... */
    endpointUrl: z.string().regex(/^opc\.tcp:\/\/[^\s/:]+(:\d{1,5})?(\/\S*)?$/, 'must look like opc.tcp://host:port/path').optional(),
    /** ...or a server Tidewatch starts itself: the demo plant. */
    embedded: z.literal('demo-plant').optional(),
    publishingInterval: z.number().int().min(10).max(60_000).default(100),
  })
  .refine((s) => (s.endpointUrl === undefined) !== (s.embedded === undefined), {
    message: 'give either endpointUrl or embedded, not both or neither',
  });

export const deadbandSchema = z.strictObject({
  type: z.enum(['absolute', 'percent']),
  value: z.number().nonnegative(),
});

export const tagSchema = z.strictObject({
  name: z.string().min(1).max(200),
  server: id,
  nodeId: z.string().min(1).max(1024),
  description: z.string().max(2000).default(''),
  /** Overrides the server's EngineeringUnits, for servers that do not publish one. */
  unit: z.string().max(32).optional(),
  /** Decimal places shown; absent = chosen from the range. */
  decimals: z.number().int().min(0).max(10).optional(),
  samplingInterval: z.number().min(0).max(3_600_000).default(100),
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

// Displays come with their feature: until then each entry must at least be an object.
const pendingSection = z.array(z.record(z.string(), z.unknown())).default([]);

export const projectSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(PROJECT_FORMAT_VERSION),
  name: z.string().min(1).max(200),
  servers: z.array(serverSchema),
  tags: z.array(tagSchema).default([]),
  alarms: z.array(alarmDefinitionSchema).max(100_000).default([]),
  trends: trendsSectionSchema,
  displays: pendingSection,
  users: usersSectionSchema.default([]),
  roles: rolesSectionSchema.default([]),
  historian: historianSettingsSchema.default({ retentionDays: 90, maxSizeMb: 2048, flushIntervalMs: 1000 }),
});

export type Project = z.infer<typeof projectSchema>;
export type ProjectServer = z.infer<typeof serverSchema>;
export type ProjectTag = z.infer<typeof tagSchema>;
