import type { AlarmActionResult } from '../../shared/api/alarm-api.js';
import { newRecord, type AlarmBook, type AlarmRecord } from './alarm-book.js';
import type { AlarmClock } from './deadline-queue.js';
import { transition, type AlarmBehaviour, type AlarmInput } from './alarm-state-machine.js';

/** Acknowledged like any alarm, never latched and with no confirm: the station clears it when its cause is gone. */
const BEHAVIOUR: AlarmBehaviour = { latching: false, confirm: false };

/**
 * The station's own alarms (the historian cannot write, a database was set
 * aside): raised and cleared by main, not by a tag, so they sit in the same
 * list the operator watches. They cannot be shelved or taken out of service:
 * the way to quiet one is to fix what it says.
 */
export class SystemAlarms {
  private readonly records = new Map<string, AlarmRecord>();

  constructor(
    private readonly book: AlarmBook,
    private readonly clock: AlarmClock,
  ) {}

  /** Raises (or re-raises with a new message) the alarm `id`; a standing alarm keeps its state and takes the message. */
  raise(id: string, name: string, message: string): void {
    const now = this.clock.now();
    let record = this.records.get(id);
    if (record === undefined) {
      record = newRecord({
        id: `system:${id}`, origin: 'system', connectionId: null, name, tagId: null, sourceName: 'Tidewatch', area: 'System',
        kind: 'SYSTEM', guidance: '', priority: 'high', severity: null, message, limit: null,
      }, now);
      this.records.set(id, record);
      this.book.add(record);
    }
    if (record.status.condition) {
      if (record.message === message) return;
      record.message = message;
      this.book.changed(record);
      return;
    }
    record.message = message;
    this.apply(record, { type: 'condition', active: true }, now, '');
  }

  clear(id: string): void {
    const record = this.records.get(id);
    if (record?.status.condition) this.apply(record, { type: 'condition', active: false }, this.clock.now(), '');
  }

  owns(record: AlarmRecord): boolean {
    return this.records.get(record.id.slice('system:'.length)) === record;
  }

  act(record: AlarmRecord, action: 'ack', user: string, comment: string): AlarmActionResult {
    const refusal = this.apply(record, { type: action }, this.clock.now(), user, comment);
    return { id: record.id, ok: refusal === null, status: null, message: refusal ?? 'Good' };
  }

  private apply(record: AlarmRecord, input: AlarmInput, time: number, user: string, comment = ''): string | null {
    const result = transition(record.status, input, BEHAVIOUR);
    if (!result.ok) return result.reason;
    this.book.setStatus(record, result.status, time);
    if (input.type === 'ack') this.book.journal(record, 'ack', time, { user, comment, source: 'system' });
    if (result.raised) this.book.journal(record, 'raise', time, { source: 'system' });
    if (result.cleared) this.book.journal(record, 'clear', time, { source: 'system' });
    return null;
  }
}
