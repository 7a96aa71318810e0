import type { AlarmActionResult, AlarmJournalKind } from '../../shared/api/alarm-api.js';
import { AlarmBook, newRecord, type AlarmRecord } from './alarm-book.js';
import { AlarmEngine, type AlarmEngineListener } from './alarm-engine.js';
import { NORMAL, transition, type AlarmInput } from './alarm-state-machine.js';
import { DeadlineQueue, type AlarmClock } from './deadline-queue.js';
import type { LocalAlarm } from './local-alarm.js';
import { alarmFingerprint, restoredStatus, type SavedAlarmState } from './saved-alarm-state.js';

export type LocalAction =
  | { readonly type: 'ack' | 'confirm' | 'reset' | 'unshelve'; readonly comment: string }
  | { readonly type: 'shelve'; readonly mode: 'timed' | 'oneShot'; readonly durationMs: number | undefined; readonly reason: string }
  | { readonly type: 'service'; readonly inService: boolean; readonly reason: string };

const JOURNAL_KIND = { ack: 'ack', confirm: 'confirm', reset: 'reset', unshelve: 'unshelve', shelve: 'shelve' } as const;

/**
 * The local alarms: the engine's edges through the state machine into the
 * book and the journal, and the operator's actions on them. Timed shelves
 * expire through one DeadlineQueue, like the engine's delays.
 */
export class LocalAlarms implements AlarmEngineListener {
  readonly engine: AlarmEngine;
  private readonly records: AlarmRecord[];
  private readonly indexOf = new Map<string, number>();
  private readonly expiry: DeadlineQueue;

  /** `saved`: states kept from before (a restart, a reload), by alarm id; one whose definition changed is ignored. */
  constructor(
    private readonly alarms: readonly LocalAlarm[],
    tagIndexOf: (tagId: string) => number | undefined,
    private readonly book: AlarmBook,
    private readonly clock: AlarmClock,
    saved: ReadonlyMap<string, SavedAlarmState> = new Map(),
  ) {
    const now = clock.now();
    this.records = alarms.map((alarm, a) => {
      const record = newRecord({
        id: `local:${alarm.id}`,
        origin: 'local',
        connectionId: null,
        name: alarm.id,
        tagId: alarm.tag,
        sourceName: alarm.tag.slice(alarm.tag.indexOf('/') + 1),
        area: alarm.area,
        kind: alarm.kind,
        guidance: alarm.guidance,
        priority: alarm.priority,
        severity: null,
        message: alarm.message,
        limit: Number.isFinite(alarm.limit) ? alarm.limit : null,
      }, now);
      if (!alarm.inService) record.status = { ...NORMAL, outOfService: true };
      this.indexOf.set(record.id, a);
      return record;
    });
    this.engine = new AlarmEngine(alarms, tagIndexOf, this, clock);
    this.expiry = new DeadlineQueue(clock, (a, until) => this.expire(a, until));
    this.records.forEach((record, a) => {
      const kept = saved.get(record.id);
      if (kept !== undefined && kept.fingerprint === alarmFingerprint(alarms[a]!)) this.restore(a, record, kept, now);
      book.add(record);
    });
  }

  /** Every alarm's state as it stands, for the next start or reload. */
  snapshot(): SavedAlarmState[] {
    return this.records.map((record, a) => ({
      id: record.id,
      fingerprint: alarmFingerprint(this.alarms[a]!),
      status: record.status,
      activeTime: record.activeTime,
      changedTime: record.changedTime,
      value: record.value,
      lastComment: record.lastComment,
    }));
  }

  owns(record: AlarmRecord): boolean {
    return this.indexOf.has(record.id);
  }

  condition(a: number, active: boolean, time: number, value: number): void {
    const record = this.records[a]!;
    record.value = value;
    this.apply(record, { type: 'condition', active }, time, null, { user: '', comment: '' });
  }

