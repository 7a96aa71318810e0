import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusCode, qualityOf } from '../../shared/status-code.js';
import { Historian } from '../../main/historian/historian.js';
import { HistoryService } from '../../main/historian/history-service.js';
import { bucketIndex } from '../../main/historian/rollup-plan.js';
import type { BucketSeries, RawSeries } from '../../main/historian/worker-protocol.js';
import { historianWorkerEntry, seededRandom, tempDir } from './historian-support.js';

// Query correctness against brute force: a seeded random plant (fast, slow,
// bursty, flaky and resent tags) goes through the real historian, then every
// answer is recomputed from the samples kept in memory here.

interface Sample {
  t: number;
  v: number;
  s: number;
}

/** A sample as sent: `at` is when it arrives, later than `t` for a resent or late one. */
interface Sent extends Sample {
  at: number;
}

const SEED = 20261105;
const BASE = Date.UTC(2026, 10, 5, 6, 0, 0) + 123_457;
const SPAN_MS = 2 * 3_600_000;
const TAGS = ['plant/Fast', 'plant/Slow', 'plant/Bursty', 'plant/Flaky', 'plant/Resent', 'plant/Empty'];

/** What each tag sends, in arrival order (resends and late samples included). */
function generate(random: () => number): Map<string, Sent[]> {
  const sent = new Map<string, Sent[]>(TAGS.map((tag) => [tag, []]));
  const push = (tag: string, t: number, v: number, s = 0, at = t) => sent.get(tag)!.push({ t: Math.round(t), v, s, at });
  // 50 Hz with jitter and rare single-sample spikes far outside the band.
  for (let t = BASE; t < BASE + SPAN_MS; t += 18 + random() * 4) push('plant/Fast', t, random() < 0.0005 ? (random() < 0.5 ? -1000 : 1000) : Math.sin(t / 60_000) * 10 + random());
  for (let t = BASE; t < BASE + SPAN_MS; t += 1000) push('plant/Slow', t, Math.round(random() * 100) / 4);
  // Silent for minutes, then a burst at 100 Hz: empty buckets and cells of every size.
  for (let t = BASE; t < BASE + SPAN_MS; t += 60_000 + random() * 600_000) {
    for (let k = 0; k < 50 + random() * 2000; k++) push('plant/Bursty', t + k * 10, random() * 5);
  }
  // 10 Hz with bad stretches (value kept, status bad), NaN and infinite values and uncertain ones.
  let bad = false;
  for (let t = BASE; t < BASE + SPAN_MS; t += 100) {
    if (random() < 0.002) bad = !bad;
    const r = random();
    if (bad) push('plant/Flaky', t, 999, StatusCode.BadNoCommunication);
    else if (r < 0.01) push('plant/Flaky', t, Number.NaN, 0);
    else if (r < 0.012) push('plant/Flaky', t, r < 0.011 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY, 0);
    else if (r < 0.03) push('plant/Flaky', t, r * 100, StatusCode.UncertainLastUsableValue);
    else push('plant/Flaky', t, r * 10, 0);
  }
  // 20 Hz; after a "reconnect" the server resends the last 50 samples (changed values must not win)
  // and some samples arrive late, after newer ones.
  const resent = sent.get('plant/Resent')!;
  for (let t = BASE; t < BASE + SPAN_MS; t += 50) {
    if (random() < 0.002) {
      push('plant/Resent', t + 50, random() * 3);
      push('plant/Resent', t, random() * 3, 0, t + 60);
      t += 50;
      continue;
    }
    push('plant/Resent', t, random() * 3);
    if (random() < 0.001) for (const old of resent.slice(-50)) push('plant/Resent', old.t, old.v + 100, old.s, t);
  }
  return sent;
}

/** What the store must hold: the first copy to arrive of each (tag, time). */
function stored(sent: readonly Sent[]): Sample[] {
  const byTime = new Map<number, Sample>();
  const arrival = [...sent].sort((a, b) => a.at - b.at);
  for (const { t, v, s } of arrival) if (!byTime.has(t)) byTime.set(t, { t, v, s });
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}

