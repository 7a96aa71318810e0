import type Database from 'better-sqlite3';
import type { MessagePort } from 'node:worker_threads';
import { assertNever } from '../../shared/assert-never.js';
import { appendEvent } from './event-log.js';
import { HistoryWriter } from './history-writer.js';
import { openHistoryDb } from './open-history-db.js';
import { enforceRetention } from './retention.js';
import type { BatchColumns, BatchResult, FromWriter, RetentionResult, ToWriter, WriterSettings } from './worker-protocol.js';

/**
 * The writer thread: owns the only write connection. When the database
 * cannot be opened or written (read-only folder, full disk), it says so once,
 * drops the batches it is given (counting them) and tries again later, so
 * the app keeps running live and memory stays bounded.
 */
export function runWriter(port: MessagePort, settings: WriterSettings): void {
  const { file } = settings;
  let retentionSettings = settings.retention;
  let retentionTimer: ReturnType<typeof setInterval> | null = null;
  const tagMessages: { firstKey: number; names: readonly string[] }[] = [];
  let db: Database.Database | null = null;
  let writer: HistoryWriter | null = null;
  let problem: string | null = null;
  let lastOpenAttempt = 0;
  let dropped = 0;
  let closing = false;
  let retention: Promise<RetentionResult> | null = null;
  const post = (message: FromWriter) => port.postMessage(message);
  const handBack = (id: number, batch: BatchColumns, result: BatchResult | null) => {
    const { tag, time, value, status } = batch;
    // The writer keeps nothing of a batch once written (groupByTag copies it), so its buffers can go back.
    port.postMessage({ type: 'batch', id, result, dropped, columns: batch } satisfies FromWriter, [tag.buffer, time.buffer, value.buffer, status.buffer] as ArrayBuffer[]);
  };

  const health = (next: string | null) => {
    if (next === problem) return;
    problem = next;
    post({ type: 'health', ok: next === null, message: next ?? `History is being recorded again in ${file}` });
  };

  const open = (): boolean => {
    lastOpenAttempt = Date.now();
    try {
      const opened = openHistoryDb(file, new Date());
      db = opened.db;
      writer = new HistoryWriter(db);
      for (const { firstKey, names } of tagMessages) writer.addTags(firstKey, names);
      for (const notice of opened.notices) post({ type: 'notice', message: notice });
      post({ type: 'opened', ok: true, message: `History is recorded in ${file}` });
      return true;
    } catch (error) {
      const message = `History is not being recorded: cannot open ${file}: ${describe(error)}`;
      if (problem === null) post({ type: 'opened', ok: false, message });
      problem = message;
      return false;
    }
  };

  const runRetention = (): Promise<RetentionResult> => {
    if (!db) return Promise.reject(new Error(problem ?? 'history is closed'));
    retention ??= enforceRetention({
      db,
      settings: retentionSettings,
      now: Date.now(),
      pause: () => new Promise((resolve) => setImmediate(() => resolve(!closing))),
      log: (message) => post({ type: 'log', level: 'warning', message }),
    }).finally(() => (retention = null));
    return retention;
  };

  const hasRetention = () => Object.values(retentionSettings).some((v) => v !== undefined);
  function retainInBackground(): void {
    if (db && !retention && hasRetention()) runRetention().catch((error: unknown) => health(`History retention failed: ${describe(error)}`));
  }
  function scheduleRetention(): void {
    if (retentionTimer) clearInterval(retentionTimer);
    retentionTimer = null;
    if (!hasRetention()) return;
    retentionTimer = setInterval(retainInBackground, settings.retentionIntervalMs);
    retentionTimer.unref();
  }

  const handle = async (message: ToWriter): Promise<void> => {
    switch (message.type) {
      case 'tags':
        tagMessages.push({ firstKey: message.firstKey, names: message.names });
        writer?.addTags(message.firstKey, message.names);
        return;
      case 'batch': {
        if (!writer && Date.now() - lastOpenAttempt >= settings.reopenIntervalMs) open();
        const { id, batch } = message;
        if (!writer) {
          dropped += batch.count;
          return handBack(id, batch, null);
        }
        try {
          const result = writer.writeBatch(batch);
          health(null);
          return handBack(id, batch, result);
        } catch (error) {
          dropped += batch.count;
          health(`History is not being recorded: ${describe(error)} (${file}); samples are being dropped`);
          return handBack(id, batch, null);
        }
      }
      case 'append':
        if (!db) throw new Error(problem ?? 'history is closed');
        return post({ type: 'reply', id: message.id, value: appendEvent(db, message.log, message.entry) });
      case 'retention':
        return post({ type: 'reply', id: message.id, value: await runRetention() });
      case 'retention-settings':
        // A run in progress finishes with the old settings; the next one, started now, has the new.
        await retention?.catch(() => undefined);
        if (closing) return post({ type: 'reply', id: message.id });
        retentionSettings = message.retention;
        scheduleRetention();
        post({ type: 'reply', id: message.id });
        return retainInBackground();
      case 'close':
        closing = true;
        if (retentionTimer) clearInterval(retentionTimer);
        await retention?.catch(() => undefined);
        db?.close();
        db = writer = null;
        post({ type: 'reply', id: message.id });
        return port.close();
      default:
        return assertNever(message);
    }
  };

  port.on('message', (message: ToWriter) => {
    handle(message).catch((error: unknown) => {
      if ('id' in message) post({ type: 'reply', id: message.id, error: describe(error) });
    });
  });

  open();
  scheduleRetention();
}

/** SQLite's codes in words an operator can act on. */
function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code !== 'string') return message;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return `the disk is full (${message})`;
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return `the folder or file is read-only (${message})`;
  if (code.startsWith('SQLITE_CANTOPEN')) return `the file cannot be opened (${message})`;
  if (code.startsWith('SQLITE_IOERR')) return `the disk reported an I/O error (${message})`;
  return message.startsWith(code) ? message : `${code}: ${message}`;
}
