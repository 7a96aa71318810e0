import Database from 'better-sqlite3';
import { assertNever } from '../../shared/assert-never.js';
import type { MessagePort } from 'node:worker_threads';
import { HistoryReader } from './history-reader.js';
import type { FromReader, ReaderQuery, ReaderSettings, Series, ToReader } from './worker-protocol.js';

/** The reader thread: queries in arrival order on a connection of its own. */
export function runReader(port: MessagePort, settings: ReaderSettings): void {
  let reader: HistoryReader | null = null;
  let db: Database.Database | null = null;
  const post = (message: FromReader, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  port.on('message', (message: ToReader) => {
    if ('close' in message) {
      db?.close();
      port.close();
      return;
    }
    try {
      if (!reader) {
        db = new Database(settings.file, { fileMustExist: true });
        reader = new HistoryReader(db);
      }
      const value = answer(reader, message.query);
      post({ id: message.id, value }, Array.isArray(value) ? buffersOf(value as Series[]) : []);
    } catch (error) {
      post({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}

function answer(reader: HistoryReader, query: ReaderQuery) {
  switch (query.type) {
    case 'series':
      return reader.series(query.request);
    case 'events':
      return reader.events(query.log, query.query);
    default:
      return assertNever(query);
  }
}

/** Typed arrays move to the main thread instead of being copied. */
function buffersOf(series: readonly Series[]): ArrayBuffer[] {
  return series.flatMap((s) =>
    s.kind === 'buckets' ? [s.bucket.buffer, ...Object.values(s.rows).filter((v) => v instanceof Float64Array).map((v) => v.buffer)] : [s.time.buffer, s.value.buffer, s.status.buffer],
  ) as ArrayBuffer[];
}
