import { z } from 'zod';

// Alarms: one model for local limit alarms and OPC UA Alarms & Conditions (ISA-18.2 / IEC 62682).

/** Four priorities, as ISA-18.2 recommends; `critical` is the most urgent. */
export const ALARM_PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type AlarmPriority = (typeof ALARM_PRIORITIES)[number];

/**
 * The ISA-18.2 alarm states. A listed alarm is in one of the first three, or
 * `normal` while it still waits for a confirm; the last three take it out of
 * annunciation (shown in their own filter, never sounding).
 */
export const ALARM_STATES = ['unackActive', 'ackActive', 'unackRtn', 'normal', 'shelved', 'suppressed', 'outOfService'] as const;
export type AlarmStateName = (typeof ALARM_STATES)[number];

export interface AlarmShelve {
  readonly mode: 'timed' | 'oneShot';
  /** ms since epoch when a timed shelve ends by itself; null for one-shot (ends when the alarm returns to normal). */
  readonly until: number | null;
  readonly reason: string;
  readonly user: string;
  readonly since: number;
}

export interface AlarmView {
  /** "local:<definition id>.<level>", "<connection id>:<ConditionId>[#<BranchId>]" or "system:<what>" (the station's own). */
  readonly id: string;
  readonly origin: 'local' | 'opcua' | 'system';
  /** The connection of an OPC UA condition; null for a local alarm. */
  readonly connectionId: string | null;
  readonly name: string;
  /** The tag to trend around the alarm time (TagInfo.id), when known. */
  readonly tagId: string | null;
  readonly sourceName: string;
  readonly area: string;
  readonly priority: AlarmPriority;
  /** The OPC UA Severity (1..1000) it came with; null for a local alarm. */
  readonly severity: number | null;
  /** HH, H, L, LL, DEV, ROC, OFFNORMAL, MISMATCH, or the condition's limit state / type. */
  readonly kind: string;
  readonly message: string;
  readonly guidance: string;
  readonly state: AlarmStateName;
  readonly active: boolean;
  readonly acked: boolean;
  readonly confirmed: boolean;
  /** A latching alarm whose process condition cleared: it stays active until reset. */
  readonly latched: boolean;
  readonly shelve: AlarmShelve | null;
  /** ms since epoch (source time) it last became active; null if never seen active. */
  readonly activeTime: number | null;
  /** ms since epoch of the newest transition. */
  readonly changedTime: number;
  readonly value: number | null;
  readonly limit: number | null;
  readonly lastComment: string;
  /** Still to be silenced: the renderer sounds the highest priority of these. */
  readonly sounding: boolean;
  /** The source's connection is lost: the state shown is the last known one. */
  readonly stale: boolean;
  /** Grows with every change: a row redraws only when it changed. */
  readonly revision: number;
}

export interface AlarmList {
  /** Every listed alarm: standing, unacknowledged, unconfirmed, shelved, suppressed or out of service. */
  readonly alarms: readonly AlarmView[];
  /** Grows with every published change; a renderer ignores an older list than it has. */
  readonly revision: number;
}

/**
 * `alarms` always carries the full list, like `tags` and `connections`: a
 * reconnected renderer replaces what it has, and a lost message heals itself
 * with the next one. The service sends at most one per ALARM_PUBLISH_MS, so a
 * flood of 1,000 alarms in a second costs a handful of lists, not 1,000.
 */
export interface AlarmsEvent {
  readonly type: 'alarms';
  readonly list: AlarmList;
}

export const ALARM_PUBLISH_MS = 100;

export type AlarmJournalKind =
  | 'raise' | 'clear' | 'ack' | 'confirm' | 'reset' | 'shelve' | 'unshelve' | 'suppress' | 'unsuppress'
  | 'outOfService' | 'inService' | 'comment' | 'silence' | 'refresh' | 'sourceLost' | 'actionFailed';

export interface AlarmJournalEntry {
  /** When it happened at the source (the sample's or the event's time). */
  readonly eventTime: number;
  /** When Tidewatch learned of it. */
  readonly receiveTime: number;
  readonly kind: AlarmJournalKind;
  /** AlarmView.id; "" for an entry about a connection (refresh, sourceLost). */
  readonly alarmId: string;
  readonly name: string;
  readonly source: string;
  readonly area: string;
  readonly priority: AlarmPriority | null;
  readonly state: AlarmStateName | null;
  readonly value: number | null;
  readonly limit: number | null;
  readonly user: string;
  readonly comment: string;
  readonly message: string;
}

