import type { AlarmActionResult, AlarmJournalKind } from '../../shared/api/alarm-api.js';
import type { LogLevel } from '../api/sample-source.js';
import { AlarmBook, newRecord, type AlarmRecord } from './alarm-book.js';
import { alarmState, isListed, type AlarmStatus } from './alarm-state-machine.js';
import type { AlarmClock } from './deadline-queue.js';
import { conditionName, conditionStatus } from './condition-status.js';
import type { ConditionSink, ConditionSource, ConditionTarget, ConditionUpdate, MethodOutcome } from './condition-source.js';
import type { ConditionLook } from './condition-details.js';
import { severityToPriority } from './severity-priority.js';

export type ConditionAction =
  | { readonly type: 'ack' | 'confirm' | 'comment'; readonly comment: string }
  | { readonly type: 'shelve'; readonly mode: 'timed' | 'oneShot'; readonly durationMs: number | undefined; readonly reason: string }
  | { readonly type: 'unshelve' };

const GOOD = 0;

/**
 * The OPC UA conditions of one connection in the alarm book. The server owns
 * their state: an action here is a method call whose answer is shown as is,
 * and the book changes only when the server's event says so.
 */
export class ConnectionConditions implements ConditionSink {
  private readonly targets = new Map<string, ConditionTarget>();
  private readonly pendingShelve = new Map<string, { reason: string; user: string; until: number | null }>();
  private seenInRefresh: Set<string> | null = null;
  private changedInRefresh = 0;
  private disposed = false;

  constructor(
    private readonly connectionId: string,
    private readonly source: ConditionSource,
    private readonly book: AlarmBook,
    private readonly tagIdOfNode: (connectionId: string, nodeId: string) => string | null,
    /** The project's area and guidance for a condition, read at every event so a project reload applies to the next one. */
    private readonly lookUp: (sourceName: string, conditionName: string) => ConditionLook,
    private readonly clock: AlarmClock,
    private readonly logTo: (level: LogLevel, message: string) => void,
  ) {}

  condition(update: ConditionUpdate): void {
    if (this.disposed) return;
    const id = `${this.connectionId}:${update.conditionId}${update.branchId === null ? '' : `#${update.branchId}`}`;
    this.seenInRefresh?.add(id);
    let record = this.book.get(id);
    const status = conditionStatus(update, record?.status.shelve ?? null);
    const isNew = record === undefined;
    if (record === undefined) {
      if (!update.retain && !isListed(status)) return;
      record = newRecord({
        id,
        origin: 'opcua',
        connectionId: this.connectionId,
        name: conditionName(update),
        tagId: null,
        sourceName: update.sourceName,
        area: '',
        kind: '',
        guidance: '',
        priority: 'medium',
        severity: null,
        message: '',
        limit: null,
      }, update.time);
      this.book.add(record);
    }
    this.targets.set(id, { conditionId: update.conditionId, branchId: update.branchId, eventId: update.eventId });
    record.name = conditionName(update);
    record.sourceName = update.sourceName;
    record.tagId = update.sourceNode === null ? null : this.tagIdOfNode(this.connectionId, update.sourceNode);
    const look = this.lookUp(update.sourceName, update.conditionName);
    record.area = look.area ?? this.connectionId;
    record.guidance = look.guidance;
    record.kind = update.limitState ?? shortType(update.eventType);
    record.severity = update.severity;
    record.priority = severityToPriority(update.severity);
    record.message = update.message || `${record.name}${update.missing.length > 0 ? ` (event without ${update.missing.join(', ')})` : ''}`;
    record.stale = false;
    const pending = this.pendingShelve.get(id);
    const shelve = status.shelve && pending && record.status.shelve === null
      ? { ...status.shelve, reason: pending.reason, user: pending.user, until: status.shelve.mode === 'timed' ? pending.until : null }
      : status.shelve;
    if (status.shelve === null || shelve !== status.shelve) this.pendingShelve.delete(id);
    const next: AlarmStatus = { ...status, shelve };
    const before = record.status;
    const commentChanged = update.comment !== '' && update.comment !== record.lastComment;
    record.lastComment = update.comment || record.lastComment;
    this.book.setStatus(record, next, update.time);
    this.journalChanges(record, before, next, update, isNew, commentChanged);
    if (!update.retain && !isListed(next)) this.forget(record);
  }

  refreshStarted(): void {
    this.seenInRefresh = new Set();
    this.changedInRefresh = 0;
  }

  refreshEnded(): void {
    const seen = this.seenInRefresh;
    if (seen === null) return;
    this.seenInRefresh = null;
    let gone = 0;
    for (const record of [...this.mine()]) {
      if (seen.has(record.id)) continue;
      gone++;
      this.book.journal(record, 'refresh', this.clock.now(), { message: 'no longer reported by the server after ConditionRefresh: removed' });
      this.forget(record);
    }
    this.book.journal(null, 'refresh', this.clock.now(), {
      source: this.connectionId,
      message: `ConditionRefresh after (re)connect: ${seen.size} conditions reported, ${this.changedInRefresh} changed while away, ${gone} gone`,
    });
  }

