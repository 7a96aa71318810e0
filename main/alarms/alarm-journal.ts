import type { AlarmJournalEntry, AlarmJournalPage } from '../../shared/api/alarm-api.js';

export interface JournalQuery {
  readonly from: number;
  readonly to: number;
  readonly text?: string;
  readonly limit: number;
}

/**
 * Where alarm transitions are recorded. `append` is called on the alarm path
 * and must not block it (a durable store batches its writes); `query` returns
 * the newest entries first, by event time in [from, to).
 */
export interface AlarmJournal {
  append(entry: AlarmJournalEntry): void;
  query(query: JournalQuery): Promise<AlarmJournalPage>;
}

export function matchesText(entry: AlarmJournalEntry, needle: string): boolean {
  if (needle === '') return true;
  const haystack = `${entry.name}\n${entry.message}\n${entry.comment}\n${entry.source}\n${entry.user}\n${entry.alarmId}\n${entry.kind}`;
  return haystack.toLowerCase().includes(needle.toLowerCase());
}

/**
 * The journal in memory, bounded: for tests, and for a session whose
 * historian could not start (the operator still sees what happened since).
 */
export class MemoryAlarmJournal implements AlarmJournal {
  private entries: AlarmJournalEntry[] = [];

  constructor(private readonly capacity = 100_000) {}

  get size(): number {
    return this.entries.length;
  }

  append(entry: AlarmJournalEntry): void {
    this.entries.push(entry);
    // Drop the oldest tenth at once, so trimming costs nothing per entry.
    if (this.entries.length > this.capacity) this.entries = this.entries.slice(Math.ceil(this.capacity / 10));
  }

  async query(query: JournalQuery): Promise<AlarmJournalPage> {
    const found: AlarmJournalEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0 && found.length <= query.limit; i--) {
      const entry = this.entries[i]!;
      if (entry.eventTime >= query.from && entry.eventTime < query.to && matchesText(entry, query.text ?? '')) found.push(entry);
    }
    // Appended in receive order; event times of OPC UA conditions may arrive out of order.
    found.sort((a, b) => b.eventTime - a.eventTime);
    return { entries: found.slice(0, query.limit), truncated: found.length > query.limit };
  }
}

/**
 * The historian's journal table (main/historian/event-log.ts), as far as
 * alarms use it: indexed time / kind / subject / user / text columns and a
 * JSON payload returned exactly as given. Structural, so the Historian itself fits.
 */
export interface EventJournalStore {
  appendJournal(entry: { time: number; kind: string; subject?: string; user?: string; text?: string; payload?: unknown }): Promise<unknown> | void;
  queryJournal(query: { from?: number; to?: number; text?: string; kind?: string; limit: number }): Promise<{
    readonly entries: readonly { readonly payload: unknown }[];
    readonly truncated: boolean;
  }>;
}

/** Every alarm entry shares one kind, so the table's exact kind index pages alarm entries alone. */
export const ALARM_JOURNAL_KIND = 'alarm';

/**
 * Alarm entries in the historian's journal: time = event time, kind = "alarm",
 * subject = the alarm id (or the connection, for connection-wide entries),
 * user, text = what the operator searches (the transition, name, message,
 * comment), payload = the whole AlarmJournalEntry.
 */
export function historianAlarmJournal(store: EventJournalStore, onError: (error: unknown) => void): AlarmJournal {
  return {
    append(entry) {
      try {
        const written = store.appendJournal({
          time: entry.eventTime,
          kind: ALARM_JOURNAL_KIND,
          subject: entry.alarmId || entry.source,
          user: entry.user,
          text: [entry.kind, entry.name, entry.message, entry.comment].filter((part) => part !== '').join(' | '),
          payload: entry,
        });
        if (written instanceof Promise) written.catch(onError);
      } catch (error) {
        onError(error);
      }
    },
    async query(query) {
      const page = await store.queryJournal({ from: query.from, to: query.to, kind: ALARM_JOURNAL_KIND, limit: query.limit, ...(query.text ? { text: query.text } : {}) });
      return { entries: page.entries.map((row) => row.payload as AlarmJournalEntry), truncated: page.truncated };
    },
  };
}