export interface AlarmActionResult {
  readonly id: string;
  readonly ok: boolean;
  /** The OPC UA StatusCode the server answered with; null for a local alarm. */
  readonly status: number | null;
  /** "Good", the server's reason ("BadConditionBranchAlreadyAcked"), or why Tidewatch refused. */
  readonly message: string;
}

export interface AlarmIdsRequest {
  readonly ids: readonly string[];
  readonly comment?: string;
}

export interface CommentAlarmRequest {
  readonly id: string;
  readonly comment: string;
}

export interface ShelveAlarmsRequest {
  readonly ids: readonly string[];
  readonly mode: 'timed' | 'oneShot';
  /** Timed shelves only; capped by the alarm's maximum shelve time. */
  readonly durationMs?: number;
  readonly reason: string;
}

export interface SetAlarmsInServiceRequest {
  readonly ids: readonly string[];
  readonly inService: boolean;
  readonly reason: string;
}

export interface AlarmJournalQuery {
  readonly from: number;
  readonly to: number;
  /** Case-insensitive substring of name, message, comment, source or user. */
  readonly text?: string;
  readonly limit?: number;
}

export interface AlarmJournalPage {
  /** Newest first. */
  readonly entries: readonly AlarmJournalEntry[];
  readonly truncated: boolean;
}

export interface AlarmPeriodRequest {
  readonly from: number;
  readonly to: number;
}

export interface AlarmReportRequest extends AlarmPeriodRequest {
  readonly format: 'csv' | 'html';
}

export interface AlarmJournalExportRequest {
  readonly from: number;
  readonly to: number;
  readonly text?: string;
}

export interface AlarmFile {
  readonly filename: string;
  readonly mimeType: string;
  readonly content: string;
}

export interface AlarmRateBucket {
  readonly start: number;
  readonly count: number;
}

export interface AlarmPositionKpi {
  readonly position: string;
  readonly alarms: number;
  readonly per10MinAverage: number;
  readonly per10MinMax: number;
  readonly perHourAverage: number;
  readonly perHourMax: number;
  /** Share of 10-minute intervals above the manageable target (2 per 10 min). */
  readonly over10MinTargetShare: number;
}

export interface AlarmCountKpi {
  readonly alarmId: string;
  readonly name: string;
  readonly count: number;
  readonly share: number;
}

export interface AlarmKpis {
  readonly from: number;
  readonly to: number;
  readonly totalAlarms: number;
  readonly positions: readonly AlarmPositionKpi[];
  /** Flood: 10 or more alarms within 10 minutes, until fewer than 5 within 10 minutes. */
  readonly floodMs: number;
  readonly floodShare: number;
  readonly floods: readonly { readonly start: number; readonly end: number; readonly alarms: number }[];
  readonly top: readonly AlarmCountKpi[];
  readonly topShare: number;
  /** 3 or more activations within one minute. */
  readonly chattering: readonly (AlarmCountKpi & { readonly maxPerMinute: number })[];
  /** Active for more than 24 hours at the end of the period. */
  readonly stale: readonly { readonly alarmId: string; readonly name: string; readonly activeSince: number }[];
  readonly shelveCount: number;
  readonly suppressCount: number;
  readonly shelvedNow: number;
  readonly suppressedNow: number;
  readonly per10Min: readonly AlarmRateBucket[];
  readonly targets: typeof ALARM_KPI_TARGETS;
}

/** ISA-18.2 / EEMUA 191 figures the report compares against. */
export const ALARM_KPI_TARGETS = {
  acceptablePer10Min: 1,
  manageablePer10Min: 2,
  acceptablePerHour: 6,
  manageablePerHour: 12,
  floodPer10Min: 10,
  floodEndPer10Min: 5,
  floodShareMax: 0.01,
  topShareMax: 0.05,
  chatteringPerMinute: 3,
  staleAfterMs: 24 * 3600_000,
} as const;

