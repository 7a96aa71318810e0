import { z } from 'zod';

// The audit trail: who did what to the plant and the station, when, from where,
// with what result. Append-only and hash-chained in main; read-only here.

export const AUDIT_ACTIONS = [
  'write',
  'select',
  'command',
  'acknowledge',
  'shelve',
  'login',
  'login.failed',
  'login.throttled',
  'logout',
  'lock',
  'unlock',
  'user.setup',
  'user.create',
  'user.change',
  'user.delete',
  'password.change',
  'project.change',
  'audit.check',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditValue = string | number | boolean | null;

/** What a service records; the trail adds the sequence number, time and hashes. */
export interface AuditEntry {
  readonly action: AuditAction;
  /** The user's name; "" when nobody was logged in. */
  readonly user: string;
  /** Where it came from: "desktop@HOST" or "browser 127.0.0.1 via HOST". */
  readonly station: string;
  /** A tag id, an alarm, a user name, a file; "" when the action has none. */
  readonly target: string;
  readonly oldValue: AuditValue;
  readonly newValue: AuditValue;
  /** "ok", the server's StatusCode name ("Good", "BadOutOfRange"), or "refused: <why>". */
  readonly result: string;
  /** Anything else worth knowing: a read-back, a comment, a reason. */
  readonly detail: string;
}

export interface AuditRecord extends AuditEntry {
  /** 1, 2, 3, ... with no gaps: a missing number is a deleted record. */
  readonly seq: number;
  /** ms since epoch, main's clock. */
  readonly time: number;
  /** The previous record's hash (64 zeros for the first). */
  readonly prevHash: string;
  /** SHA-256 over this record's canonical JSON without this field. */
  readonly hash: string;
}

export interface AuditQuery {
  /** ms since epoch, inclusive; absent: from the start. */
  readonly from?: number;
  /** ms since epoch, exclusive; absent: up to now. */
  readonly to?: number;
  /** Case-insensitive, matched against every field. */
  readonly text?: string;
  readonly limit: number;
}

export interface AuditPage {
  /** Newest first. */
  readonly records: readonly AuditRecord[];
  /** More records matched than the limit allowed. */
  readonly truncated: boolean;
}

export type AuditProblemKind = 'edited' | 'deleted' | 'inserted' | 'reordered' | 'malformed' | 'truncated';

export type AuditVerifyResult =
  | { readonly ok: true; readonly records: number }
  | {
      readonly ok: false;
      readonly records: number;
      /** The first problem: later records cannot be trusted to tell more. */
      readonly problem: { readonly kind: AuditProblemKind; readonly line: number; readonly seq: number | null; readonly message: string };
    };

export interface AuditApi {
  queryAudit(request: AuditQuery): Promise<AuditPage>;
  verifyAudit(): Promise<AuditVerifyResult>;
}

export const MAX_AUDIT_PAGE = 10_000;

export const auditApiSchemas = {
  queryAudit: z
    .strictObject({
      from: z.number().finite().optional(),
      to: z.number().finite().optional(),
      text: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(MAX_AUDIT_PAGE),
    })
    .refine((q) => q.from === undefined || q.to === undefined || q.to > q.from, { message: 'to must be after from', path: ['to'] }),
  verifyAudit: z.undefined(),
} satisfies Record<keyof AuditApi, z.ZodType>;
