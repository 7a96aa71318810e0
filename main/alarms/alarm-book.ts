import {
  ALARM_PUBLISH_MS, type AlarmJournalEntry, type AlarmJournalKind, type AlarmList, type AlarmPriority, type AlarmsEvent, type AlarmView,
} from '../../shared/api/alarm-api.js';
import type { Log } from '../api/sample-source.js';
import type { AlarmClock } from './deadline-queue.js';
import type { AlarmJournal } from './alarm-journal.js';
import { alarmState, isLatched, isListed, NORMAL, type AlarmStatus } from './alarm-state-machine.js';

/** One alarm, local or OPC UA: what the summary shows plus what acting on it needs. */
export interface AlarmRecord {
  readonly id: string;
  readonly origin: 'local' | 'opcua' | 'system';
  readonly connectionId: string | null;
  name: string;
  tagId: string | null;
  sourceName: string;
  area: string;
  kind: string;
  guidance: string;
  priority: AlarmPriority;
  severity: number | null;
  message: string;
  limit: number | null;
  status: AlarmStatus;
  activeTime: number | null;
  changedTime: number;
  value: number | null;
  lastComment: string;
  sounding: boolean;
  stale: boolean;
  revision: number;
  /** Who last acted on it here, for the journal entry the server's event will cause. */
  lastActor: string;
}

export type JournalFields = Partial<Pick<AlarmJournalEntry, 'user' | 'comment' | 'message' | 'value' | 'limit' | 'receiveTime'>>;

export function newRecord(fields: Omit<AlarmRecord, 'status' | 'activeTime' | 'changedTime' | 'value' | 'lastComment' | 'sounding' | 'stale' | 'revision' | 'lastActor'>, time: number): AlarmRecord {
  return { ...fields, status: NORMAL, activeTime: null, changedTime: time, value: null, lastComment: '', sounding: false, stale: false, revision: 0, lastActor: '' };
}

/**
 * Every alarm record, the listed ones in order, the journal, and the
 * coalesced `alarms` event: at most one full list per ALARM_PUBLISH_MS.
 */
export class AlarmBook {
  private readonly records = new Map<string, AlarmRecord>();
  private readonly listed = new Map<string, AlarmRecord>();
  private revision = 0;
  private published = 0;
  private timer: unknown = null;
  private lastPublish = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly journalStore: AlarmJournal,
    private readonly publish: (event: AlarmsEvent) => void,
    private readonly clock: AlarmClock,
    private readonly log: Log,
  ) {}

  get(id: string): AlarmRecord | undefined {
    return this.records.get(id);
  }

  add(record: AlarmRecord): void {
    this.records.set(record.id, record);
    this.changed(record);
  }

  remove(record: AlarmRecord): void {
    this.records.delete(record.id);
    if (this.listed.delete(record.id)) this.schedule();
  }

  all(): IterableIterator<AlarmRecord> {
    return this.records.values();
  }

  /** A new status (already checked by the state machine or reported by the server). */
  setStatus(record: AlarmRecord, status: AlarmStatus, time: number): void {
    if (status.active && !record.status.active) record.activeTime = time;
    if (!status.active || status.acked) record.sounding = false;
    if (status.active && !status.acked && !(record.status.active && !record.status.acked)) record.sounding = true;
    record.status = status;
    record.changedTime = time;
    this.changed(record);
  }

  /** Anything else about the record changed (comment, stale, sounding). */
  changed(record: AlarmRecord): void {
    record.revision = ++this.revision;
    if (isListed(record.status)) this.listed.set(record.id, record);
    else this.listed.delete(record.id);
    this.schedule();
  }

  journal(record: AlarmRecord | null, kind: AlarmJournalKind, eventTime: number, fields: JournalFields & { source?: string } = {}): void {
    const entry: AlarmJournalEntry = {
      eventTime,
      receiveTime: fields.receiveTime ?? this.clock.now(),
      kind,
      alarmId: record?.id ?? '',
      name: record?.name ?? '',
      source: fields.source ?? record?.connectionId ?? 'local',
      area: record?.area ?? '',
      priority: record?.priority ?? null,
      state: record ? alarmState(record.status) : null,
      value: fields.value !== undefined ? fields.value : (record?.value ?? null),
      limit: fields.limit !== undefined ? fields.limit : (record?.limit ?? null),
      user: fields.user ?? '',
      comment: fields.comment ?? '',
      message: fields.message ?? record?.message ?? '',
    };
    try {
      this.journalStore.append(entry);
    } catch (error) {
      // The alarm itself must still show: a full disk loses the record of it, not the alarm.
      this.log('error', `alarm journal: could not record ${kind} of ${entry.alarmId || entry.source}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  silence(): number {
    let silenced = 0;
    for (const record of this.listed.values()) {
      if (!record.sounding) continue;
      record.sounding = false;
      silenced++;
      this.changed(record);
    }
    return silenced;
  }

  list(): AlarmList {
    this.published = this.revision;
    return { alarms: [...this.listed.values()].map(toView), revision: this.revision };
  }

  listedViews(): AlarmView[] {
    return [...this.listed.values()].map(toView);
  }

  dispose(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastPublish + ALARM_PUBLISH_MS - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      if (this.published === this.revision) return;
      this.lastPublish = this.clock.now();
      this.publish({ type: 'alarms', list: this.list() });
    }, wait);
  }
}

export function toView(record: AlarmRecord): AlarmView {
  const { status } = record;
  return {
    id: record.id,
    origin: record.origin,
    connectionId: record.connectionId,
    name: record.name,
    tagId: record.tagId,
    sourceName: record.sourceName,
    area: record.area,
    priority: record.priority,
    severity: record.severity,
    kind: record.kind,
    message: record.message,
    guidance: record.guidance,
    state: alarmState(status),
    active: status.active,
    acked: status.acked,
    confirmed: status.confirmed,
    latched: isLatched(status),
    shelve: status.shelve,
    activeTime: record.activeTime,
    changedTime: record.changedTime,
    value: record.value,
    limit: record.limit,
    lastComment: record.lastComment,
    sounding: record.sounding,
    stale: record.stale,
    revision: record.revision,
  };
}