export interface AlarmApi {
  listAlarms(): Promise<AlarmList>;
  acknowledgeAlarms(request: AlarmIdsRequest): Promise<readonly AlarmActionResult[]>;
  confirmAlarms(request: AlarmIdsRequest): Promise<readonly AlarmActionResult[]>;
  /** Returns a latching alarm whose condition has cleared to normal. */
  resetAlarms(request: AlarmIdsRequest): Promise<readonly AlarmActionResult[]>;
  commentAlarm(request: CommentAlarmRequest): Promise<AlarmActionResult>;
  shelveAlarms(request: ShelveAlarmsRequest): Promise<readonly AlarmActionResult[]>;
  unshelveAlarms(request: AlarmIdsRequest): Promise<readonly AlarmActionResult[]>;
  setAlarmsInService(request: SetAlarmsInServiceRequest): Promise<readonly AlarmActionResult[]>;
  /** Stops the horn for what sounds now; acknowledges nothing. */
  silenceAlarms(): Promise<void>;
  queryAlarmJournal(request: AlarmJournalQuery): Promise<AlarmJournalPage>;
  exportAlarmJournal(request: AlarmJournalExportRequest): Promise<AlarmFile>;
  alarmKpis(request: AlarmPeriodRequest): Promise<AlarmKpis>;
  alarmKpiReport(request: AlarmReportRequest): Promise<AlarmFile>;
}

// Bounds keep one bad message from costing the main process memory or time.
export const MAX_ALARM_IDS = 10_000;
export const MAX_ALARM_TEXT = 1_000;
export const MAX_JOURNAL_PAGE = 5_000;
export const MAX_SHELVE_MS = 7 * 24 * 3600_000;
const MAX_ID_LENGTH = 1_024;

const time = z.number().finite().min(0);
const alarmId = z.string().min(1).max(MAX_ID_LENGTH);
const ids = z.array(alarmId).min(1).max(MAX_ALARM_IDS);
const comment = z.string().max(MAX_ALARM_TEXT);
const reason = z.string().trim().min(1, 'a reason is required').max(MAX_ALARM_TEXT);
const period = z
  .strictObject({ from: time, to: time })
  .refine((r) => r.to > r.from, { message: 'to must be after from', path: ['to'] });

export const alarmApiSchemas = {
  listAlarms: z.undefined(),
  acknowledgeAlarms: z.strictObject({ ids, comment: comment.optional() }),
  confirmAlarms: z.strictObject({ ids, comment: comment.optional() }),
  resetAlarms: z.strictObject({ ids, comment: comment.optional() }),
  commentAlarm: z.strictObject({ id: alarmId, comment: comment.trim().min(1, 'the comment is empty') }),
  shelveAlarms: z
    .strictObject({
      ids,
      mode: z.enum(['timed', 'oneShot']),
      durationMs: z.number().int().positive().max(MAX_SHELVE_MS).optional(),
      reason,
    })
    .refine((r) => r.mode !== 'timed' || r.durationMs !== undefined, { message: 'a timed shelve needs a duration', path: ['durationMs'] }),
  unshelveAlarms: z.strictObject({ ids, comment: comment.optional() }),
  setAlarmsInService: z.strictObject({ ids, inService: z.boolean(), reason }),
  silenceAlarms: z.undefined(),
  queryAlarmJournal: z
    .strictObject({ from: time, to: time, text: z.string().max(200).optional(), limit: z.number().int().positive().max(MAX_JOURNAL_PAGE).optional() })
    .refine((r) => r.to > r.from, { message: 'to must be after from', path: ['to'] }),
  exportAlarmJournal: z
    .strictObject({ from: time, to: time, text: z.string().max(200).optional() })
    .refine((r) => r.to > r.from, { message: 'to must be after from', path: ['to'] }),
  alarmKpis: period,
  alarmKpiReport: z
    .strictObject({ from: time, to: time, format: z.enum(['csv', 'html']) })
    .refine((r) => r.to > r.from, { message: 'to must be after from', path: ['to'] }),
} satisfies Record<keyof AlarmApi, z.ZodType>;

/** Priority 1 is the most urgent: sort keys, shapes and labels all derive from this. */
export function priorityRank(priority: AlarmPriority): number {
  return ALARM_PRIORITIES.indexOf(priority) + 1;
}
