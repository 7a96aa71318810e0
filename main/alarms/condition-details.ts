import { z } from 'zod';

/**
 * What a project adds to a server's own alarms (OPC UA conditions): the area its
 * operators and KPIs count it under, and the guidance a server does not carry.
 * Matched by the event's SourceName, and its ConditionName when given.
 */
export const conditionDetailSchema = z.strictObject({
  server: z.string().min(1).max(64),
  source: z.string().min(1).max(512).describe('The SourceName the server sends, e.g. "Tank1.Level".'),
  condition: z.string().min(1).max(512).optional().describe('The ConditionName, when one source has several conditions; absent: all of them.'),
  area: z.string().min(1).max(200).optional().describe('Absent: the server id.'),
  guidance: z.string().max(2000).optional(),
});

export type ConditionDetail = z.infer<typeof conditionDetailSchema>;

export interface ConditionLook {
  /** null: the connection's id, as for a condition the project says nothing of. */
  readonly area: string | null;
  readonly guidance: string;
}

const NOTHING: ConditionLook = { area: null, guidance: '' };

/** An entry naming the condition wins over one for its whole source. */
export function lookUpCondition(details: readonly ConditionDetail[], server: string, sourceName: string, conditionName: string): ConditionLook {
  let match: ConditionDetail | undefined;
  for (const detail of details) {
    if (detail.server !== server || detail.source !== sourceName) continue;
    if (detail.condition === conditionName) {
      match = detail;
      break;
    }
    if (detail.condition === undefined) match ??= detail;
  }
  return match === undefined ? NOTHING : { area: match.area ?? null, guidance: match.guidance ?? '' };
}