  lost(reason: string): void {
    for (const record of this.mine()) {
      record.stale = true;
      this.book.changed(record);
    }
    this.book.journal(null, 'sourceLost', this.clock.now(), { source: this.connectionId, message: reason });
  }

  log(level: LogLevel, message: string): void {
    this.logTo(level, `${this.connectionId} alarms: ${message}`);
  }

  owns(record: AlarmRecord): boolean {
    return record.connectionId === this.connectionId && record.origin === 'opcua';
  }

  async act(record: AlarmRecord, action: ConditionAction, user: string): Promise<AlarmActionResult> {
    const target = this.targets.get(record.id);
    if (target === undefined) return { id: record.id, ok: false, status: null, message: 'the server has not reported this condition' };
    record.lastActor = user;
    // Noted before the call: the server's event for the shelve can come in ahead of its answer to the call.
    if (action.type === 'shelve') {
      const until = action.mode === 'timed' && action.durationMs !== undefined ? this.clock.now() + action.durationMs : null;
      this.pendingShelve.set(record.id, { reason: action.reason, user, until });
    }
    let outcome: MethodOutcome;
    try {
      outcome = await this.call(target, action);
    } catch (error) {
      outcome = { status: 0x80020000, statusText: error instanceof Error ? error.message : String(error) };
    }
    const ok = outcome.status === GOOD;
    if (!ok) {
      if (action.type === 'shelve') this.pendingShelve.delete(record.id);
      this.book.journal(record, 'actionFailed', this.clock.now(), {
        user,
        comment: 'comment' in action ? action.comment : 'reason' in action ? action.reason : '',
        message: `${action.type} refused by the server: ${outcome.statusText}`,
      });
    }
    return { id: record.id, ok, status: outcome.status, message: outcome.statusText };
  }

  /** The connection is gone for good: its conditions are no longer known. */
  dispose(): void {
    this.disposed = true;
    for (const record of [...this.mine()]) this.forget(record);
  }

  private call(target: ConditionTarget, action: ConditionAction): Promise<MethodOutcome> {
    switch (action.type) {
      case 'ack':
        return this.source.acknowledge(target, action.comment);
      case 'confirm':
        return this.source.confirm(target, action.comment);
      case 'comment':
        return this.source.addComment(target, action.comment);
      case 'shelve':
        return action.mode === 'timed' ? this.source.timedShelve(target, action.durationMs ?? 0) : this.source.oneShotShelve(target);
      case 'unshelve':
        return this.source.unshelve(target);
    }
  }

  private journalChanges(record: AlarmRecord, before: AlarmStatus, after: AlarmStatus, update: ConditionUpdate, isNew: boolean, commentChanged: boolean): void {
    const at = update.time;
    const fields = { user: update.clientUserId || record.lastActor, comment: update.comment, receiveTime: update.receiveTime };
    if (isNew && this.seenInRefresh !== null) {
      this.book.journal(record, 'refresh', at, { ...fields, message: `reported by ConditionRefresh: ${alarmState(after)}; ${record.message}` });
      return;
    }
    const kinds: AlarmJournalKind[] = [];
    const unackActive = (s: AlarmStatus) => s.active && !s.acked;
    if (unackActive(after) && (!unackActive(before) || isNew)) kinds.push('raise');
    if (before.active && !after.active) kinds.push('clear');
    if (!before.acked && after.acked && !isNew) kinds.push('ack');
    if (!before.confirmed && after.confirmed && !isNew) kinds.push('confirm');
    if (before.shelve === null && after.shelve !== null) kinds.push('shelve');
    if (before.shelve !== null && after.shelve === null) kinds.push('unshelve');
    if (before.suppressed !== after.suppressed) kinds.push(after.suppressed ? 'suppress' : 'unsuppress');
    if (before.outOfService !== after.outOfService) kinds.push(after.outOfService ? 'outOfService' : 'inService');
    if (commentChanged && !kinds.includes('ack') && !kinds.includes('confirm')) kinds.push('comment');
    if (kinds.length > 0 && this.seenInRefresh !== null) this.changedInRefresh++;
    for (const kind of kinds) this.book.journal(record, kind, at, kind === 'shelve' ? { ...fields, comment: after.shelve?.reason ?? '' } : fields);
  }

  private forget(record: AlarmRecord): void {
    this.targets.delete(record.id);
    this.pendingShelve.delete(record.id);
    this.book.remove(record);
  }

  private *mine(): Generator<AlarmRecord> {
    for (const record of this.book.all()) if (this.owns(record)) yield record;
  }
}

/** "OffNormalAlarmType" -> "OffNormalAlarm"; a NodeId the client could not name stays as it is. */
function shortType(eventType: string): string {
  return eventType.replace(/Type$/, '') || 'Condition';
}