interface Expected {
  count: number;
  good: number;
  sum: number;
  first: Sample;
  last: Sample;
  min: Sample | null;
  max: Sample | null;
}

/** The samples of [from, to), by binary search: sorted by time. */
function inRange(samples: readonly Sample[], from: number, to: number): Sample[] {
  const lowerBound = (t: number) => {
    let lo = 0;
    let hi = samples.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (samples[mid]!.t < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return samples.slice(lowerBound(from), lowerBound(to));
}

/** Brute force: samples grouped by bucket, aggregated naively. */
function expectedBuckets(samples: readonly Sample[], bucketOf: (s: Sample) => number | null): Map<number, Expected> {
  const groups = new Map<number, Sample[]>();
  for (const sample of samples) {
    const b = bucketOf(sample);
    if (b === null) continue;
    if (!groups.has(b)) groups.set(b, []);
    groups.get(b)!.push(sample);
  }
  const out = new Map<number, Expected>();
  for (const [b, group] of groups) {
    const byTime = [...group].sort((x, y) => x.t - y.t);
    const usable = byTime.filter((s) => Number.isFinite(s.v) && qualityOf(s.s) !== 'bad');
    const lowest = usable.reduce<Sample | null>((best, s) => (best === null || s.v < best.v ? s : best), null);
    const highest = usable.reduce<Sample | null>((best, s) => (best === null || s.v > best.v ? s : best), null);
    out.set(b, { count: group.length, good: usable.length, sum: usable.reduce((a, s) => a + s.v, 0), first: byTime[0]!, last: byTime[byTime.length - 1]!, min: lowest, max: highest });
  }
  return out;
}

/** One comparison per series (not per field) keeps thousands of buckets cheap to check. */
function expectBucketsMatch(series: BucketSeries, expected: Map<number, Expected>, what: string): void {
  const { rows } = series;
  const sample = (t: number, v: number, s: number) => ({ t, v, s });
  const got = Array.from(series.bucket, (b, i) => ({
    b,
    count: rows.count[i],
    good: rows.good[i],
    first: sample(rows.firstT[i]!, rows.firstV[i]!, rows.firstS[i]!),
    last: sample(rows.lastT[i]!, rows.lastV[i]!, rows.lastS[i]!),
    min: rows.good[i]! > 0 ? sample(rows.minT[i]!, rows.minV[i]!, rows.minS[i]!) : null,
    max: rows.good[i]! > 0 ? sample(rows.maxT[i]!, rows.maxV[i]!, rows.maxS[i]!) : null,
  }));
  const want = [...expected].sort(([a], [b]) => a - b).map(([b, e]) => ({ b, count: e.count, good: e.good, first: e.first, last: e.last, min: e.min, max: e.max }));
  expect(got, what).toEqual(want);
  // Sums differ only by the order of additions.
  const worst = want.reduce((w, e, i) => Math.max(w, Math.abs(expected.get(e.b)!.sum - rows.sum[i]!) / Math.max(1, Math.abs(rows.sum[i]!))), 0);
  expect(worst, `${what}: sums`).toBeLessThan(1e-9);
}

describe('historian queries against brute force', () => {
  const folder = tempDir('historian-queries');
  const random = seededRandom(SEED);
  const sent = generate(random);
  const truth = new Map([...sent].map(([tag, samples]) => [tag, stored(samples)]));
  let historian: Historian;

  beforeAll(async () => {
    historian = new Historian({ dir: folder.dir, workerEntry: await historianWorkerEntry(), flushIntervalMs: 60_000 });
    const keys = historian.registerTags(TAGS);
    // Interleave the tags in arrival order and flush every few simulated seconds (the app flushes every second;
    // fewer, larger batches keep the test quick and change nothing the queries see).
    const all = [...sent].flatMap(([tag, samples]) => samples.map((s) => ({ key: keys[TAGS.indexOf(tag)]!, ...s })));
    all.sort((a, b) => a.at - b.at);
    let batch = Math.floor(all[0]!.at / 5000);
    for (const s of all) {
      if (Math.floor(s.at / 5000) !== batch) {
        batch = Math.floor(s.at / 5000);
        void historian.flush();
      }
      historian.append(s.key, s.t, s.v, s.s);
    }
    await historian.flush();
    expect(historian.stats().dropped).toBe(0);
  });

  afterAll(async () => {
    await historian?.dispose();
    folder.remove();
  });

  it('stores every sample once: a resent sample keeps its first value', async () => {
    const total = [...truth.values()].reduce((n, s) => n + s.length, 0);
    const stats = historian.stats();
    expect(stats.written).toBe(total);
    expect(stats.duplicates).toBe([...sent.values()].reduce((n, s) => n + s.length, 0) - total);
  });

  it('returns raw samples of a range exactly, and says when the row limit cut it', async () => {
    for (let round = 0; round < 20; round++) {
      const from = BASE - 1000 + Math.floor(random() * (SPAN_MS + 2000));
      const to = from + 1 + Math.floor(random() * 120_000);
      const series = (await historian.readSeries({ tagIds: TAGS, from, to, buckets: 0, rawLimit: 3000, exact: false })) as RawSeries[];
      series.forEach((s, i) => {
        const want = truth.get(TAGS[i]!)!.filter((x) => x.t >= from && x.t < to);
        const got = Array.from(s.time, (t, k) => ({ t, v: s.value[k]!, s: s.status[k]! }));
        expect(got, `${s.tagId} raw [${from}, ${to})`).toEqual(want.slice(0, 3000));
        expect(s.truncated).toBe(want.length > 3000);
      });
    }
  });

  it('buckets first/min/max/last/count/sum as brute force does over the same groups, for ranges cutting cells anywhere', async () => {
    for (let round = 0; round < 40; round++) {
      const from = BASE - 5000 + Math.floor(random() * SPAN_MS);
      const to = Math.min(BASE + SPAN_MS + 5000, from + 1000 + Math.floor(random() * SPAN_MS));
      const buckets = 1 + Math.floor(random() * 1600);
      const width = (to - from) / buckets;
      const series = (await historian.readSeries({ tagIds: TAGS, from, to, buckets, rawLimit: 0, exact: false })) as BucketSeries[];
      for (const s of series) {
        const what = `${s.tagId} [${from}, ${to}) / ${buckets}`;
        // The plan tiles the range with levels no wider than a bucket.
        if (s.plan.length > 0) {
          expect(s.plan[0]!.from, what).toBe(from);
          expect(s.plan[s.plan.length - 1]!.to, what).toBe(to);
        }
        s.plan.forEach((segment, k) => {
          if (k > 0) expect(segment.from, what).toBe(s.plan[k - 1]!.to);
          expect(segment.levelMs, what).toBeLessThanOrEqual(width);
        });
        // A sample's group starts at its cell's start when a whole cell of the segment's level answers, else at its own time.
        let k = 0;
        const groupStart = (x: Sample): number | null => {
          while (k < s.plan.length && x.t >= s.plan[k]!.to) k++;
          const segment = s.plan[k];
          if (!segment || x.t < segment.from) return null;
          const level = segment.levelMs;
          if (level === 0) return x.t;
          const cell = Math.floor(x.t / level) * level;
          return cell >= segment.from && cell + level <= segment.to ? cell : x.t;
        };
        const expected = expectedBuckets(inRange(truth.get(s.tagId)!, from, to), (x) => {
          const start = groupStart(x);
          return start === null ? null : bucketIndex(start, from, width, buckets);
        });
        expectBucketsMatch(s, expected, what);
      }
    }
  });

  it('with exact buckets (CSV), each bucket aggregates exactly its own samples', async () => {
    for (let round = 0; round < 20; round++) {
      const widths = [1000, 5000, 10_000, 30_000, 60_000, 300_000];
      const width = widths[Math.floor(random() * widths.length)]!;
      const from = Math.floor((BASE + random() * SPAN_MS * 0.8) / width) * width;
      const buckets = 1 + Math.floor(random() * 500);
      const to = from + buckets * width;
      const series = (await historian.readSeries({ tagIds: TAGS, from, to, buckets, rawLimit: 0, exact: true })) as BucketSeries[];
      for (const s of series) {
        const expected = expectedBuckets(inRange(truth.get(s.tagId)!, from, to), (x) => Math.floor((x.t - from) / width));
        expectBucketsMatch(s, expected, `${s.tagId} exact [${from}, ${to}) / ${buckets}`);
      }
    }
  });

  it('answers a wide window from rollups, not from every sample', async () => {
    const msAt = (s: BucketSeries, level: number) => s.plan.filter((g) => g.levelMs === level).reduce((ms, g) => ms + g.to - g.from, 0);
    // 36 s buckets: both tags come from 15 s cells, the slow one's since its first 15 s cell with 8 samples;
    // the cell still open at each tag's newest sample comes from finer levels.
    const wide = (await historian.readSeries({ tagIds: ['plant/Fast', 'plant/Slow'], from: BASE, to: BASE + SPAN_MS, buckets: 200, rawLimit: 0, exact: false })) as BucketSeries[];
    for (const s of wide) {
      expect(msAt(s, 0), s.tagId).toBeLessThan(60_000);
      expect(msAt(s, 15_000), s.tagId).toBeGreaterThan(SPAN_MS - 90_000);
    }
    // 9 s buckets: the fast tag from 5 s cells; the 1 Hz tag has no level that fine (5 samples a cell are cheaper raw).
    const [fast, slow] = (await historian.readSeries({ tagIds: ['plant/Fast', 'plant/Slow'], from: BASE, to: BASE + SPAN_MS, buckets: 800, rawLimit: 0, exact: false })) as BucketSeries[];
    expect(msAt(fast!, 5000)).toBeGreaterThan(SPAN_MS - 30_000);
    expect(slow!.plan).toEqual([{ from: BASE, to: BASE + SPAN_MS, levelMs: 0 }]);
  });

  it('readHistory returns real samples in time order, keeps every spike, and names unknown tags', async () => {
    const service = new HistoryService(historian, (tagId) => TAGS.includes(tagId));
    const from = BASE;
    const to = BASE + SPAN_MS;
    const answer = await service.readHistory({ tagIds: ['plant/Fast', 'plant/Flaky', 'plant/Empty'], from, to, buckets: 1600 });
    for (const series of answer) {
      const real = new Map(truth.get(series.tagId)!.map((x) => [x.t, x]));
      series.time.forEach((t, i) => {
        expect(t).toBeGreaterThanOrEqual(from);
        expect(t).toBeLessThan(to);
        if (i > 0) expect(t).toBeGreaterThan(series.time[i - 1]!);
        const x = real.get(t)!;
        expect({ v: series.value[i], s: series.status[i] }, `${series.tagId} at ${t}`).toEqual({ v: x.v, s: x.s });
      });
      const usable = truth.get(series.tagId)!.filter((x) => Number.isFinite(x.v) && qualityOf(x.s) !== 'bad');
      if (usable.length > 0) {
        expect(series.value).toContain(usable.reduce((m, x) => Math.max(m, x.v), -Infinity));
        expect(series.value).toContain(usable.reduce((m, x) => Math.min(m, x.v), Infinity));
      }
      expect(series.truncated).toBe(false);
    }
    expect(answer[0]!.value).toContain(1000);
    expect(answer[2]!.time).toEqual([]);
    await expect(service.readHistory({ tagIds: ['plant/Fast', 'plant/Nope'], from, to, buckets: 10 })).rejects.toThrow('readHistory: tagIds.1: unknown tag "plant/Nope"');
  });
});
