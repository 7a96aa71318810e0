import {
  ALARM_KPI_TARGETS as T, type AlarmCountKpi, type AlarmJournalEntry, type AlarmKpis, type AlarmPositionKpi, type AlarmView,
} from '../../shared/api/alarm-api.js';

/** An operator position (console) and the areas it answers for; no areas means the whole plant. */
export interface OperatorPosition {
  readonly name: string;
  readonly areas: readonly string[];
}

export interface KpiInput {
  readonly from: number;
  readonly to: number;
  /** Journal entries of the period, any order. */
  readonly entries: readonly AlarmJournalEntry[];
  /** The alarm list at the end of the period (for stale, shelved and suppressed now). */
  readonly current: readonly AlarmView[];
  readonly positions: readonly OperatorPosition[];
  readonly now: number;
}

const TEN_MIN = 600_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/**
 * The ISA-18.2 / EEMUA 191 alarm-system performance figures for a period,
 * from the journal: an alarm is one annunciated activation (a `raise`).
 */
export function computeAlarmKpis(input: KpiInput): AlarmKpis {
  const { from, to } = input;
  const raises = input.entries.filter((e) => e.kind === 'raise' && e.eventTime >= from && e.eventTime < to).sort((a, b) => a.eventTime - b.eventTime);
  const total = raises.length;
  const positions = input.positions.length > 0 ? input.positions : [{ name: 'All', areas: [] }];
  const floods = floodIntervals(raises.map((r) => r.eventTime), from, to);
  const floodMs = floods.reduce((sum, f) => sum + (f.end - f.start), 0);
  const counts = countBy(raises);
  const top = counts.slice(0, 10);
  const end = Math.min(to, input.now);
  return {
    from,
    to,
    totalAlarms: total,
    positions: positions.map((position) => positionKpi(position, raises, from, to)),
    floodMs,
    floodShare: floodMs / (to - from),
    floods,
    top,
    topShare: top.reduce((sum, c) => sum + c.share, 0),
    chattering: chattering(raises, counts),
    stale: input.current
      .filter((a) => a.active && a.activeTime !== null && end - a.activeTime > T.staleAfterMs)
      .map((a) => ({ alarmId: a.id, name: a.name, activeSince: a.activeTime ?? 0 })),
    shelveCount: input.entries.filter((e) => e.kind === 'shelve').length,
    suppressCount: input.entries.filter((e) => e.kind === 'suppress').length,
    shelvedNow: input.current.filter((a) => a.state === 'shelved').length,
    suppressedNow: input.current.filter((a) => a.state === 'suppressed').length,
    per10Min: buckets(raises, from, to, TEN_MIN),
    targets: T,
  };
}

function positionKpi(position: OperatorPosition, raises: readonly AlarmJournalEntry[], from: number, to: number): AlarmPositionKpi {
  const areas = new Set(position.areas);
  const mine = areas.size === 0 ? raises : raises.filter((r) => areas.has(r.area));
  const tens = buckets(mine, from, to, TEN_MIN);
  const hours = buckets(mine, from, to, HOUR);
  const maxOf = (list: readonly { count: number }[]) => list.reduce((max, b) => Math.max(max, b.count), 0);
  return {
    position: position.name,
    alarms: mine.length,
    per10MinAverage: (mine.length * TEN_MIN) / (to - from),
    per10MinMax: maxOf(tens),
    perHourAverage: (mine.length * HOUR) / (to - from),
    perHourMax: maxOf(hours),
    over10MinTargetShare: tens.length === 0 ? 0 : tens.filter((b) => b.count > T.manageablePer10Min).length / tens.length,
  };
}

/** Counts per interval, intervals aligned to the clock (10:00, 10:10, ...) and clipped to the period. */
function buckets(raises: readonly AlarmJournalEntry[], from: number, to: number, size: number): { start: number; count: number }[] {
  const first = Math.floor(from / size) * size;
  const result = Array.from({ length: Math.ceil((to - first) / size) }, (_, i) => ({ start: first + i * size, count: 0 }));
  for (const raise of raises) {
    const bucket = result[Math.floor((raise.eventTime - first) / size)];
    if (bucket) bucket.count++;
  }
  return result;
}

/**
 * A flood starts when 10 alarms have come within 10 minutes and ends when
 * fewer than 5 remain within the trailing 10 minutes (ISA-18.2 5.2 / EEMUA 191).
 * Walks arrivals and their departures 10 minutes later in time order.
 */
export function floodIntervals(times: readonly number[], from: number, to: number): { start: number; end: number; alarms: number }[] {
  const floods: { start: number; end: number; alarms: number }[] = [];
  let inWindow = 0;
  let next = 0; // next arrival
  let gone = 0; // next departure
  let current: { start: number; alarms: number } | null = null;
  while (next < times.length || gone < next) {
    const arrival = next < times.length ? times[next]! : Number.POSITIVE_INFINITY;
    const departure = gone < next ? times[gone]! + TEN_MIN : Number.POSITIVE_INFINITY;
    if (departure <= arrival) {
      // The window is (t - 10 min, t]: an alarm leaves it exactly 10 minutes later, before a new one counts.
      inWindow--;
      gone++;
      if (current !== null && inWindow < T.floodEndPer10Min) {
        floods.push({ start: current.start, end: Math.min(departure, to), alarms: current.alarms });
        current = null;
      }
    } else {
      inWindow++;
      next++;
      if (current !== null) current.alarms++;
      else if (inWindow >= T.floodPer10Min) current = { start: Math.max(arrival, from), alarms: inWindow };
    }
  }
  if (current !== null) floods.push({ start: current.start, end: to, alarms: current.alarms });
  return floods;
}

function countBy(raises: readonly AlarmJournalEntry[]): AlarmCountKpi[] {
  const counts = new Map<string, { name: string; count: number }>();
  for (const raise of raises) {
    const entry = counts.get(raise.alarmId);
    if (entry) entry.count++;
    else counts.set(raise.alarmId, { name: raise.name, count: 1 });
  }
  return [...counts]
    .map(([alarmId, { name, count }]) => ({ alarmId, name, count, share: count / raises.length }))
    .sort((a, b) => b.count - a.count || a.alarmId.localeCompare(b.alarmId));
}

/** Alarms activated 3 or more times within any one minute. */
function chattering(raises: readonly AlarmJournalEntry[], counts: readonly AlarmCountKpi[]): (AlarmCountKpi & { maxPerMinute: number })[] {
  const times = new Map<string, number[]>();
  for (const raise of raises) {
    const list = times.get(raise.alarmId);
    if (list) list.push(raise.eventTime);
    else times.set(raise.alarmId, [raise.eventTime]);
  }
  return counts.flatMap((count) => {
    const list = times.get(count.alarmId) ?? [];
    let max = 0;
    for (let end = 0, start = 0; end < list.length; end++) {
      while (list[end]! - list[start]! >= MINUTE) start++;
      max = Math.max(max, end - start + 1);
    }
    return max >= T.chatteringPerMinute ? [{ ...count, maxPerMinute: max }] : [];
  });
}
