import { z } from 'zod';
import { ALARM_PRIORITIES } from '../../shared/api/alarm-api.js';

/**
 * A local alarm as the project file writes it. One definition may describe
 * several alarms (a limit definition has up to four: HH, H, L, LL), each with
 * its own priority, because ISA-18.2 treats each as an alarm of its own.
 */
const text = z.string().max(1_000);
const priority = z.enum(ALARM_PRIORITIES);
const tagId = z.string().min(1).max(512);
const delay = z.number().finite().min(0, 'a delay cannot be negative').max(3_600_000, 'a delay over an hour is not an alarm delay');

const suppressWhen = z.strictObject({
  tag: tagId,
  op: z.enum(['==', '!=', '<', '<=', '>', '>=']),
  value: z.union([z.number().finite(), z.boolean()]),
});

const common = {
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,128}$/, 'use 1-128 letters, digits, "_", "." or "-"'),
  area: z.string().min(1).max(128).default('Plant'),
  /** Default: critical for HH/LL, high for H/L, medium for the rest. */
  priority: priority.optional(),
  message: text.default(''),
  guidance: text.default(''),
  /** Hysteresis in the tag's units: an active alarm clears only this far back inside its limit. */
  deadband: z.number().finite().min(0, 'a deadband cannot be negative').default(0),
  /** The condition must hold this long before the alarm is raised (chatter filter). */
  onDelayMs: delay.default(0),
  /** The condition must be gone this long before the alarm clears. */
  offDelayMs: delay.default(0),
  /** A latching alarm stays active after its condition clears, until the operator resets it. */
  latching: z.boolean().default(false),
  /** The operator must confirm the alarm after acknowledging it and after it returned to normal. */
  confirm: z.boolean().default(false),
  maxShelveMs: z.number().int().positive().max(7 * 24 * 3_600_000).default(8 * 3_600_000),
  /** Suppressed by design while any of these holds (a stopped unit's downstream alarms). */
  suppressWhen: z.array(suppressWhen).max(16).default([]),
  inService: z.boolean().default(true),
};

const level = z.strictObject({
  value: z.number().finite(),
  priority: priority.optional(),
  message: text.optional(),
  guidance: text.optional(),
});

export const LIMIT_LEVELS = ['HH', 'H', 'L', 'LL'] as const;
export type LimitLevel = (typeof LIMIT_LEVELS)[number];

const limitDefinition = z
  .strictObject({
    ...common,
    type: z.literal('limit'),
    tag: tagId,
    limits: z.strictObject({ HH: level.optional(), H: level.optional(), L: level.optional(), LL: level.optional() }),
  })
  .superRefine((def, ctx) => {
    const present = LIMIT_LEVELS.filter((name) => def.limits[name] !== undefined);
    if (present.length === 0) ctx.addIssue({ code: 'custom', path: ['limits'], message: 'give at least one of HH, H, L, LL' });
    // Ordered from highest to lowest: each present limit must be above every lower one.
    for (let i = 0; i < present.length; i++) {
      for (let j = i + 1; j < present.length; j++) {
        const upper = present[i]!;
        const lower = present[j]!;
        const upperValue = def.limits[upper]!.value;
        const lowerValue = def.limits[lower]!.value;
        if (!(upperValue > lowerValue)) {
          ctx.addIssue({
            code: 'custom',
            path: ['limits', lower, 'value'],
            message: `${lower} limit ${lowerValue} must be below the ${upper} limit ${upperValue}`,
          });
        }
      }
    }
  });

const deviationDefinition = z.strictObject({
  ...common,
  type: z.literal('deviation'),
  tag: tagId,
  setpointTag: tagId,
  /** Alarm when |tag - setpoint| reaches this. */
  limit: z.number().finite().positive('a deviation limit must be above 0'),
});

const rateOfChangeDefinition = z.strictObject({
  ...common,
  type: z.literal('rateOfChange'),
  tag: tagId,
  /** Units per second. */
  limit: z.number().finite().positive('a rate-of-change limit must be above 0'),
  direction: z.enum(['rising', 'falling', 'both']).default('both'),
});

const offNormalDefinition = z.strictObject({
  ...common,
  type: z.literal('offNormal'),
  tag: tagId,
  /** The normal value; booleans arrive as 1 and 0. */
  normal: z.union([z.boolean(), z.number().finite()]),
});

const mismatchDefinition = z.strictObject({
  ...common,
  type: z.literal('mismatch'),
  /** The feedback (e.g. Pump1.Running)... */
  tag: tagId,
  /** ...and the command it must follow (e.g. Pump1.Start), after the on-delay. */
  commandTag: tagId,
});

export const alarmDefinitionSchema = z.discriminatedUnion('type', [
  limitDefinition,
  deviationDefinition,
  rateOfChangeDefinition,
  offNormalDefinition,
  mismatchDefinition,
]);

export type AlarmDefinition = z.output<typeof alarmDefinitionSchema>;
export type AlarmDefinitionInput = z.input<typeof alarmDefinitionSchema>;

export const alarmDefinitionsSchema = z.array(alarmDefinitionSchema).max(100_000);

export interface DefinitionProblem {
  /** e.g. "alarms[3].limits.L.value". */
  readonly path: string;
  readonly message: string;
}

/**
 * Checks the project's alarm list against its schema and the project's tags:
 * every problem with where it is and why, so a bad project is refused at load
 * with all its faults at once rather than the first.
 */
export function validateAlarmDefinitions(
  definitions: unknown,
  tagIds: ReadonlySet<string> | readonly string[],
  basePath = 'alarms',
): DefinitionProblem[] {
  // The project's own convention: alarms[3].limits.L.value.
  const at = (path: readonly PropertyKey[]) => path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? String(part) : `${text}.${String(part)}`), basePath);
  const parsed = alarmDefinitionsSchema.safeParse(definitions);
  if (!parsed.success) return parsed.error.issues.map((issue) => ({ path: at(issue.path), message: issue.message }));
  const known = tagIds instanceof Set ? tagIds : new Set(tagIds);
  const problems: DefinitionProblem[] = [];
  const seen = new Map<string, number>();
  parsed.data.forEach((def, index) => {
    const first = seen.get(def.id);
    if (first !== undefined) problems.push({ path: at([index, 'id']), message: `duplicate id "${def.id}" (also at ${at([first])})` });
    else seen.set(def.id, index);
    for (const [field, tag] of referencedTags(def)) {
      if (!known.has(tag)) problems.push({ path: at([index, ...field]), message: `unknown tag "${tag}"` });
    }
  });
  return problems;
}

/** Parses definitions already validated; throws with every problem otherwise. */
export function parseAlarmDefinitions(definitions: unknown, tagIds: ReadonlySet<string> | readonly string[]): AlarmDefinition[] {
  const problems = validateAlarmDefinitions(definitions, tagIds);
  if (problems.length > 0) throw new Error(`invalid alarm definitions: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return alarmDefinitionsSchema.parse(definitions);
}

function referencedTags(def: AlarmDefinition): [readonly PropertyKey[], string][] {
  const tags: [readonly PropertyKey[], string][] = [[['tag'], def.tag]];
  if (def.type === 'deviation') tags.push([['setpointTag'], def.setpointTag]);
  if (def.type === 'mismatch') tags.push([['commandTag'], def.commandTag]);
  def.suppressWhen.forEach((rule, i) => tags.push([['suppressWhen', i, 'tag'], rule.tag]));
  return tags;
}
