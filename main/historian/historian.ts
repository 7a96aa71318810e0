import path from 'node:path';
import { assertNever } from '../../shared/assert-never.js';
import type { Log } from '../api/sample-source.js';
import { SampleColumns } from '../stream/sample-columns.js';
import { checkEventQuery, toEventRow, type EventLogEntry, type EventLogName, type EventLogPage, type EventLogQuery } from './event-log.js';
import { HealthState } from './health-state.js';
import { HistorianThread } from './historian-thread.js';
import type { FromReader, FromWriter, ReaderQuery, RetentionResult, RetentionSettings, Series, SeriesRequest, ToReader, ToWriter } from './worker-protocol.js';


/** The database file in the historian's folder; the audit trail lives in it too (main/audit/sqlite-audit-store.ts). */
export const HISTORY_DB_FILE = 'history.db';
export interface HistorianHealth {
  readonly ok: boolean;
  /** For the operator: what is wrong and what it costs, or where history goes. */
  readonly message: string;
}

export interface HistorianOptions {
  /** The history folder, `<userDataDir>/history`; the database is history.db in it. */
  readonly dir: string;
  /** The built worker bundle (historian-worker.js). */
  readonly workerEntry: string | URL;
  /** How often appended samples go to the database; at most this much is lost when the process is killed. */
  readonly flushIntervalMs?: number;
  readonly retention?: RetentionSettings;
  readonly retentionIntervalMs?: number;
  /** Samples held while the writer is busy or the disk is failing; beyond it samples are dropped and counted. */
  readonly maxBufferedSamples?: number;
  /** After a failed open, how long until the next batch tries again. */
  readonly reopenIntervalMs?: number;
  /** Reader threads (default 2): a trend's many tags are read in parallel. */
  readonly readerThreads?: number;
  /** Called when recording stops or resumes; the core shows a not-ok state as a system alarm. */
  readonly onHealth?: (health: HistorianHealth) => void;
  /** Something the operator must read once (a damaged database set aside); it is logged as well. */
  readonly onNotice?: (message: string) => void;
  readonly log?: Log;
}

/** What a project's historian section sets; `configure` applies a change while the historian runs. */
export interface HistorianConfig {
  readonly flushIntervalMs: number;
  readonly retention: RetentionSettings;
}

export interface HistorianStats {
  readonly appended: number;
  readonly written: number;
  readonly duplicates: number;
  readonly rejected: number;
  /** Never stored: the buffer was full, or the database could not be written. */
  readonly dropped: number;
  readonly buffered: number;
}

/** Batches handed to the writer and not yet committed; beyond this, samples wait in the buffer. */
const MAX_BATCHES_IN_FLIGHT = 2;

/**
 * The embedded historian, as the main thread sees it. `append` only copies
 * four numbers into columns; every flush interval the columns are handed
 * (transferred, not copied) to the writer thread, which stores them in one
 * transaction and hands them back for a later batch to fill. Queries go to reader threads. Nothing here blocks on disk.
 */
export class Historian {
  readonly file: string;
  // Declared before `ready`, whose initializer sets it.
  private resolveReady!: (health: HistorianHealth) => void;
  /** Settles once the writer has tried to open the database; never rejects. */
  readonly ready = new Promise<HistorianHealth>((resolve) => (this.resolveReady = resolve));
  private readonly writer: HistorianThread<ToWriter, FromWriter>;
  /** Started at the first query; a series request for many tags is split across them. */
  private readonly readers: (HistorianThread<ToReader, FromReader> | null)[];
  private readonly health: HealthState;
  private readonly keys = new Map<string, number>();
  private readonly maxBuffered: number;
  private timer: ReturnType<typeof setInterval>;
  private config: HistorianConfig;
  private batch = new SampleColumns();
  /** Columns the writer has handed back, filled again by a later batch. */
  private spare: SampleColumns | null = null;
  private lastBatch: Promise<unknown> = Promise.resolve();
  private inFlight = 0;
  private dbOpen = false;
  private disposed = false;
  private counts = { appended: 0, written: 0, duplicates: 0, rejected: 0, droppedHere: 0, droppedByWriter: 0 };

