import type { HistorySeries } from '../../../shared/contract.js';
import { qualityOf, statusText } from '../../../shared/status-code.js';
import type { SampleSeries } from '../live/sample-series.js';
import { firstIndexAtOrAfter } from './first-index-at-or-after.js';

export interface CsvPen {
  readonly tagId: string;
  readonly unit: string;
  readonly series: SampleSeries | undefined;
  /** Raw history older than the samples in memory, oldest first. */
  readonly history: HistorySeries | undefined;
}

const HEADER = 'time,tag,value,unit,quality,status,source\n';
/** Rows per string chunk: a Blob of chunks avoids one giant string for millions of samples. */
const ROWS_PER_CHUNK = 10_000;

/**
 * Every sample of the pens in [from, to], one row each with its own timestamp (pens are not
 * resampled onto a shared clock), merged in time order. Each pen starts with the value in force
 * at `from`, its last report before it: values hold until the next report, so without it a
 * steady signal would be missing from the file. Gap markers appear as the rows they are.
 */
export function trendCsv(pens: readonly CsvPen[], from: number, to: number): string[] {
  const cursors = pens.map((pen) => new PenCursor(pen, from, to));
  const chunks: string[] = [HEADER];
  let rows: string[] = [];
  for (;;) {
    let next: PenCursor | undefined;
    for (const cursor of cursors) if (cursor.time <= to && (next === undefined || cursor.time < next.time)) next = cursor;
    if (next === undefined) break;
    rows.push(next.row());
    next.advance();
    if (rows.length === ROWS_PER_CHUNK) {
      chunks.push(rows.join(''));
      rows = [];
    }
  }
  if (rows.length > 0) chunks.push(rows.join(''));
  return chunks;
}

/** Walks one pen's history (older than memory) then its samples in memory. */
class PenCursor {
  #historyIndex: number;
  #index: number;
  readonly #historyEnd: number;

  constructor(
    readonly pen: CsvPen,
    from: number,
    readonly to: number,
  ) {
    const series = pen.series;
    const oldestHeld = series !== undefined && series.length > 0 ? series.timeAt(0) : Number.POSITIVE_INFINITY;
    const time = pen.history?.time ?? [];
    const held = series === undefined ? 0 : firstIndexAtOrAfter(series, from);
    this.#historyEnd = time.findIndex((t) => t >= oldestHeld);
    if (this.#historyEnd < 0) this.#historyEnd = time.length;
    if (held > 0) {
      // Memory reaches back past `from`: its report before `from` is the value in force, history is not needed.
      this.#index = held - 1;
      this.#historyIndex = this.#historyEnd;
    } else {
      this.#index = 0;
      const after = time.findIndex((t) => t >= from);
      const first = after < 0 ? time.length : after;
      this.#historyIndex = first > 0 && first - 1 < this.#historyEnd ? first - 1 : first;
    }
  }

  get #inHistory(): boolean {
    return this.#historyIndex < this.#historyEnd;
  }

  get time(): number {
    if (this.#inHistory) return this.pen.history!.time[this.#historyIndex]!;
    const series = this.pen.series;
    return series !== undefined && this.#index < series.length ? series.timeAt(this.#index) : Number.POSITIVE_INFINITY;
  }

  row(): string {
    const { pen } = this;
    if (this.#inHistory) {
      const h = pen.history!;
      return line(h.time[this.#historyIndex]!, pen, h.value[this.#historyIndex]!, h.status[this.#historyIndex]!, 'history');
    }
    const s = pen.series!;
    return line(s.timeAt(this.#index), pen, s.valueAt(this.#index), s.statusAt(this.#index), 'memory');
  }

  advance(): void {
    if (this.#inHistory) this.#historyIndex++;
    else this.#index++;
  }
}

function line(time: number, pen: CsvPen, value: number, status: number, source: string): string {
  const quality = qualityOf(status);
  return `${localIso(time)},${text(pen.tagId)},${String(value)},${text(pen.unit)},${quality},${statusText(status)},${source}\n`;
}

/** Quotes what needs quoting, and defuses text a spreadsheet would run as a formula. */
function text(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Local time with its UTC offset: what the operator saw, and still unambiguous. */
export function localIso(ms: number): string {
  const date = new Date(ms);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:` +
    `${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}