  suppression(a: number, suppressed: boolean, time: number): void {
    this.apply(this.records[a]!, { type: 'suppress', suppressed }, time, suppressed ? 'suppress' : 'unsuppress', { user: '', comment: 'suppressed by design' });
  }

  act(record: AlarmRecord, action: LocalAction, user: string): AlarmActionResult {
    const alarm = this.alarms[this.indexOf.get(record.id)!]!;
    const now = this.clock.now();
    let input: AlarmInput;
    let comment: string;
    let kind: AlarmJournalKind;
    switch (action.type) {
      case 'shelve': {
        const duration = action.mode === 'timed' ? (action.durationMs ?? 0) : null;
        if (duration !== null && duration > alarm.maxShelveMs) {
          return refused(record, `longer than this alarm's maximum shelve time of ${formatDuration(alarm.maxShelveMs)}`);
        }
        input = { type: 'shelve', shelve: { mode: action.mode, until: duration === null ? null : now + duration, reason: action.reason, user, since: now } };
        comment = action.reason;
        kind = 'shelve';
        break;
      }
      case 'service':
        input = { type: 'service', inService: action.inService };
        comment = action.reason;
        kind = action.inService ? 'inService' : 'outOfService';
        break;
      default:
        input = { type: action.type };
        comment = action.comment;
        kind = JOURNAL_KIND[action.type];
    }
    const result = this.apply(record, input, now, kind, { user, comment });
    if (result !== null) return refused(record, result);
    const until = record.status.shelve?.until;
    if (action.type === 'shelve' && until !== null && until !== undefined) this.expiry.schedule(until, this.indexOf.get(record.id)!, until);
    return { id: record.id, ok: true, status: null, message: 'Good' };
  }

  /** Stops evaluating and takes these alarms out of the book (a project reload). */
  dispose(): void {
    this.engine.dispose();
    this.expiry.dispose();
    for (const record of this.records) this.book.remove(record);
  }

  /** Runs one input through the state machine; journals what changed. Returns why it was refused, or null. */
  private apply(record: AlarmRecord, input: AlarmInput, time: number, kind: AlarmJournalKind | null, fields: { user: string; comment: string }): string | null {
    const alarm = this.alarms[this.indexOf.get(record.id)!]!;
    const before = record.status;
    const result = transition(before, input, alarm.behaviour);
    if (!result.ok) return result.reason;
    this.book.setStatus(record, result.status, time);
    if (kind !== null) this.book.journal(record, kind, time, fields);
    if (input.type === 'condition' && !input.active && before.shelve?.mode === 'oneShot' && result.status.shelve === null) {
      this.book.journal(record, 'unshelve', time, { comment: 'one-shot shelve ended: returned to normal' });
    }
    if (result.raised) this.book.journal(record, 'raise', time);
    if (result.cleared) this.book.journal(record, 'clear', time);
    return null;
  }

  private restore(a: number, record: AlarmRecord, kept: SavedAlarmState, now: number): void {
    const { status, condition } = restoredStatus(kept.status);
    record.status = status;
    record.activeTime = kept.activeTime;
    record.changedTime = kept.changedTime;
    record.value = kept.value;
    record.lastComment = kept.lastComment;
    // What still waits for the operator sounds again: the horn was not silenced in this run.
    record.sounding = status.active && !status.acked;
    if (condition) this.engine.seedActive(a);
    const until = status.shelve?.until;
    if (until === null || until === undefined) return;
    if (until > now) this.expiry.schedule(until, a, until);
    else this.apply(record, { type: 'unshelve' }, now, 'unshelve', { user: '', comment: 'shelve time ended while Tidewatch was stopped' });
  }

  private expire(a: number, until: number): void {
    const record = this.records[a]!;
    if (record.status.shelve?.until !== until) return;
    this.apply(record, { type: 'unshelve' }, until, 'unshelve', { user: '', comment: 'shelve time expired' });
  }
}

function refused(record: AlarmRecord, message: string): AlarmActionResult {
  return { id: record.id, ok: false, status: null, message };
}

export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Math.round(ms / 1000)} s`;
}