  constructor(private readonly options: HistorianOptions) {
    this.file = path.join(options.dir, HISTORY_DB_FILE);
    this.maxBuffered = options.maxBufferedSamples ?? 1_000_000;
    this.readers = Array.from({ length: Math.max(1, options.readerThreads ?? 2) }, () => null);
    this.health = new HealthState((health) => {
      options.onHealth?.(health);
      options.log?.(health.ok ? 'info' : 'error', health.message);
    });
    this.config = { flushIntervalMs: options.flushIntervalMs ?? 1000, retention: options.retention ?? {} };
    const settings = { role: 'writer', file: this.file, retention: this.config.retention, retentionIntervalMs: options.retentionIntervalMs ?? 60_000, reopenIntervalMs: options.reopenIntervalMs ?? 30_000 } as const;
    this.writer = new HistorianThread(options.workerEntry, settings, (message) => this.fromWriter(message), (error) => {
      if (this.disposed) return;
      this.health.setWriter({ ok: false, message: `History is not being recorded: the history writer stopped${error ? ` (${error})` : ''}` });
      this.resolveReady(this.health.current());
    });
    this.timer = this.flushTimer();
  }

  /**
   * Applies changed settings without a restart: the next flush follows the
   * new interval, and the writer takes the new retention and enforces it at
   * once (a lowered limit frees the disk now, not at the next round).
   * Resolves when the writer has the settings; unchanged settings cost nothing.
   */
  async configure(config: HistorianConfig): Promise<void> {
    if (this.disposed) return;
    const previous = this.config;
    this.config = config;
    if (config.flushIntervalMs !== previous.flushIntervalMs) {
      clearInterval(this.timer);
      this.timer = this.flushTimer();
    }
    if (JSON.stringify(config.retention) !== JSON.stringify(previous.retention) && this.writer.running) {
      await this.writer.request((id) => ({ type: 'retention-settings', id, retention: config.retention }));
    }
  }

  /** Keys for `append`, one per tag id (TagInfo.id), stable for this Historian's life. */
  registerTags(tagIds: readonly string[]): number[] {
    const added: string[] = [];
    const firstKey = this.keys.size;
    const keys = tagIds.map((tagId) => {
      if (typeof tagId !== 'string' || tagId.length === 0 || tagId.length > 512) throw new Error(`registerTags: ${JSON.stringify(tagId)} is not a tag id (1 to 512 characters)`);
      let key = this.keys.get(tagId);
      if (key === undefined) {
        key = this.keys.size;
        this.keys.set(tagId, key);
        added.push(tagId);
      }
      return key;
    });
    if (added.length > 0) this.writer.post({ type: 'tags', firstKey, names: added });
    return keys;
  }

  /** The hot path: no allocation, no I/O. */
  append(tagKey: number, time: number, value: number, status: number): void {
    if (this.batch.count >= this.maxBuffered || this.disposed) {
      this.counts.droppedHere++;
      if (!this.disposed) this.health.setBehind(true, this.counts.droppedHere + this.counts.droppedByWriter);
      return;
    }
    this.counts.appended++;
    this.batch.append(tagKey, time, value, status);
  }

  /** Hands over what is buffered and resolves once everything appended so far is committed (or dropped). */
  flush(): Promise<void> {
    return this.send(true).then(() => undefined);
  }

  /** Each reader thread takes a contiguous share of the tags; the answer keeps the request's order. */
  async readSeries(request: SeriesRequest): Promise<Series[]> {
    const share = Math.ceil(request.tagIds.length / this.readers.length);
    const parts = this.readers.map((_, slot) => {
      const tagIds = request.tagIds.slice(slot * share, (slot + 1) * share);
      return tagIds.length === 0 ? [] : (this.query({ type: 'series', request: { ...request, tagIds } }, slot) as Promise<Series[]>);
    });
    return (await Promise.all(parts)).flat();
  }

  appendJournal(entry: EventLogEntry): Promise<number> {
    return this.appendEvent('journal', 'appendJournal', entry);
  }

  queryJournal(query: EventLogQuery): Promise<EventLogPage> {
    return this.queryEvents('journal', 'queryJournal', query);
  }

  appendAudit(entry: EventLogEntry): Promise<number> {
    return this.appendEvent('audit', 'appendAudit', entry);
  }

  queryAudit(query: EventLogQuery): Promise<EventLogPage> {
    return this.queryEvents('audit', 'queryAudit', query);
  }

  /** Runs retention now (it also runs every retentionIntervalMs). */
  enforceRetention(): Promise<RetentionResult> {
    return this.writer.request((id) => ({ type: 'retention', id }));
  }

  currentHealth(): HistorianHealth {
    return this.health.current();
  }

  stats(): HistorianStats {
    const { appended, written, duplicates, rejected, droppedHere, droppedByWriter } = this.counts;
    return { appended, written, duplicates, rejected, dropped: droppedHere + droppedByWriter, buffered: this.batch.count };
  }

  /** True while any of its threads runs. */
  get running(): boolean {
    return this.writer.running || this.readers.some((reader) => reader?.running);
  }

