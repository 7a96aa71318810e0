import { statusText } from '../../shared/status-code.js';
import type { Historian } from './historian.js';
import { ROLLUP_LEVELS_MS } from './rollup-plan.js';
import type { BucketSeries, RawSeries } from './worker-protocol.js';

export interface HistoryCsvRequest {
  readonly tagIds: readonly string[];
  /** ms, inclusive. */
  readonly from: number;
  /** ms, exclusive. */
  readonly to: number;
  /**
   * 0: every stored sample. Otherwise one row per interval of this many ms,
   * aligned to multiples of it since 1970 UTC (a 1 h interval starts on the
   * hour), widened to whole intervals; each interval aggregates exactly its
   * own samples.
   */
  readonly intervalMs: number;
}

type Reader = Pick<Historian, 'readSeries'>;

const RAW_ROWS_PER_READ = 10_000;
const INTERVALS_PER_READ = 2_000;
/** Rollup rows (or seconds of raw samples) one read may cover per tag, whatever the interval: bounds a read's memory. */
const CELLS_PER_READ = 200_000;
const LINES_PER_CHUNK = 1_000;
export const AGGREGATE_COLUMNS = ['avg', 'min', 'max', 'first', 'last', 'samples', 'bad'] as const;

/**
 * History as CSV for a spreadsheet, streamed in chunks of lines. Wide: one
 * column per tag (and statistic), one row per time, because that is what
 * opens in Excel as a table ready to chart; the long format (time, tag,
 * value) would need a pivot table first. Raw rows merge the tags' times, so
 * a tag without a sample at a row's time leaves its cells empty.
 * A UTF-8 byte-order mark makes Excel read non-ASCII tag names correctly;
 * times come as local "YYYY-MM-DD hh:mm:ss.sss" (Excel reads it as a date)
 * and as UTC ISO 8601, which a daylight-saving change cannot make ambiguous.
 */
export async function* historyCsv(historian: Reader, request: HistoryCsvRequest): AsyncGenerator<string> {
  if (request.intervalMs > 0) yield* aggregatedCsv(historian, request);
  else yield* rawCsv(historian, request);
}

async function* rawCsv(historian: Reader, { tagIds, from, to }: HistoryCsvRequest): AsyncGenerator<string> {
  const header = ['Time', 'UTC', ...tagIds.flatMap((tag) => [tag, `${tag} status`])];
  let lines = [`\uFEFF${csvLine(header.map(textCell))}`];
  const cursors = tagIds.map((tagId) => ({ tagId, rows: null as RawSeries | null, at: 0, next: from, more: true }));
  const current = async (c: (typeof cursors)[number]): Promise<number> => {
    if (c.rows && c.at < c.rows.time.length) return c.rows.time[c.at]!;
    if (!c.more) return Number.POSITIVE_INFINITY;
    const [series] = await historian.readSeries({ tagIds: [c.tagId], from: c.next, to, buckets: 0, rawLimit: RAW_ROWS_PER_READ, exact: false });
    c.rows = series as RawSeries;
    c.at = 0;
    c.more = c.rows.truncated;
    // Times are whole ms and unique per tag: the next read starts just after this one's last.
    c.next = (c.rows.time[c.rows.time.length - 1] ?? to) + 1;
    return c.rows.time.length > 0 ? c.rows.time[0]! : Number.POSITIVE_INFINITY;
  };
  for (;;) {
    const times = await Promise.all(cursors.map(current));
    const t = Math.min(...times);
    if (t === Number.POSITIVE_INFINITY) break;
    const cells = [...timeCells(t)];
    cursors.forEach((c, i) => {
      if (times[i] !== t) return void cells.push('', '');
      cells.push(numberCell(c.rows!.value[c.at]!), statusText(c.rows!.status[c.at]!));
      c.at++;
    });
    lines.push(csvLine(cells));
    if (lines.length >= LINES_PER_CHUNK) {
      yield lines.join('');
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join('');
}

async function* aggregatedCsv(historian: Reader, { tagIds, from, to, intervalMs }: HistoryCsvRequest): AsyncGenerator<string> {
  const header = ['Interval start', 'UTC', ...tagIds.flatMap((tag) => AGGREGATE_COLUMNS.map((column) => `${tag} ${column}`))];
  yield `\uFEFF${csvLine(header.map(textCell))}`;
  const start = Math.floor(from / intervalMs) * intervalMs;
  const end = Math.ceil(to / intervalMs) * intervalMs;
  const span = intervalsPerRead(intervalMs) * intervalMs;
  for (let chunk = start; chunk < end; chunk += span) {
    const chunkEnd = Math.min(end, chunk + span);
    const buckets = (chunkEnd - chunk) / intervalMs;
    const series = (await historian.readSeries({ tagIds, from: chunk, to: chunkEnd, buckets, rawLimit: 0, exact: true })) as BucketSeries[];
    const at = series.map(() => 0);
    const lines: string[] = [];
    for (let b = 0; b < buckets; b++) {
      if (!series.some((s, i) => s.bucket[at[i]!] === b)) continue;
      const cells = [...timeCells(chunk + b * intervalMs)];
      series.forEach((s, i) => {
        const row = at[i]!;
        if (s.bucket[row] !== b) return void cells.push(...AGGREGATE_COLUMNS.map(() => ''));
        at[i] = row + 1;
        const { rows } = s;
        const good = rows.good[row]!;
        const count = rows.count[row]!;
        const ifGood = (v: number) => (good > 0 ? numberCell(v) : '');
        cells.push(ifGood(rows.sum[row]! / good), ifGood(rows.minV[row]!), ifGood(rows.maxV[row]!), numberCell(rows.firstV[row]!), numberCell(rows.lastV[row]!), String(count), String(count - good));
      });
      lines.push(csvLine(cells));
    }
    if (lines.length > 0) yield lines.join('');
  }
}

/**
 * The interval for about `buckets` rows over [from, to): the width rounded up
 * to a whole multiple of the widest rollup level it holds, so the rows come
 * from rollups rather than every raw sample. Rows are aligned as any
 * interval's, so there may be one more than asked.
 */
export function intervalForBuckets(from: number, to: number, buckets: number): number {
  const width = Math.max(1, Math.ceil((to - from) / buckets));
  const level = widestLevel((l) => l <= width);
  return level === undefined ? width : Math.ceil(width / level) * level;
}

/** An interval that no rollup level divides is read from raw samples: fewer intervals per read, then. */
function intervalsPerRead(intervalMs: number): number {
  const tile = widestLevel((level) => intervalMs % level === 0) ?? ROLLUP_LEVELS_MS[0];
  return Math.max(1, Math.min(INTERVALS_PER_READ, Math.floor((CELLS_PER_READ * tile) / intervalMs)));
}

function widestLevel(fits: (level: number) => boolean): number | undefined {
  return ROLLUP_LEVELS_MS.findLast(fits);
}

function timeCells(time: number): [string, string] {
  const d = new Date(time);
  const two = (n: number) => String(n).padStart(2, '0');
  const local = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
  return [local, d.toISOString()];
}

export function numberCell(value: number): string {
  return Number.isNaN(value) ? '' : String(value);
}

/**
 * A text cell as a spreadsheet will not misread it: quoted when it holds a
 * separator, quote or line break, and a leading = + - @ defused with an
 * apostrophe so a tag name from a server cannot run as a formula.
 */
export function textCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvLine(cells: readonly string[]): string {
  return `${cells.join(',')}\r\n`;
}