  /** Flushes, closes the database and ends every thread. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    clearInterval(this.timer);
    await this.flush().catch(() => undefined);
    this.disposed = true;
    const readers = this.readers.filter((reader) => reader !== null);
    for (const reader of readers) reader.post({ id: 0, close: true });
    await Promise.all(readers.map((reader) => reader.exited()));
    if (this.writer.running) await this.writer.request((id) => ({ type: 'close', id })).catch(() => undefined);
    await Promise.all([this.writer, ...readers].map((thread) => thread.terminate()));
  }

  private flushTimer(): ReturnType<typeof setInterval> {
    const timer = setInterval(() => void this.send(false), this.config.flushIntervalMs);
    timer.unref();
    return timer;
  }

  private async appendEvent(log: EventLogName, method: string, entry: EventLogEntry): Promise<number> {
    const row = toEventRow(method, entry);
    return this.writer.request((id) => ({ type: 'append', id, log, entry: row }));
  }

  private async queryEvents(log: EventLogName, method: string, query: EventLogQuery): Promise<EventLogPage> {
    checkEventQuery(method, query);
    return this.query({ type: 'events', log, query }) as Promise<EventLogPage>;
  }

  private send(force: boolean): Promise<unknown> {
    const batch = this.batch;
    if (batch.count === 0 || this.disposed) return this.lastBatch;
    if (!force && this.inFlight >= MAX_BATCHES_IN_FLIGHT) return this.lastBatch;
    this.batch = this.nextColumns(batch.count);
    if (!this.writer.running) {
      this.counts.droppedHere += batch.count;
      return this.lastBatch;
    }
    const { count, tag, time, value, status } = batch;
    this.inFlight++;
    // SampleColumns owns plain ArrayBuffers, never shared ones.
    const transfer = [tag.buffer, time.buffer, value.buffer, status.buffer] as ArrayBuffer[];
    const { id, reply } = this.writer.replies.open();
    this.writer.post({ type: 'batch', id, batch: { count, tag, time, value, status } }, transfer);
    this.lastBatch = reply.catch(() => undefined);
    return this.lastBatch;
  }

  /** The writer's handed-back columns when they fit a batch like the last one, else new ones. */
  private nextColumns(lastCount: number): SampleColumns {
    const spare = this.spare;
    this.spare = null;
    // After a burst (a writer stalled on disk), columns far too big go, rather than hold that memory for good.
    if (spare && spare.capacity >= lastCount && spare.capacity <= 4 * Math.max(1024, lastCount)) return spare;
    // A quarter more than the last batch: one a little bigger must not double every column (a copy of it all).
    return new SampleColumns(Math.max(1024, Math.ceil(lastCount * 1.25)));
  }

  private fromWriter(message: FromWriter): void {
    switch (message.type) {
      case 'opened':
        this.dbOpen ||= message.ok;
        this.health.setWriter({ ok: message.ok, message: message.message });
        return this.resolveReady(this.health.current());
      case 'health':
        return this.health.setWriter({ ok: message.ok, message: message.message });
      case 'log':
        return this.options.log?.(message.level, message.message);
      case 'notice':
        this.options.log?.('error', message.message);
        return this.options.onNotice?.(message.message);
      case 'batch': {
        this.inFlight--;
        const { result } = message;
        const returned = SampleColumns.reusing(message.columns);
        if (returned && returned.capacity > (this.spare?.capacity ?? 0)) this.spare = returned;
        if (result) {
          this.counts.written += result.written;
          this.counts.duplicates += result.duplicates;
          this.counts.rejected += result.rejected;
        }
        this.counts.droppedByWriter = message.dropped;
        if (this.batch.count < this.maxBuffered) this.health.setBehind(false, 0);
        return this.writer.replies.settle(message.id, undefined, undefined);
      }
      case 'reply':
        return this.writer.replies.settle(message.id, message.value, message.error);
      default:
        return assertNever(message);
    }
  }

  private async query(query: ReaderQuery, slot = 0): Promise<unknown> {
    const health = await this.ready;
    if (!this.dbOpen) throw new Error(`history is unavailable: ${health.message}`);
    if (this.disposed) throw new Error('history is closed');
    const reader = (this.readers[slot] ??= new HistorianThread<ToReader, FromReader>(
      this.options.workerEntry,
      { role: 'reader', file: this.file },
      (message) => this.readers[slot]?.replies.settle(message.id, message.value, message.error),
      () => (this.readers[slot] = null),
    ));
    return reader.request((id) => ({ id, query }));
  }
}
